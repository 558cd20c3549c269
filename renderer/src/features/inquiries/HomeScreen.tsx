// Today: overdue follow-ups, follow-ups due today, first contacts owed, and for doctors the inquiries awaiting review.
import { BackupWarning } from '../../ui/BackupWarning';
import { type ReactNode, useMemo, useState } from 'react';
import { type QueryClient, useQueryClient } from '@tanstack/react-query';
import { Label, Radio, RadioGroup } from 'react-aria-components';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { differenceInMinutes, parseISO } from 'date-fns';
import { LIST_COUNT_CAP, type SessionUser, WORKLIST_LIMIT, type WorklistItem } from '../../../../db/contract';
import { hrefFor } from '../../app/router';
import { EmptyState, ErrorBanner, Loading, PageHeader } from '../../ui/feedback';
import { statusBadge, waitBadge } from '../../ui/Badges';
import { type Translate, daysBetween, formatDay, formatDuration, formatInstantShort } from '../../ui/format';
import { countryName } from '../../ui/options';
import { useWorklist, worklistOptions } from '../../api/inquiry-queries';
import { sessionKey } from '../../api/session';
import '../../ui/records.css';
import { Joined, Name } from '../../ui/bidi';
import { UnsavedDrafts } from '../../ui/UnsavedDrafts';
import { ShowAllButton, useFocusFirstNewRow } from '../../ui/show-all';
import { FOLLOW_UPS_DUE, FollowUpsDue } from '../../ui/follow-ups/FollowUpsDue';
import { TREATMENT_PANEL_FIRST_ROWS, TreatmentPanels } from './TreatmentPanels';
import { treatmentAgendaOptions, useTreatmentAgenda } from '../../api/procedure-queries';
import { OpenAdverseEventsPanel } from '../../ui/adverse-events/OpenAdverseEventsPanel';
import { openAdverseEventsOptions } from '../../api/adverse-event-queries';
import { backupStatusOptions } from '../../ui/BackupWarning';
import { followUpsOptions } from '../../api/follow-up-queries';

type Scope = 'mine' | 'all';

/** Whose inquiries Today opens on. */
const OPENING_SCOPE: Scope = 'mine';

const roleIn = (client: QueryClient) => client.getQueryData<{ user: SessionUser | null }>(sessionKey)?.user?.role;

/**
 * Today's opening data, asked as its nav link is pressed: the very queries the screen and its panels read. The drafts
 * are left to the screen (always asked afresh): pressing the link blurs a form, which keeps its draft just after.
 * The small answers first: the host answers in turn, and the screen draws once the worklist and the agenda are in.
 */
export function prefetchHome(client: QueryClient): void {
  const doctor = roleIn(client) === 'doctor';
  void client.prefetchQuery(backupStatusOptions());
  void client.prefetchQuery(followUpsOptions(FOLLOW_UPS_DUE));
  if (doctor) void client.prefetchQuery(openAdverseEventsOptions());
  void client.prefetchQuery(treatmentAgendaOptions(doctor, TREATMENT_PANEL_FIRST_ROWS));
  void client.prefetchQuery(worklistOptions(OPENING_SCOPE, PANEL_FIRST_ROWS));
}

/** Rows a panel shows before "Show all": the page scrolls, never the panel, so a long panel stays a short page. */
export const PANEL_FIRST_ROWS = 12;

export function HomeScreen() {
  const { t, i18n } = useTranslation('inquiries');
  // Read, not required: on sign-out this screen renders once more after the session is gone (useCurrentUser throws).
  const role = roleIn(useQueryClient());
  const [scope, setScope] = useState<Scope>(OPENING_SCOPE);
  // Each panel's first rows; "Show all" on any panel asks once for the rest of every panel (up to WORKLIST_LIMIT).
  const [every, setEvery] = useState(false);
  const worklist = useWorklist(scope, every ? null : PANEL_FIRST_ROWS);
  // The asides' sentences (a wait, a status, days overdue) repeat from row to row: looked up once each.
  const words = useWords(t);
  // Asked here, beside the worklist, so both calls leave together: TreatmentPanels (drawn once the worklist is in)
  // reads the same cache. Asked from there alone it waited for the worklist's answer (~60 ms at the 10-year size).
  const agenda = useTreatmentAgenda(role === 'doctor', TREATMENT_PANEL_FIRST_ROWS);
  const now = new Date();
  const locale = i18n.language;
  // The panels are drawn once the worklist and the agenda are both in (or the agenda failed: its panel says so): one
  // render of every row when the last answer comes, not one for each (the first redrawn whole by the second).
  const agendaSettled = agenda.data !== undefined || agenda.isError;
  const w = agendaSettled ? worklist.data : undefined;
  const more = { onShowAll: () => setEvery(true), loading: every && worklist.isPlaceholderData };

  return (
    <>
      <PageHeader title={t('home.title')} subtitle={w ? formatDay(w.today, locale) : ' '}>
        <RadioGroup
          className="segmented"
          orientation="horizontal"
          value={scope}
          onChange={(v) => setScope(v === 'all' ? 'all' : 'mine')}
        >
          <Label className="segmented-label">{t('home.scope')}</Label>
          <Radio value="mine" className="segmented-option">
            {t('home.mine')}
          </Radio>
          <Radio value="all" className="segmented-option">
            {t('home.everyone')}
          </Radio>
        </RadioGroup>
      </PageHeader>
      <UnsavedDrafts />
      <BackupWarning />
      <FollowUpsDue />
      {worklist.isError ? <ErrorBanner error={worklist.error} /> : null}
      {worklist.isPending || (worklist.data && !agendaSettled) ? <Loading /> : null}
      {w ? (
        <div className="worklist-grid">
          {role === 'doctor' ? (
            <WorklistPanel
              id="review"
              className="worklist-wide"
              title={t('home.review')}
              hint={t('home.reviewHint')}
              rows={w.awaitingReview}
              total={w.totals.awaitingReview}
              empty={t('home.noneReview')}
              aside={(r) => (
                <span className="wait">
                  {words('home.waitingSince', {
                    time: formatDuration(words, Math.max(0, differenceInMinutes(now, parseISO(r.statusSince)))),
                  })}
                </span>
              )}
              now={now}
              {...more}
            />
          ) : null}
          <TreatmentPanels doctor={role === 'doctor'} />
          {role === 'doctor' ? <OpenAdverseEventsPanel /> : null}
          <WorklistPanel
            id="overdue"
            title={t('home.overdue')}
            rows={w.overdue}
            total={w.totals.overdue}
            empty={t('home.noneOverdue')}
            aside={(r) => (
              <span className="badge badge-overdue">
                {words('home.daysOverdue', { count: daysBetween(w.today, r.nextFollowUp ?? w.today) })}
              </span>
            )}
            now={now}
            {...more}
          />
          <WorklistPanel
            id="today"
            title={t('home.dueToday')}
            rows={w.dueToday}
            total={w.totals.dueToday}
            empty={t('home.noneToday')}
            aside={(r) => statusBadge(words, r.status)}
            now={now}
            {...more}
          />
          <WorklistPanel
            id="awaiting"
            className="worklist-wide"
            title={t('home.awaiting')}
            hint={t('home.awaitingHint')}
            rows={w.awaitingFirstContact}
            total={w.totals.awaitingFirstContact}
            empty={t('home.noneAwaiting')}
            aside={(r) => waitBadge(words, r.receivedAt, r.firstContactAt, now)}
            now={now}
            {...more}
          />
        </div>
      ) : null}
    </>
  );
}

interface PanelProps {
  id: string;
  title: string;
  hint?: string;
  rows: WorklistItem[];
  /** How many there are in all (the core sends at most its limit of rows). */
  total: number;
  empty: string;
  aside: (row: WorklistItem) => ReactNode;
  now: Date;
  className?: string;
  /** Asks for every panel's rows up to WORKLIST_LIMIT (Today opens with PANEL_FIRST_ROWS of each). */
  onShowAll: () => void;
  /** Those rows have been asked for and are on their way. */
  loading: boolean;
}

/**
 * Words a row repeats (its channel, the last activity's kind, the next step), each looked up once per panel and
 * language: i18next's t() resolves and interpolates on every call, and Today asks several per row. The keys are
 * written (and checked) where the rows ask for them.
 */
function useWords(translate: TFunction): Translate {
  return useMemo(() => {
    const found = new Map<string, string>();
    return (key, options) => {
      const asked = options ? `${key}\u0000${JSON.stringify(options)}` : key;
      let word = found.get(asked);
      if (word === undefined) {
        word = options ? translate(key, options) : translate(key);
        found.set(asked, word);
      }
      return word;
    };
  }, [translate]);
}

function WorklistPanel(p: PanelProps) {
  const { id, title, hint, rows, total, empty, aside, now, className } = p;
  const { t, i18n } = useTranslation('inquiries');
  const words = useWords(t);
  const [showAll, setShowAll] = useState(false);
  const shown = showAll ? rows : rows.slice(0, PANEL_FIRST_ROWS);
  // What "Show all" brings: every row up to the worklist's limit (beyond it, the inquiry list).
  const carried = Math.min(total, WORKLIST_LIMIT);
  const { listRef, arm } = useFocusFirstNewRow<HTMLUListElement>(PANEL_FIRST_ROWS, showAll && !p.loading);
  return (
    <section className={`panel ${className ?? ''}`} aria-labelledby={`panel-${id}`} data-panel={id}>
      <div className="panel-header">
        <h2 className="panel-title" id={`panel-${id}`}>
          {title}{' '}
          <span className="count">
            {total > LIST_COUNT_CAP ? t('home.countMore', { n: LIST_COUNT_CAP.toLocaleString(i18n.language) }) : total}
          </span>
        </h2>
        {hint ? <span className="muted small">{hint}</span> : null}
      </div>
      {rows.length === 0 ? (
        <EmptyState title={empty} />
      ) : (
        <ul className="worklist" ref={listRef}>
          {shown.map((r) => (
            <WorklistRow key={r.id} row={r} aside={aside(r)} now={now} t={words} locale={i18n.language} />
          ))}
        </ul>
      )}
      {carried > shown.length ? (
        <ShowAllButton
          count={carried}
          loading={showAll && p.loading}
          onPress={() => {
            setShowAll(true);
            arm();
            p.onShowAll();
          }}
        />
      ) : null}
      {showAll && !p.loading && total > rows.length ? (
        <div className="worklist-more">
          <a href={hrefFor({ name: 'inquiries' })}>
            {total > LIST_COUNT_CAP ? t('home.manyMoreInList') : t('home.moreInList', { count: total - rows.length })}
          </a>
        </div>
      ) : null}
    </section>
  );
}

/** One inquiry: who, where from, what was done last and what comes next. Its panel's remembered words (no hook per row). */
function WorklistRow(p: { row: WorklistItem; aside: ReactNode; now: Date; t: Translate; locale: string }) {
  const { row: r, aside, now, t, locale } = p;
  const last = r.lastActivity;
  const k = last?.kind;
  return (
    <li className="worklist-row">
      <a className="worklist-link" href={hrefFor({ name: 'inquiry', id: r.id })}>
        <Name className="worklist-name">{r.patientName}</Name>
        <Joined
          className="worklist-meta"
          items={[
            countryName(r.country, locale),
            t(`channel.${r.channel}`),
            r.ownerName ? <Name>{r.ownerName}</Name> : t('unassigned'),
          ]}
        />
        <span className="worklist-last">
          {last && k ? (
            <>
              <span className="worklist-last-kind">{t(`activity.${k}`)}</span>
              {' · '}
              {formatInstantShort(last.at, locale, now)}
              {': '}
              <span className="worklist-excerpt">{last.excerpt}</span>
            </>
          ) : (
            t('home.noActivity')
          )}
        </span>
        {r.nextStep ? (
          <span className="worklist-next">{t('home.next', { step: t(`home.nextStep.${r.nextStep}`) })}</span>
        ) : null}
      </a>
      <span className="worklist-aside">{aside}</span>
    </li>
  );
}
