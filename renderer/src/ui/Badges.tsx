// Small labels: an inquiry's status, its follow-up urgency, and how long it waited for a first contact.
import { useTranslation } from 'react-i18next';
import type { InquiryStatus } from '../../../db/contract';
import { type FollowUpState, formatDuration, waitLevel, waitMinutes } from './format';

export function StatusBadge({ status }: { status: InquiryStatus }) {
  const { t } = useTranslation('inquiries');
  return <span className={`badge badge-${status}`}>{t(`status.${status}`)}</span>;
}

export function FollowUpBadge({ state }: { state: FollowUpState }) {
  const { t } = useTranslation('inquiries');
  if (state !== 'overdue' && state !== 'today') return null;
  return <span className={`badge badge-${state}`}>{t(`followUp.${state}`)}</span>;
}

/** "Waiting 27 h" in red past 24 h, amber past 2 h; "Answered after 3 h" once someone has answered. */
export function WaitBadge({
  receivedAt,
  firstContactAt,
  now,
}: {
  receivedAt: string;
  firstContactAt: string | null;
  now: Date;
}) {
  const { t } = useTranslation('inquiries');
  const minutes = waitMinutes(receivedAt, firstContactAt, now);
  const time = formatDuration(t, minutes);
  // The title carries the whole sentence where a narrow column cuts it.
  const text = firstContactAt ? t('wait.answeredAfter', { time }) : t('wait.waiting', { time });
  const level = firstContactAt ? 'done' : waitLevel(minutes);
  return (
    <span className={`wait wait-${level}`} title={text}>
      {text}
    </span>
  );
}
