// The admin's audit log: the chain's verification (and Verify now), filters, the entries page by page, CSV export.
import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { memo, useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account, AuditChainStatus, AuditListEntry, AuditQuery } from '../../../../db/contract';
import { call } from '../../api/client';
import { Name } from '../../ui/bidi';
import { DataTable } from '../../ui/DataTable';
import { EmptyState, ErrorBanner, Loading, PageHeader } from '../../ui/feedback';
import { Button, SelectField, TextField } from '../../ui/fields';
import { formatInstant } from '../../ui/format';
import { downloadText } from '../../ui/download';
import { numberFormat } from '../../ui/intl';
import { accountsOptions } from '../accounts/queries';
import { auditActionsOptions, auditPageOptions, auditStatusKey as statusKey, auditStatusOptions } from './queries';

interface Filters {
  actor: string | null;
  patient: string;
  action: string | null;
  from: string;
  to: string;
}
const NO_FILTERS: Filters = { actor: null, patient: '', action: null, from: '', to: '' };

/** The filters as the contract takes them; null while the patient number is not a number (nothing is asked). */
function toQuery(f: Filters): AuditQuery | null {
  const patient = f.patient.trim();
  if (patient !== '' && !/^[1-9]\d{0,15}$/.test(patient)) return null;
  return {
    actorId: f.actor === null ? null : Number(f.actor),
    patientId: patient === '' ? null : Number(patient),
    action: f.action,
    from: f.from === '' ? null : f.from,
    to: f.to === '' ? null : f.to,
  };
}

/** The log as it opens (no filters, the newest page), its filters' lists and the chain's state, as the link is pressed. */
export function prefetchAudit(client: QueryClient): void {
  void client.prefetchQuery(auditStatusOptions());
  void client.prefetchQuery(accountsOptions());
  void client.prefetchQuery(auditActionsOptions());
  void client.prefetchQuery(auditPageOptions(toQuery(NO_FILTERS), null));
}

export function AuditScreen() {
  const { t } = useTranslation('audit');
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  // The cursors of the pages walked so far: the first page has none, each next one starts before the last id shown.
  const [cursors, setCursors] = useState<(number | null)[]>([null]);
  // The count of the last export, worded at render time so a language switch rewords it too.
  const [exported, setExported] = useState<number | null>(null);
  const query = toQuery(filters);
  const beforeId = cursors[cursors.length - 1] ?? null;
  // One function for the screen's life: the filter bar redraws only when the filters or their lists change.
  const setFilter = useCallback(<K extends keyof Filters>(key: K, value: Filters[K]) => {
    setFilters((f) => ({ ...f, [key]: value }));
    setCursors([null]);
  }, []);

  const accounts = useQuery(accountsOptions());
  const actions = useQuery(auditActionsOptions());
  const page = useQuery(auditPageOptions(query, beforeId));
  const exportCsv = useMutation({
    mutationFn: (q: AuditQuery) => call('audit.exportCsv', q),
    onSuccess: (r) => {
      downloadText(r.fileName, r.csv);
      setExported(r.rows);
    },
  });

  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')}>
        <Button
          isDisabled={query === null}
          isPending={exportCsv.isPending}
          onPress={() => {
            setExported(null);
            if (query) exportCsv.mutate(query);
          }}
        >
          {t('export')}
        </Button>
      </PageHeader>
      <div role="status" aria-live="polite" className={exported === null ? undefined : 'banner banner-ok'}>
        {exported === null ? '' : t('exported', { count: exported })}
      </div>
      <ErrorBanner error={exportCsv.error ?? null} />
      <ChainPanel />
      <section className="panel audit-entries" aria-labelledby="audit-entries">
        <h2 id="audit-entries" className="visually-hidden">
          {t('entries')}
        </h2>
        <FilterBar
          filters={filters}
          invalid={query === null}
          accounts={accounts.data}
          actions={actions.data}
          setFilter={setFilter}
        />
        {page.isPending && query !== null ? <Loading /> : null}
        {page.isError ? <ErrorBanner error={page.error} /> : null}
        {page.data && page.data.entries.length === 0 ? <EmptyState title={t('empty')} /> : null}
        {page.data && page.data.entries.length > 0 ? (
          <DataTable
            labelledBy="audit-entries"
            columns={[
              t('columns.when'),
              t('columns.user'),
              t('columns.action'),
              t('columns.record'),
              t('columns.changed'),
              { label: t('columns.entry'), className: 'num' },
            ]}
          >
            <EntryRows entries={page.data.entries} />
          </DataTable>
        ) : null}
        <div className="list-footer">
          <span>{t('page', { page: cursors.length })}</span>
          <span className="list-footer-buttons">
            <Button isDisabled={cursors.length <= 1} onPress={() => setCursors((c) => c.slice(0, -1))}>
              {t('newer')}
            </Button>
            <Button
              isDisabled={!page.data?.nextBeforeId || page.isPlaceholderData}
              onPress={() => {
                const next = page.data?.nextBeforeId;
                if (next) setCursors((c) => [...c, next]);
              }}
            >
              {t('older')}
            </Button>
          </span>
        </div>
      </section>
    </>
  );
}

/**
 * The filters. Memoised: the answers that come in after the screen opens (the chain's state, the page of entries) redraw
 * only what they change, not these five fields and their option lists.
 */
const FilterBar = memo(function FilterBar({
  filters,
  invalid,
  accounts,
  actions,
  setFilter,
}: {
  filters: Filters;
  /** The patient number typed is not a number (nothing is asked). */
  invalid: boolean;
  accounts: Account[] | undefined;
  actions: string[] | undefined;
  setFilter: <K extends keyof Filters>(key: K, value: Filters[K]) => void;
}) {
  const { t } = useTranslation('audit');
  return (
    <div className="filter-bar" role="search" aria-label={t('filters')}>
      <SelectField
        label={t('filter.user')}
        value={filters.actor}
        onChange={(v) => setFilter('actor', v)}
        emptyLabel={t('filter.anyone')}
        options={(accounts ?? []).map((a) => ({ value: String(a.id), label: a.displayName }))}
      />
      <TextField
        label={t('filter.patient')}
        value={filters.patient}
        onChange={(v) => setFilter('patient', v)}
        inputMode="numeric"
        error={invalid ? t('filter.patientInvalid') : undefined}
      />
      <SelectField
        label={t('filter.action')}
        value={filters.action}
        onChange={(v) => setFilter('action', v)}
        emptyLabel={t('filter.anyAction')}
        options={(actions ?? []).map((a) => ({ value: a, label: a }))}
      />
      <TextField label={t('filter.from')} type="date" value={filters.from} onChange={(v) => setFilter('from', v)} />
      <TextField label={t('filter.to')} type="date" value={filters.to} onChange={(v) => setFilter('to', v)} />
    </div>
  );
});

/** One page of entries; memoised like the filter bar, so a late answer elsewhere on the screen leaves the rows be. */
const EntryRows = memo(function EntryRows({ entries }: { entries: AuditListEntry[] }) {
  const { t, i18n } = useTranslation('audit');
  return entries.map((e) => (
    <tr key={e.id}>
      <td>{formatInstant(e.at, i18n.language)}</td>
      <td>{e.actorName === null ? t('system') : <Name>{e.actorName}</Name>}</td>
      {/* <code>: the core's own identifiers, matched against the CSV, not words to translate; `dir` isolates them left
          to right as Ltr would, without an element of its own in each of the page's 150 cells. */}
      <td className="mono">
        <code dir="ltr">{e.action}</code>
      </td>
      <td className="mono">
        <code dir="ltr">{e.entityId === null ? e.entity : `${e.entity} #${e.entityId}`}</code>
      </td>
      <td className="mono">
        {e.changed.length > 0 ? (
          <code dir="ltr" title={e.changed.join(', ')}>
            {e.changed.join(', ')}
          </code>
        ) : (
          '—'
        )}
      </td>
      <td className="num mono">{e.id}</td>
    </tr>
  ));
});

/** The chain's last verification, in words, with Verify now (a full run from the first entry). */
function ChainPanel() {
  const { t, i18n } = useTranslation('audit');
  const client = useQueryClient();
  const status = useQuery(auditStatusOptions());
  const verify = useMutation({
    mutationFn: () => call('audit.verify', {}),
    onSuccess: (s) => client.setQueryData(statusKey, s),
  });
  const s: AuditChainStatus | undefined = status.data;
  const fmt = numberFormat(i18n.language);
  return (
    <section className="panel audit-chain" aria-labelledby="audit-chain">
      <div className="panel-header">
        <h2 id="audit-chain" className="panel-title">
          {t('chain.title')}
        </h2>
        <Button variant="primary" isPending={verify.isPending} onPress={() => verify.mutate()}>
          {t('verify')}
        </Button>
      </div>
      <ErrorBanner error={status.error ?? verify.error ?? null} />
      <div role="status" aria-live="polite" className="panel-body">
        {verify.isPending ? (
          <p className="audit-verifying">
            {t('verifying')} <progress aria-label={t('verifying')} />
          </p>
        ) : s ? (
          <>
            <p>
              <span className={`badge ${STATE_BADGE[s.state]}`}>{t(`chain.${s.state}`)}</span>{' '}
              {s.checkedAt
                ? t('chain.checked', {
                    time: formatInstant(s.checkedAt, i18n.language),
                    mode: t(`chain.mode.${s.mode ?? 'full'}`),
                    count: s.checkedEntries,
                    entries: fmt.format(s.checkedEntries),
                  })
                : null}
            </p>
            {s.state === 'broken' ? (
              <p className="audit-chain-problem">
                {t(`chain.problem.${s.problem ?? 'edited'}`, { id: s.brokenAtId ?? '—' })}
              </p>
            ) : null}
            {s.state === 'unanchored' ? <p>{t('chain.unanchoredHelp')}</p> : null}
            {s.throughId !== null && s.state !== 'broken' ? (
              <p>{t('chain.through', { id: fmt.format(s.throughId) })}</p>
            ) : null}
          </>
        ) : null}
      </div>
    </section>
  );
}

const STATE_BADGE: Record<AuditChainStatus['state'], string> = {
  ok: 'badge-accepted',
  unanchored: 'badge-today',
  broken: 'badge-overdue',
  unverified: 'badge-closed',
};
