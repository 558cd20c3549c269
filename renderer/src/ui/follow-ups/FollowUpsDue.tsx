// "3 follow-ups due or overdue": a one-line link from the Today screen to the follow-up worklist (nothing when none).
import { useTranslation } from 'react-i18next';
import { useFollowUps } from '../../api/follow-up-queries';
import { hrefFor } from '../../app/router';
import './follow-ups-due.css';

export function FollowUpsDue() {
  const { t } = useTranslation('followUps');
  const due = useFollowUps({ states: ['overdue', 'due'], timePoint: null, limit: 1, offset: 0 });
  const count = due.data?.total ?? 0;
  if (count === 0) return null;
  return (
    <p className="follow-ups-due">
      <a href={hrefFor({ name: 'followUps' })}>{t('home.due', { count })}</a>
    </p>
  );
}
