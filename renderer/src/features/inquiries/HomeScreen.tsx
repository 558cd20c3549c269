// A coordinator's day: overdue follow-ups, follow-ups due today, and new inquiries still waiting for a first answer.
import { type ReactNode, useState } from 'react';
import { Label, Radio, RadioGroup } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { InquiryListRow } from '../../../../db/contract';
import { hrefFor } from '../../app/router';
import { EmptyState, ErrorBanner, Loading, PageHeader } from '../../ui/feedback';
import { StatusBadge, WaitBadge } from '../../ui/Badges';
import { daysBetween, formatDay } from '../../ui/format';
import { countryName } from '../../ui/options';
import { useWorklist } from '../../api/inquiry-queries';
import '../../ui/records.css';
import { Joined, Name } from '../../ui/bidi';
import { UnsavedDrafts } from '../../ui/UnsavedDrafts';

type Scope = 'mine' | 'all';

export function HomeScreen() {
  const { t, i18n } = useTranslation('inquiries');
  const [scope, setScope] = useState<Scope>('mine');
  const worklist = useWorklist(scope);
  const now = new Date();
  const locale = i18n.language;

  return (
    <>
      <PageHeader title={t('home.title')} subtitle={worklist.data ? formatDay(worklist.data.today, locale) : ' '}>
        <RadioGroup className="segmented" orientation="horizontal" value={scope} onChange={(v) => setScope(v === 'all' ? 'all' : 'mine')}>
          <Label className="segmented-label">{t('home.scope')}</Label>
          <Radio value="mine" className="segmented-option">{t('home.mine')}</Radio>
          <Radio value="all" className="segmented-option">{t('home.everyone')}</Radio>
        </RadioGroup>
      </PageHeader>
      <UnsavedDrafts />
      {worklist.isError ? <ErrorBanner error={worklist.error} /> : null}
      {worklist.isPending ? <Loading /> : null}
      {worklist.data ? (
        <div className="worklist-grid">
          <WorklistPanel
            id="overdue"
            title={t('home.overdue')}
            rows={worklist.data.overdue}
            empty={t('home.noneOverdue')}
            aside={(r) => (
              <span className="badge badge-overdue">{t('home.daysOverdue', { count: daysBetween(worklist.data.today, r.nextFollowUp ?? worklist.data.today) })}</span>
            )}
            locale={locale}
          />
          <WorklistPanel id="today" title={t('home.dueToday')} rows={worklist.data.dueToday} empty={t('home.noneToday')} aside={(r) => <StatusBadge status={r.status} />} locale={locale} />
          <WorklistPanel
            id="awaiting"
            className="worklist-wide"
            title={t('home.awaiting')}
            hint={t('home.awaitingHint')}
            rows={worklist.data.awaitingFirstContact}
            empty={t('home.noneAwaiting')}
            aside={(r) => <WaitBadge receivedAt={r.receivedAt} firstContactAt={r.firstContactAt} now={now} />}
            locale={locale}
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
  rows: InquiryListRow[];
  empty: string;
  aside: (row: InquiryListRow) => ReactNode;
  locale: string;
  className?: string;
}

function WorklistPanel({ id, title, hint, rows, empty, aside, locale, className }: PanelProps) {
  const { t } = useTranslation('inquiries');
  return (
    <section className={`panel ${className ?? ''}`} aria-labelledby={`panel-${id}`}>
      <div className="panel-header">
        <h2 className="panel-title" id={`panel-${id}`}>
          {title}
          {" "}<span className="count">{rows.length}</span>
        </h2>
        {hint ? <span className="muted small">{hint}</span> : null}
      </div>
      {rows.length === 0 ? (
        <EmptyState title={empty} />
      ) : (
        <ul className="worklist">
          {rows.map((r) => (
            <li key={r.id} className="worklist-row">
              <a className="worklist-link" href={hrefFor({ name: 'inquiry', id: r.id })}>
                <Name className="worklist-name">{r.patientName}</Name>
                <Joined
                  className="worklist-meta"
                  items={[countryName(r.country, locale), t(`channel.${r.channel}`), r.ownerName ? <Name>{r.ownerName}</Name> : t('unassigned')]}
                />
              </a>
              <span className="worklist-aside">{aside(r)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
