// The follow-up worklist: treated patients' month points to arrange (most urgent first), how to reach each patient and
// in which language, the last contact attempt, and "Record attempt" on every row.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  FOLLOW_UP_POINTS,
  FOLLOW_UP_STATES,
  type FollowUpPoint,
  type FollowUpRow,
  type FollowUpState,
} from '../../../../db/contract';
import type { QueryClient } from '@tanstack/react-query';
import { followUpsOptions, useFollowUps } from '../../api/follow-up-queries';
import { hrefFor } from '../../app/router';
import { Ltr, Name } from '../../ui/bidi';
import { VirtualTable } from '../../ui/VirtualRows';
import { EmptyState, ErrorBanner, Loading, PageHeader } from '../../ui/feedback';
import { Button, SelectField } from '../../ui/fields';
import { formatDayShort, formatInstantShort } from '../../ui/format';
import { countryName, languageName } from '../../ui/options';
import { Pager } from '../../ui/Pager';
import { AttemptDialog } from './AttemptDialog';
import './follow-up.css';

const PAGE_SIZE = 50;
/**
 * A row's usual height (two to four lines of contact; rows are measured once drawn). A page of 50 rows of seven
 * stacked cells was ~1,500 elements at the 10-year size: only the rows near the screen are drawn, some 20 of them.
 */
const FOLLOW_UP_ROW_HEIGHT = 76;
const FOLLOW_UP_WINDOW_FROM = 30;

/** A worklist page's query input: every state still to arrange unless one is picked, every time point unless one is. */
const pageInput = (state: FollowUpState | null, timePoint: FollowUpPoint | null, page: number) => ({
  states: state === null ? [] : [state],
  timePoint,
  limit: PAGE_SIZE,
  offset: page * PAGE_SIZE,
});

/** The screen opens unfiltered, on the first page. */
const OPENING = { state: null, timePoint: null, page: 0 } as const;

/** The worklist's page the screen opens on, as its nav link is pressed. */
export function prefetchFollowUps(client: QueryClient): void {
  void client.prefetchQuery(followUpsOptions(pageInput(OPENING.state, OPENING.timePoint, OPENING.page)));
}

/** The badge colour of each state: red when the window is closing, amber while due, neutral otherwise. */
const BADGE: Record<FollowUpState, string> = {
  overdue: 'badge-overdue',
  due: 'badge-today',
  upcoming: 'badge-new',
  missed: 'badge-declined',
  lost: 'badge-closed',
};

export function FollowUpsScreen() {
  const { t, i18n } = useTranslation('followUps');
  const [state, setState] = useState<FollowUpState | null>(OPENING.state);
  const [timePoint, setTimePoint] = useState<FollowUpPoint | null>(OPENING.timePoint);
  const [page, setPage] = useState<number>(OPENING.page);
  const [recording, setRecording] = useState<FollowUpRow | null>(null);
  const [saved, setSaved] = useState(false);
  const list = useFollowUps(pageInput(state, timePoint, page));
  const data = list.data;
  const locale = i18n.language;
  const today = data?.today ?? '';
  const day = (d: string) => formatDayShort(d, locale, today);

  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')}>
        <a className="button button-secondary" href={hrefFor({ name: 'paperForms' })}>
          {t('printouts:forms.link')}
        </a>
      </PageHeader>
      {/* Always in the page, so the words are announced when they appear. */}
      <div role="status" aria-live="polite" className={saved ? 'banner banner-ok' : undefined}>
        {saved ? t('saved') : ''}
      </div>
      <section className="panel" aria-labelledby="follow-up-list">
        <h2 id="follow-up-list" className="visually-hidden">
          {t('list')}
        </h2>
        <div className="filter-bar" role="search" aria-label={t('filters')}>
          <SelectField
            label={t('filter.state')}
            value={state}
            onChange={(v) => {
              setState(v);
              setPage(0);
            }}
            emptyLabel={t('filter.open')}
            options={FOLLOW_UP_STATES.map((s) => ({ value: s, label: t(`followUps:followState.${s}`) }))}
          />
          <SelectField
            label={t('filter.timePoint')}
            value={timePoint}
            onChange={(v) => {
              setTimePoint(v);
              setPage(0);
            }}
            emptyLabel={t('filter.anyTimePoint')}
            options={FOLLOW_UP_POINTS.map((p) => ({ value: p, label: t(`followUps:timePoint.${p}`) }))}
          />
        </div>
        {list.isPending ? <Loading /> : null}
        {list.isError ? <ErrorBanner error={list.error} /> : null}
        {data && data.rows.length === 0 ? <EmptyState title={t('empty')} /> : null}
        {data && data.rows.length > 0 ? (
          <VirtualTable
            labelledBy="follow-up-list"
            className="follow-up-table"
            actions={t('columns.actions')}
            columns={[
              t('columns.patient'),
              t('columns.contact'),
              t('columns.language'),
              t('columns.timePoint'),
              t('columns.window'),
              t('columns.state'),
              t('columns.lastAttempt'),
            ]}
            rows={data.rows}
            rowKey={(r) => `${r.courseId}-${r.timePoint}`}
            rowHeight={FOLLOW_UP_ROW_HEIGHT}
            windowFrom={FOLLOW_UP_WINDOW_FROM}
            row={(r) => (
              <>
                <td>
                  <div className="cell-stack">
                    <a href={hrefFor({ name: 'patient', id: r.patientId })}>
                      <Name>{`${r.familyName} ${r.givenName}`}</Name>
                    </a>
                    {r.nativeName ? <Name className="muted">{r.nativeName}</Name> : null}
                    <Ltr className="muted mono">{r.mrn}</Ltr>
                  </div>
                </td>
                <td>
                  <div className="cell-stack">
                    {r.phone ? <Ltr>{r.phone}</Ltr> : null}
                    {r.email ? <Ltr className="muted">{r.email}</Ltr> : null}
                    {r.messagingHandle ? <Ltr className="muted">{r.messagingHandle}</Ltr> : null}
                    {r.emergencyPhone ? (
                      <span className="muted">
                        {t('emergency')} <Ltr>{r.emergencyPhone}</Ltr>
                      </span>
                    ) : null}
                    {!r.phone && !r.email && !r.messagingHandle ? (
                      <span className="muted">{t('noContact')}</span>
                    ) : null}
                  </div>
                </td>
                <td>
                  <div className="cell-stack">
                    <span>{r.language ? languageName(r.language, locale) : t('noLanguage')}</span>
                    {r.country ? <span className="muted">{countryName(r.country, locale)}</span> : null}
                  </div>
                </td>
                <td>
                  <div className="cell-stack">
                    <span>{t(`followUps:timePoint.${r.timePoint}`)}</span>
                    <span className="muted">{t('discharged', { day: day(r.dischargedOn) })}</span>
                  </div>
                </td>
                <td>
                  <div className="cell-stack">
                    <span>{day(r.target)}</span>
                    <span className="muted">{t('window', { from: day(r.from), to: day(r.to) })}</span>
                  </div>
                </td>
                <td>
                  <span className={`badge ${BADGE[r.state]}`}>{t(`followUps:followState.${r.state}`)}</span>
                </td>
                <td>
                  <LastAttempt row={r} locale={locale} day={day} />
                </td>
                <td>
                  <Button
                    onPress={() => {
                      setSaved(false);
                      setRecording(r);
                    }}
                    aria-label={t('recordFor', {
                      name: `${r.familyName} ${r.givenName}`,
                      point: t(`followUps:timePoint.${r.timePoint}`),
                    })}
                  >
                    {t('record')}
                  </Button>
                </td>
              </>
            )}
          />
        ) : null}
        {data && data.total > PAGE_SIZE ? (
          <Pager
            page={page}
            pageSize={PAGE_SIZE}
            total={data.total}
            locale={locale}
            onPage={setPage}
            capped={
              data.capped
                ? { hasNext: data.rows.length === PAGE_SIZE, range: (v) => t('pager.rangeMore', v) }
                : undefined
            }
            labels={{
              range: (v) => t('pager.range', v),
              previous: t('pager.previous'),
              next: t('pager.next'),
            }}
          />
        ) : null}
      </section>
      {recording ? (
        <AttemptDialog
          row={recording}
          today={data?.today ?? null}
          onClose={() => setRecording(null)}
          onSaved={() => {
            setRecording(null);
            setSaved(true);
          }}
        />
      ) : null}
    </>
  );
}

function LastAttempt({ row, locale, day }: { row: FollowUpRow; locale: string; day: (d: string) => string }) {
  const { t } = useTranslation('followUps');
  const a = row.lastAttempt;
  if (!a) return <span className="muted">{t('noAttempt')}</span>;
  return (
    <div className="cell-stack">
      <strong>{t(`followUps:outcome.${a.outcome}`)}</strong>
      <span className="muted">
        {formatInstantShort(a.at, locale)} · <Name>{a.byName}</Name>
      </span>
      {a.note ? <span className="follow-up-note">{a.note}</span> : null}
      {a.nextTryOn ? <span>{t('nextTry', { day: day(a.nextTryOn) })}</span> : null}
    </div>
  );
}
