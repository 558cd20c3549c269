// Small labels: an inquiry's status, its follow-up urgency, and how long it waited for a first contact.
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { InquiryStatus } from '../../../db/contract';
import { type FollowUpState, type Translate, formatDuration, waitLevel, waitMinutes } from './format';

// Each badge is a plain function of the screen's `t` (inquiries namespace) as well as a component: a table cell calls
// the function with the `t` its screen already holds, instead of subscribing one useTranslation per cell to i18next.

export const statusBadge = (t: Translate, status: InquiryStatus) => (
  <span className={`badge badge-${status}`}>{t(`inquiries:status.${status}`)}</span>
);

export const followUpBadge = (t: TFunction, state: FollowUpState) =>
  state !== 'overdue' && state !== 'today' ? null : (
    <span className={`badge badge-${state}`}>{t(`inquiries:followUp.${state}`)}</span>
  );

/** "Waiting 27 h" in red past 24 h, amber past 2 h; "Answered after 3 h" once someone has answered. */
export function waitBadge(t: Translate, receivedAt: string, firstContactAt: string | null, now: Date) {
  const minutes = waitMinutes(receivedAt, firstContactAt, now);
  const time = formatDuration(t, minutes);
  // The title carries the whole sentence where a narrow column cuts it.
  const text = firstContactAt ? t('inquiries:wait.answeredAfter', { time }) : t('inquiries:wait.waiting', { time });
  const level = firstContactAt ? 'done' : waitLevel(minutes);
  return (
    <span className={`wait wait-${level}`} title={text}>
      {text}
    </span>
  );
}

export function StatusBadge({ status }: { status: InquiryStatus }) {
  const { t } = useTranslation('inquiries');
  return statusBadge(t, status);
}

export function FollowUpBadge({ state }: { state: FollowUpState }) {
  const { t } = useTranslation('inquiries');
  return followUpBadge(t, state);
}

export function WaitBadge(p: { receivedAt: string; firstContactAt: string | null; now: Date }) {
  const { t } = useTranslation('inquiries');
  return waitBadge(t, p.receivedAt, p.firstContactAt, p.now);
}
