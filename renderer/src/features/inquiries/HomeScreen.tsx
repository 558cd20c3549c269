// Today: overdue follow-ups, follow-ups due today, first contacts owed, and for doctors the inquiries awaiting review.
import { BackupWarning } from '../../ui/BackupWarning';
import { type ReactNode, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Label, Radio, RadioGroup } from 'react-aria-components';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { differenceInMinutes, parseISO } from 'date-fns';
import { LIST_COUNT_CAP, type SessionUser, type WorklistItem } from '../../../../db/contract';
import { hrefFor } from '../../app/router';
import { EmptyState, ErrorBanner, Loading, PageHeader } from '../../ui/feedback';
import { statusBadge, waitBadge } from '../../ui/Badges';
import { Button } from '../../ui/fields';
import { daysBetween, formatDay, formatDuration, formatInstantShort } from '../../ui/format';
import { countryName } from '../../ui/options';
import { useWorklist } from '../../api/inquiry-queries';
import { sessionKey } from '../../api/session';
import '../../ui/records.css';
import { Joined, Name } from '../../ui/bidi';
import { UnsavedDrafts } from '../../ui/UnsavedDrafts';
import { FollowUpsDue } from '../../ui/follow-ups/FollowUpsDue';
import { TREATMENT_PANEL_FIRST_ROWS, TreatmentPanels } from './TreatmentPanels';
import { useTreatmentAgenda } from '../../api/procedure-queries';
import { OpenAdverseEventsPanel } from '../../ui/adverse-events/OpenAdverseEventsPanel';

type Scope = 'mine' | 'all';

/** Rows a panel shows before "Show all": the page scrolls, never the panel, so a long panel stays a short page. */
export const PANEL_FIRST_ROWS = 25;

export function HomeScreen() {
  const { t, i18n } = useTranslation('inquiries');
  // Read, not required: on sign-out this screen renders once more after the session is gone (useCurrentUser throws).
  const role = useQueryClient().getQueryData<{ user: SessionUser | null }>(sessionKey)?.user?.role;
  const [scope, setScope] = useState<Scope>('mine');
  const worklist = useWorklist(scope);
  // Asked here, beside the worklist, so both calls leave together: TreatmentPanels (drawn once the worklist is in)
  // reads the same cache. Asked from there alone it waited for the worklist's answer (~60 ms at the 10-year size).
  useTreatmentAgenda(role === 'doctor', TREATMENT_PANEL_FIRST_ROWS);
  const now = new Date();
  const locale = i18n.language;
  const w = worklist.data;

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
      {worklist.isPending ? <Loading /> : null}
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
                  {t('home.waitingSince', {
                    time: formatDuration(t, Math.max(0, differenceInMinutes(now, parseISO(r.statusSince)))),
                  })}
                </span>
              )}
              now={now}
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
                {t('home.daysOverdue', { count: daysBetween(w.today, r.nextFollowUp ?? w.today) })}
              </span>
            )}
            now={now}
          />
          <WorklistPanel
            id="today"
            title={t('home.dueToday')}
            rows={w.dueToday}
            total={w.totals.dueToday}
            empty={t('home.noneToday')}
            aside={(r) => statusBadge(t, r.status)}
            now={now}
          />
          <WorklistPanel
            id="awaiting"
            className="worklist-wide"
            title={t('home.awaiting')}
            hint={t('home.awaitingHint')}
            rows={w.awaitingFirstContact}
            total={w.totals.awaitingFirstContact}
            empty={t('home.noneAwaiting')}
            aside={(r) => waitBadge(t, r.receivedAt, r.firstContactAt, now)}
            now={now}
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
}

function WorklistPanel({ id, title, hint, rows, total, empty, aside, now, className }: PanelProps) {
  const { t, i18n } = useTranslation('inquiries');
  const [showAll, setShowAll] = useState(false);
  const shown = showAll ? rows : rows.slice(0, PANEL_FIRST_ROWS);
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
        <ul className="worklist">
          {shown.map((r) => (
            <WorklistRow key={r.id} row={r} aside={aside(r)} now={now} t={t} locale={i18n.language} />
          ))}
        </ul>
      )}
      {rows.length > shown.length ? (
        <div className="worklist-more">
          <Button onPress={() => setShowAll(true)}>{t('home.showAll', { count: rows.length })}</Button>
        </div>
      ) : null}
      {showAll && total > rows.length ? (
        <div className="worklist-more">
          <a href={hrefFor({ name: 'inquiries' })}>
            {total > LIST_COUNT_CAP ? t('home.manyMoreInList') : t('home.moreInList', { count: total - rows.length })}
          </a>
        </div>
      ) : null}
    </section>
  );
}

/** One inquiry: who, where from, what was done last and what comes next. Its panel's `t` (no hook per row). */
function WorklistRow(p: { row: WorklistItem; aside: ReactNode; now: Date; t: TFunction; locale: string }) {
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
