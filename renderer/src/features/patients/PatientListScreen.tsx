// The patient registry: search as you type over names, MRN, phone digits and e-mail; sortable, paged by seeking.
import type { QueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PATIENT_SORTS, type PatientQueryInput } from '../../../../db/contract';
import { hrefFor } from '../../app/router';
import { EmptyState, ErrorBanner, PageHeader } from '../../ui/feedback';
import { Pager } from '../../ui/Pager';
import { SortHeader } from '../../ui/SortHeader';
import { FilterBar } from '../../ui/fields';
import { formatInstant, formatPartialDate } from '../../ui/format';
import { countryName } from '../../ui/options';
import { fullName } from './PatientDetailScreen';
import { patientListOptions, usePatientList } from '../../api/patient-queries';
import '../../ui/records.css';
import './patients.css';
import { Joined, Ltr, Name } from '../../ui/bidi';
import { useShownAfter } from '../../ui/use-shown-after';

const PAGE_SIZE = 50;
const FIRST_PAGE = { page: 0, cursors: [null] };
type Sort = (typeof PATIENT_SORTS)[number];
type SortState = { key: Sort; direction: 'asc' | 'desc' };
/** The registry opens with no text, newest first. */
const OPENING_SORT: SortState = { key: 'createdAt', direction: 'desc' };

const listQuery = (text: string, sort: SortState, after: string | null): PatientQueryInput => ({
  text: text.trim(),
  sort: sort.key,
  direction: sort.direction,
  after,
  limit: PAGE_SIZE,
});

/** The registry's first page as its nav link is pressed: the query the screen opens with. */
export function prefetchPatientList(client: QueryClient): void {
  void client.prefetchQuery(patientListOptions(listQuery('', OPENING_SORT, null)));
}

export function PatientListScreen() {
  const { t, i18n } = useTranslation('patients');
  const locale = i18n.language;
  const [text, setText] = useState('');
  const [sort, setSort] = useState<SortState>(OPENING_SORT);
  // Page n starts after the last row of page n - 1 (cursors[n]): page 2,000 costs what page 1 does.
  const [pages, setPages] = useState<{ page: number; cursors: (string | null)[] }>(FIRST_PAGE);
  const page = pages.page;
  const query = listQuery(text, sort, pages.cursors[page] ?? null);
  const list = usePatientList(query);
  // Dimmed only while an answer is slow to come, as the inquiry list (see use-shown-after).
  const dim = useShownAfter(list.isFetching, 200);
  const next = list.data?.next ?? null;
  const toPage = (to: number) =>
    setPages((p) => ({ page: to, cursors: to > p.page ? [...p.cursors.slice(0, to), next] : p.cursors }));

  const columns: { key: string; sort: Sort | null; label: string }[] = [
    { key: 'mrn', sort: 'mrn', label: t('list.columns.mrn') },
    { key: 'name', sort: 'name', label: t('list.columns.name') },
    { key: 'born', sort: 'birthDate', label: t('list.columns.born') },
    { key: 'nationality', sort: null, label: t('list.columns.nationality') },
    { key: 'stroke', sort: null, label: t('list.columns.stroke') },
    { key: 'registered', sort: 'createdAt', label: t('list.columns.registered') },
  ];
  const toggle = (key: Sort) => {
    setPages(FIRST_PAGE);
    setSort((s) => ({
      key,
      direction: s.key === key ? (s.direction === 'asc' ? 'desc' : 'asc') : key === 'createdAt' ? 'desc' : 'asc',
    }));
  };

  return (
    <>
      <PageHeader title={t('list.title')}>
        <a className="button button-secondary" href={hrefFor({ name: 'duplicates' })}>
          {t('list.duplicates')}
        </a>
        <a className="button button-primary" href={hrefFor({ name: 'patientNew' })}>
          {t('list.new')}
        </a>
      </PageHeader>
      <section className="panel">
        <FilterBar
          label={t('list.search')}
          placeholder={t('list.searchPlaceholder')}
          text={text}
          // Every keystroke searches at once from the first page; the list's lane keeps calls from piling up.
          onText={(next) => {
            setText(next);
            setPages(FIRST_PAGE);
          }}
          autoFocus
        />
        {list.isError ? <ErrorBanner error={list.error} /> : null}
        <div className={`table-wrap table-min ${dim ? 'fetching' : ''}`} aria-busy={list.isFetching}>
          <table className="table">
            <thead>
              <tr>
                {columns.map((c) => (
                  <SortHeader
                    key={c.key}
                    label={c.label}
                    direction={c.sort !== null && sort.key === c.sort ? sort.direction : null}
                    {...(c.sort ? { onSort: () => c.sort && toggle(c.sort) } : {})}
                  />
                ))}
              </tr>
            </thead>
            <tbody>
              {(list.data?.rows ?? []).map((p) => (
                <tr key={p.id}>
                  <td className="mrn">
                    <Ltr>{p.mrn}</Ltr>
                  </td>
                  <td>
                    <span className="cell-stack">
                      <a
                        className="row-link cell-cut"
                        href={hrefFor({ name: 'patient', id: p.id })}
                        title={`${fullName(p)}${p.nativeName ? ` · ${p.nativeName}` : ''}`}
                      >
                        <Name>{fullName(p)}</Name>
                        {p.nativeName ? (
                          <span className="muted">
                            {' · '}
                            <Name>{p.nativeName}</Name>
                          </span>
                        ) : null}
                      </a>
                      <span
                        className="cell-sub cell-cut"
                        title={[p.phone, p.email].filter(Boolean).join(' · ') || undefined}
                      >
                        <Joined
                          items={[p.phone ? <Ltr>{p.phone}</Ltr> : null, p.email ? <Ltr>{p.email}</Ltr> : null]}
                        />
                      </span>
                    </span>
                  </td>
                  <td title={p.birthDateApprox ? t('common:dates.estimated') : undefined}>
                    {formatPartialDate(p.birthDate, p.birthDateApprox, locale)}
                  </td>
                  <td>{countryName(p.nationality, locale)}</td>
                  <td>{t(`inquiries:diagnosisShort.${p.strokeType}`)}</td>
                  <td>{formatInstant(p.createdAt, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {list.data && list.data.rows.length === 0 ? (
            text.trim() === '' ? (
              <EmptyState title={t('list.emptyRegistry')}>{t('list.emptyRegistryHint')}</EmptyState>
            ) : (
              <EmptyState title={t('list.empty')}>{t('list.emptyHint')}</EmptyState>
            )
          ) : null}
        </div>
        <Pager
          page={page}
          pageSize={PAGE_SIZE}
          total={list.data ? list.data.total : null}
          locale={locale}
          onPage={toPage}
          capped={
            list.data?.capped
              ? { hasNext: next !== null && !list.isPlaceholderData, range: (v) => t('list.rangeMore', v) }
              : undefined
          }
          labels={{ range: (v) => t('list.range', v), previous: t('list.previous'), next: t('list.next') }}
        />
      </section>
    </>
  );
}
