// The inquiry's timeline: activities and status changes, newest first, each with who and when.
import { useTranslation } from 'react-i18next';
import type { TimelineEntry } from '../../../../db/contract';
import { EmptyState } from '../../ui/feedback';
import { formatInstant } from '../../ui/format';
import { Name } from '../../ui/bidi';

export function Timeline({ entries }: { entries: TimelineEntry[] }) {
  const { t, i18n } = useTranslation('inquiries');
  if (entries.length === 0) return <EmptyState title={t('detail.timelineEmpty')} />;
  return (
    <ol className="timeline" aria-label={t('detail.timeline')}>
      {entries.map((e) => (
        <li key={`${e.type}-${e.id}`} className="timeline-item">
          <span
            className={`timeline-dot timeline-dot-${e.type === 'activity' ? e.kind : 'status'}`}
            aria-hidden="true"
          />
          <div>
            <div className="timeline-head">
              <span className="timeline-kind">
                {e.type === 'activity'
                  ? t(`activity.${e.kind}`)
                  : e.from === null
                    ? t('detail.statusCreated', { to: t(`status.${e.to}`) })
                    : t('detail.statusChange', { from: t(`status.${e.from}`), to: t(`status.${e.to}`) })}
              </span>
              <span>
                {formatInstant(e.at, i18n.language)} · <Name>{e.authorName}</Name>
              </span>
            </div>
            {e.type === 'activity' ? (
              <p className="timeline-body" dir="auto">
                {e.summary}
              </p>
            ) : null}
            {e.type === 'status' && e.reason ? (
              <p className="timeline-body">
                {t('detail.reason')}: <Name>{e.reason}</Name>
              </p>
            ) : null}
          </div>
        </li>
      ))}
    </ol>
  );
}
