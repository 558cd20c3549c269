// How long things took, and dates, in words a coordinator reads at a glance.
import { differenceInCalendarDays, differenceInMinutes, parseISO } from 'date-fns';
import type { TFunction } from 'i18next';

/** Minutes between the inquiry's arrival and its first contact (or now, if none yet). */
export function waitMinutes(receivedAt: string, firstContactAt: string | null, now: Date): number {
  return Math.max(0, differenceInMinutes(firstContactAt ? parseISO(firstContactAt) : now, parseISO(receivedAt)));
}

/** 45 min · 5 h · 2 d 4 h */
export function formatDuration(t: TFunction, minutes: number): string {
  if (minutes < 60) return t('inquiries:wait.minutes', { count: minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return t('inquiries:wait.hours', { count: hours });
  return t('inquiries:wait.daysHours', { days: Math.floor(hours / 24), hours: hours % 24 });
}

/** DOMAIN: a first answer within 24 hours, ideally 2. */
export type WaitLevel = 'ok' | 'late' | 'overdue';
export const waitLevel = (minutes: number): WaitLevel => (minutes > 24 * 60 ? 'overdue' : minutes > 120 ? 'late' : 'ok');

export type FollowUpState = 'overdue' | 'today' | 'later' | 'none';
export function followUpState(nextFollowUp: string | null, today: string): FollowUpState {
  if (!nextFollowUp) return 'none';
  if (nextFollowUp < today) return 'overdue';
  return nextFollowUp === today ? 'today' : 'later';
}

export const daysBetween = (later: string, earlier: string) => differenceInCalendarDays(parseISO(later), parseISO(earlier));

export function formatDay(day: string | null, locale: string): string {
  if (!day) return '';
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
}

export function formatInstant(instant: string | null, locale: string): string {
  if (!instant) return '';
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(instant));
}

/** Years and months between two dates, e.g. "2 y 3 mo" — for the time from onset to inquiry. */
export function formatSpan(fromDay: string, toInstant: string): { years: number; months: number } {
  const from = parseISO(fromDay);
  const to = parseISO(toInstant);
  let months = (to.getUTCFullYear() - from.getUTCFullYear()) * 12 + (to.getUTCMonth() - from.getUTCMonth());
  if (to.getUTCDate() < from.getUTCDate()) months -= 1;
  months = Math.max(0, months);
  return { years: Math.floor(months / 12), months: months % 12 };
}

/** Compact date and time for dense tables: the year only when it is not this year. */
export function formatInstantShort(instant: string, locale: string, now = new Date()): string {
  const d = new Date(instant);
  const sameYear = d.getFullYear() === now.getFullYear();
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', ...(sameYear ? {} : { year: 'numeric' }), hour: '2-digit', minute: '2-digit' }).format(d);
}
