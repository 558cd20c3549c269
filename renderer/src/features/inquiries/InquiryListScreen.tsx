// The inquiry list: search as you type, filters, sortable columns and pages — all answered by the core, kept in the address.
import { type ColumnDef, flexRender, getCoreRowModel, type Row, useReactTable } from '@tanstack/react-table';
import { memo, useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FOLLOW_UP_FILTERS, type InquiryListRow, type InquiryQueryInput, OPEN_STATUSES } from '../../../../db/contract';
import { hrefFor, parseRoute } from '../../app/router';
import { EmptyState, ErrorBanner, PageHeader } from '../../ui/feedback';
import { Pager } from '../../ui/Pager';
import { SortHeader } from '../../ui/SortHeader';
import { Button, FilterBar, SelectField } from '../../ui/fields';
import { followUpBadge, statusBadge, waitBadge } from '../../ui/Badges';
import { followUpState, formatDay, formatDayShort, formatInstantShort } from '../../ui/format';
import {
  DEFAULT_LIST_STATE,
  type ListState,
  PAGE_SIZE,
  parseListState,
  serializeListState,
  toQuery,
} from './list-query';
import { channelOptions, countryName, statusOptions } from '../../ui/options';
import { CodeComboField } from '../../ui/CodeComboField';
import type { QueryClient } from '@tanstack/react-query';
import { inquiryListOptions, staffOptions, useInquiryList, useStaff } from '../../api/inquiry-queries';
import '../../ui/records.css';
import { Joined, Ltr, Name } from '../../ui/bidi';
import { usePageVirtualizer } from '../../ui/VirtualRows';
import { useShownAfter } from '../../ui/use-shown-after';

/** Every row's height in px: fixed in records.css (`.inquiry-table tbody tr`), so the drawn window is never re-measured. */
const ROW_HEIGHT = 45;
/** Rows drawn beyond each edge of the screen: Tab down the rows always finds the next one drawn. */
const OVERSCAN = 6;

type SortKey = ListState['sort'];

/** The list's opening data as its nav link is pressed: the page the link's address opens on, and the staff filter. */
export function prefetchInquiryList(client: QueryClient, hash: string): void {
  void client.prefetchQuery(inquiryListOptions(toQuery(parseListState(hash))));
  void client.prefetchQuery(staffOptions());
}

export function InquiryListScreen() {
  const { t, i18n } = useTranslation('inquiries');
  const locale = i18n.language;
  const [state, setState] = useState<ListState>(() => parseListState(window.location.hash));
  const [text, setText] = useState(state.text);

  // Every keystroke searches at once (no typing pause): the query keeps the last answer on screen until the next one
  // comes, and its lane sends one call at a time, dropping those overtaken (api/lane.ts).
  const onText = (next: string) => {
    setText(next);
    setState((s) => (s.text === next ? s : { ...s, text: next, page: 0 }));
  };

  // A link to the list (the navigation, Back) sets the address: the filters follow it.
  useEffect(() => {
    const onHash = () => {
      const next = parseListState(window.location.hash);
      setState((current) => (serializeListState(current) === serializeListState(next) ? current : next));
      setText((current) => (current === next.text ? current : next.text));
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  const query: InquiryQueryInput = useMemo(() => toQuery(state), [state]);
  const list = useInquiryList(query);
  // Dimmed only while an answer is slow to come: a keystroke's answer comes in tens of milliseconds (see use-shown-after).
  const dim = useShownAfter(list.isFetching, 200);

  // The address follows the filters without adding a Back step per keystroke, but only while it is still the list's:
  // a search that settles just after a click on a row must not pull the address back from the inquiry. Declared after
  // the query, so its effect runs after the query's: the keystroke's call leaves first and replaceState (a few
  // milliseconds in Chromium) runs while the core answers, not before it is asked.
  useEffect(() => {
    const hash = serializeListState(state);
    if (window.location.hash !== hash && parseRoute(window.location.hash).name === 'inquiries')
      window.history.replaceState(null, '', hash);
  }, [state]);
  // Stable, so the memoised filters skip a keystroke's re-render (a country box of 250 options is costly to rebuild).
  const update = useCallback(
    (patch: Partial<ListState>) => setState((s) => ({ ...s, ...patch, page: 'page' in patch ? (patch.page ?? 0) : 0 })),
    [],
  );
  const clear = useCallback(() => {
    setText('');
    setState(DEFAULT_LIST_STATE);
  }, []);
  const now = new Date();
  const today = list.data?.today ?? '';

  const columns = useMemo<ColumnDef<InquiryListRow>[]>(
    () => [
      {
        id: 'receivedAt',
        header: t('list.columns.received'),
        cell: ({ row }) => formatInstantShort(row.original.receivedAt, locale),
      },
      {
        id: 'patientName',
        header: t('list.columns.patient'),
        cell: ({ row }) => (
          <span className="cell-stack">
            <a
              className="row-link cell-cut"
              href={hrefFor({ name: 'inquiry', id: row.original.id })}
              title={row.original.patientName}
            >
              <Name>{row.original.patientName}</Name>
            </a>
            <ContactLine row={row.original} />
          </span>
        ),
      },
      {
        id: 'country',
        header: t('list.columns.country'),
        cell: ({ row }) => (
          <span className="cell-stack">
            <span>{countryName(row.original.country, locale)}</span>
            <span className="cell-sub">{t(`channel.${row.original.channel}`)}</span>
          </span>
        ),
      },
      {
        id: 'status',
        header: t('list.columns.status'),
        cell: ({ row }) => statusBadge(t, row.original.status),
      },
      {
        id: 'owner',
        header: t('list.columns.owner'),
        cell: ({ row }) =>
          row.original.ownerName ? (
            <Name title={row.original.ownerName}>{row.original.ownerName}</Name>
          ) : (
            <span className="muted">{t('unassigned')}</span>
          ),
      },
      {
        id: 'nextFollowUp',
        header: t('list.columns.followUp'),
        cell: ({ row }) => (
          <span className="cell-stack">
            <span title={formatDay(row.original.nextFollowUp, locale)}>
              {formatDayShort(row.original.nextFollowUp, locale, today)}
            </span>
            {followUpBadge(t, isOpen(row.original) ? followUpState(row.original.nextFollowUp, today) : 'none')}
          </span>
        ),
      },
      {
        id: 'waiting',
        header: t('list.columns.waiting'),
        cell: ({ row }) =>
          row.original.firstContactAt || !isOpen(row.original)
            ? null
            : waitBadge(t, row.original.receivedAt, null, now),
      },
    ],
    // `now` changes every render on purpose only through refetches; columns depend on language and the clinic day.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [t, locale, today],
  );

  const table = useReactTable({
    data: list.data?.rows ?? [],
    columns,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (row) => String(row.id),
    manualSorting: true,
    manualPagination: true,
    rowCount: list.data?.total ?? 0,
  });

  // The rows stay the same element while a keystroke waits for its answer (the last answer stays on screen), so React
  // skips them: a keystroke re-renders the search box and filters, and the rows only when the new answer comes. Then
  // each row is keyed by its inquiry and skipped when it shows the same values: a narrower search keeps many rows.
  // Only the rows near the screen are drawn (some 25 of a page of 50 at 1366x768), the others stand as blank space of
  // their fixed height: a keystroke's answer builds, lays out and paints half the rows, and nothing moves when it comes.
  const rows = list.data?.rows;
  const count = rows?.length ?? 0;
  // Where the list starts is read once drawn and again only after a render that can move it (an error banner above it,
  // the language that rewraps the filters), never on a keystroke or an answer: that read forces a layout, before the
  // keystroke's call is sent or in the middle of the answer's commit. A few pixels off (a window resized) only shifts
  // which rows are drawn, within the overscan; the blank rows' heights never depend on it.
  const { listRef, virtualizer } = usePageVirtualizer<HTMLTableSectionElement>(count, ROW_HEIGHT, OVERSCAN, {
    moved: [list.isError, locale],
    fromFirstFrame: true,
  });
  const drawn = virtualizer.getVirtualItems();
  const first = drawn[0]?.index ?? 0;
  const last = drawn[drawn.length - 1]?.index ?? -1;
  const body = useMemo(() => {
    const model = table.getRowModel().rows;
    const spacer = (n: number, key: string) =>
      n > 0 ? (
        <tr aria-hidden="true" className="virtual-spacer" key={key}>
          <td colSpan={columns.length} style={{ height: n * ROW_HEIGHT }} />
        </tr>
      ) : null;
    return (
      <tbody ref={listRef}>
        {spacer(first, 'before')}
        {model.slice(first, last + 1).map((row, i) => (
          <ListRow key={row.id} row={row} columns={columns} index={first + i} />
        ))}
        {spacer(model.length - (last + 1), 'after')}
      </tbody>
    );
    // `table` is one instance for the screen's life; its rows follow `rows` and `columns`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [rows, columns, first, last]);

  const sortable: readonly string[] = ['receivedAt', 'patientName', 'country', 'status', 'nextFollowUp'];
  const toggleSort = (key: SortKey) =>
    update({
      sort: key,
      direction:
        state.sort === key ? (state.direction === 'asc' ? 'desc' : 'asc') : key === 'receivedAt' ? 'desc' : 'asc',
    });

  const filtered =
    JSON.stringify({ ...state, page: 0, sort: 'receivedAt', direction: 'desc' }) !==
      JSON.stringify(DEFAULT_LIST_STATE) || text !== '';

  return (
    <>
      <PageHeader title={t('list.title')}>
        <a className="button button-primary" href={hrefFor({ name: 'inquiryNew' })}>
          {t('list.new')}
        </a>
      </PageHeader>
      <section className="panel">
        <FilterBar label={t('list.search')} placeholder={t('list.searchPlaceholder')} text={text} onText={onText}>
          <ListFilters state={state} filtered={filtered} update={update} clear={clear} />
        </FilterBar>
        {list.isError ? <ErrorBanner error={list.error} /> : null}
        <div className={`table-wrap table-min ${dim ? 'fetching' : ''}`} aria-busy={list.isFetching}>
          <table className="table inquiry-table" aria-rowcount={count + 1}>
            <thead>
              {table.getHeaderGroups().map((group) => (
                <tr key={group.id} aria-rowindex={1}>
                  {group.headers.map((header) => {
                    const key = header.column.id;
                    return (
                      <SortHeader
                        key={header.id}
                        className={`col-${key}`}
                        label={flexRender(header.column.columnDef.header, header.getContext())}
                        direction={state.sort === key ? state.direction : null}
                        {...(sortable.includes(key) ? { onSort: () => toggleSort(key as SortKey) } : {})}
                      />
                    );
                  })}
                </tr>
              ))}
            </thead>
            {body}
          </table>
          {list.data && list.data.rows.length === 0 ? (
            <EmptyState title={t('list.empty')}>{t('list.emptyHint')}</EmptyState>
          ) : null}
        </div>
        <Pager
          page={state.page}
          pageSize={PAGE_SIZE}
          total={list.data ? list.data.total : null}
          locale={locale}
          onPage={(n) => update({ page: n })}
          capped={
            list.data?.totalCapped
              ? { hasNext: list.data.next !== null, range: (v) => t('list.rangeMore', v) }
              : undefined
          }
          labels={{ range: (v) => t('list.range', v), previous: t('list.previous'), next: t('list.next') }}
        />
      </section>
    </>
  );
}

/**
 * The filters beside the search box. Memoised on the filter values alone: typing changes only `state.text`, so a
 * keystroke re-renders the box and the rows, never these selects and the country combo box.
 */
interface FiltersProps {
  state: ListState;
  filtered: boolean;
  update: (patch: Partial<ListState>) => void;
  clear: () => void;
}
const ListFilters = memo(function ListFilters(p: FiltersProps) {
  const { t, i18n } = useTranslation('inquiries');
  const staff = useStaff();
  const { update } = p;
  const { status, ownerId, channel, country, followUp } = p.state;
  return (
    <>
      <SelectField
        label={t('list.statusFilter')}
        value={status}
        onChange={(v) => update({ status: v })}
        options={[{ value: 'open', label: t('list.openStatuses') }, ...statusOptions(t)]}
        emptyLabel={t('list.anyStatus')}
      />
      <SelectField
        label={t('list.ownerFilter')}
        value={ownerId === null ? null : String(ownerId)}
        onChange={(v) => update({ ownerId: v === null ? null : Number(v) })}
        options={(staff.data ?? []).map((s) => ({ value: String(s.id), label: s.displayName }))}
        emptyLabel={t('list.anyOwner')}
      />
      <SelectField
        label={t('list.channelFilter')}
        value={channel}
        onChange={(v) => update({ channel: v })}
        options={channelOptions(t)}
        emptyLabel={t('list.anyChannel')}
      />
      <CodeComboField
        kind="region"
        label={t('list.countryFilter')}
        value={country}
        onChange={(v) => update({ country: v })}
        locale={i18n.language}
        placeholder={t('list.anyCountry')}
      />
      <SelectField
        label={t('list.followUpFilter')}
        value={followUp}
        onChange={(v) => update({ followUp: v ?? 'any' })}
        options={FOLLOW_UP_FILTERS.map((f) => ({ value: f, label: t(`list.followUp.${f}`) }))}
      />
      <Button variant="ghost" isDisabled={!p.filtered} onPress={p.clear}>
        {t('list.clear')}
      </Button>
    </>
  );
}, sameFilters);

/** Equal when everything but the typed text (and the page it resets) is equal. */
function sameFilters(a: FiltersProps, b: FiltersProps): boolean {
  const keys = ['status', 'ownerId', 'channel', 'country', 'followUp'] as const;
  return (
    a.filtered === b.filtered &&
    a.update === b.update &&
    a.clear === b.clear &&
    keys.every((k) => a.state[k] === b.state[k])
  );
}

const isOpen = (r: InquiryListRow) => OPEN_STATUSES.includes(r.status);

/**
 * One row of the table. It says its place in the whole page (the header is row 1): screen readers hear the page's size,
 * not the rows drawn.
 */
function ListRow({
  row,
  columns,
  index,
}: {
  row: Row<InquiryListRow>;
  columns: ColumnDef<InquiryListRow>[];
  index: number;
}) {
  return (
    <tr aria-rowindex={index + 2}>
      <RowCells row={row} columns={columns} />
    </tr>
  );
}

/** A row's cells, drawn again only when its values or the columns (language, clinic day) change, not its place. */
const RowCells = memo(
  function RowCells({ row }: { row: Row<InquiryListRow>; columns: ColumnDef<InquiryListRow>[] }) {
    return (
      <>
        {row.getVisibleCells().map((cell) => (
          <td key={cell.column.id}>{flexRender(cell.column.columnDef.cell, cell.getContext())}</td>
        ))}
      </>
    );
  },
  (a, b) => a.columns === b.columns && sameValues(a.row.original, b.row.original),
);

/** Field by field: each answer is parsed afresh, so an unchanged row is an equal object, never the same one. */
function sameValues(a: InquiryListRow, b: InquiryListRow): boolean {
  if (a === b) return true;
  const keys = Object.keys(a) as (keyof InquiryListRow)[];
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}

/** The contact under the patient's name: each part isolated, the whole line in full on hover, cut with an ellipsis. */
function ContactLine({ row }: { row: InquiryListRow }) {
  const contact = row.contactName === row.patientName ? null : row.contactName;
  const reach = row.contactPhone ?? row.contactEmail;
  const full = [contact, reach].filter(Boolean).join(' · ');
  return (
    <span className="cell-sub cell-cut" title={full || undefined}>
      <Joined items={[contact ? <Name>{contact}</Name> : null, reach ? <Ltr>{reach}</Ltr> : null]} />
    </span>
  );
}
