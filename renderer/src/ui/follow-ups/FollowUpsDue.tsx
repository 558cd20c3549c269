// "3 follow-ups due or overdue": a one-line link from the Today screen to the follow-up worklist (nothing when none);
// past the worklist's count cap, "More than 1,000 …" rather than a round number that reads as exact.
import { useTranslation } from 'react-i18next';
import type { Input } from '../../../../db/contract';
import { useFollowUps } from '../../api/follow-up-queries';
import { hrefFor } from '../../app/router';
import { numberFormat } from '../intl';
import './follow-ups-due.css';

/** The count's query input: only the total is read (Today's prefetch asks the same). */
export const FOLLOW_UPS_DUE: Input<'followUps.worklist'> = {
  states: ['overdue', 'due'],
  timePoint: null,
  limit: 1,
  offset: 0,
};

export function FollowUpsDue() {
  const { t, i18n } = useTranslation('followUps');
  const due = useFollowUps(FOLLOW_UPS_DUE);
  const count = due.data?.total ?? 0;
  if (count === 0) return null;
  const text = due.data?.capped
    ? t('home.dueMore', { total: numberFormat(i18n.language).format(count) })
    : t('home.due', { count });
  return (
    <p className="follow-ups-due">
      <a href={hrefFor({ name: 'followUps' })}>{text}</a>
    </p>
  );
}
