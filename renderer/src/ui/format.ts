// How long things took, and dates, in words a coordinator reads at a glance: instants in the clinic's time zone.
import { differenceInCalendarDays, differenceInMinutes, parseISO } from 'date-fns';
import { WALL_CLOCK_PARTS } from '../../../db/contract';
import { clinicTimeZone } from './time-zone';
import { dateTimeFormat, listFormat } from './intl';

/**
 * What the badges and durations need of i18next's `t`: a screen's own `t`, or a row list's remembered words (the same
 * sentence looked up once per list instead of once per row: `t` resolves and interpolates on every call).
 */
export type Translate = (key: string, options?: Record<string, string | number>) => string;

/** Minutes between the inquiry's arrival and its first contact (or now, if none yet). */
export function waitMinutes(receivedAt: string, firstContactAt: string | null, now: Date): number {
  return Math.max(0, differenceInMinutes(firstContactAt ? parseISO(firstContactAt) : now, parseISO(receivedAt)));
}

/** 45 min · 5 h · 2 d 4 h */
export function formatDuration(t: Translate, minutes: number): string {
  if (minutes < 60) return t('inquiries:wait.minutes', { count: minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return t('inquiries:wait.hours', { count: hours });
  return t('inquiries:wait.daysHours', { days: Math.floor(hours / 24), hours: hours % 24 });
}

/** DOMAIN: a first answer within 24 hours, ideally 2. */
export type WaitLevel = 'ok' | 'late' | 'overdue';
export const waitLevel = (minutes: number): WaitLevel =>
  minutes > 24 * 60 ? 'overdue' : minutes > 120 ? 'late' : 'ok';

export type FollowUpState = 'overdue' | 'today' | 'later' | 'none';
export function followUpState(nextFollowUp: string | null, today: string): FollowUpState {
  if (!nextFollowUp) return 'none';
  if (nextFollowUp < today) return 'overdue';
  return nextFollowUp === today ? 'today' : 'later';
}

export const daysBetween = (later: string, earlier: string) =>
  differenceInCalendarDays(parseISO(later), parseISO(earlier));

/** A calendar day (`YYYY-MM-DD`) is the same day everywhere: formatted as UTC so no zone can shift it. */
export function formatDay(day: string | null, locale: string): string {
  if (!day) return '';
  return dateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
}

/** A calendar day for dense tables: "Dec 3", with the year only when it is not the year of `today`. */
export function formatDayShort(day: string | null, locale: string, today: string): string {
  if (!day) return '';
  const year = day.slice(0, 4) === today.slice(0, 4) ? {} : { year: 'numeric' as const };
  return dateTimeFormat(locale, { day: 'numeric', month: 'short', ...year, timeZone: 'UTC' }).format(
    new Date(`${day}T00:00:00Z`),
  );
}

/** The clinic's clock is a 24-hour one in every language ("08:00", never "08:00 AM"): one reading on every screen. */
const CLOCK = { hourCycle: 'h23' } as const;

export function formatInstant(instant: string | null, locale: string, timeZone = clinicTimeZone()): string {
  if (!instant) return '';
  return dateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', ...CLOCK, timeZone }).format(
    new Date(instant),
  );
}

/** Only the time of an instant on the clinic's clock, e.g. "14:30". */
export const formatClock = (instant: string, locale: string, timeZone = clinicTimeZone()): string =>
  dateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', ...CLOCK, timeZone }).format(new Date(instant));

/** A booking's time span: "4 Dec 2026, 09:00–10:30"; the end's date is written only when it is another day. */
export function formatTimeRange(start: string, end: string, locale: string, timeZone = clinicTimeZone()): string {
  const sameDay = dayOf(start, timeZone) === dayOf(end, timeZone);
  const to = sameDay ? formatClock(end, locale, timeZone) : formatInstant(end, locale, timeZone);
  return `${formatInstant(start, locale, timeZone)}–${to}`;
}

/** The clinic's calendar day of an instant, as `YYYY-MM-DD` (the core's `dayInZone`). */
export function dayOf(instant: string | Date, timeZone = clinicTimeZone()): string {
  const p = zonedParts(new Date(instant), timeZone);
  return `${p.year}-${p.month}-${p.day}`;
}

/** Only the date of an instant, e.g. when an account was created, as the clinic's calendar had it. */
/** Items of a list as the language joins them: "a, b" in English, "a、b" in Chinese. */
export const formatList = (items: readonly string[], locale: string): string =>
  listFormat(locale, { type: 'conjunction', style: 'narrow' }).format(items);

export const formatInstantDay = (instant: string | null, locale: string, timeZone = clinicTimeZone()): string =>
  instant ? formatDay(dayOf(instant, timeZone), locale) : '';

/** Years and months between two dates, e.g. "2 y 3 mo" — for the time from onset to inquiry. `to` is a day or an instant. */
export function formatSpan(
  fromDay: string,
  to: string,
  timeZone = clinicTimeZone(),
): { years: number; months: number } {
  return spanBetween(utcDay(fromDay), utcDay(isDay(to) ? to : dayOf(to, timeZone)));
}

/** Days compared at UTC midnight, so the machine's zone cannot move either end. */
const utcDay = (day: string) => new Date(`${day.slice(0, 10)}T00:00:00Z`);

const isDay = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value);

function spanBetween(from: Date, to: Date): { years: number; months: number } {
  let months = (to.getUTCFullYear() - from.getUTCFullYear()) * 12 + (to.getUTCMonth() - from.getUTCMonth());
  if (to.getUTCDate() < from.getUTCDate()) months -= 1;
  months = Math.max(0, months);
  return { years: Math.floor(months / 12), months: months % 12 };
}

/** Compact date and time for dense tables: the year only when it is not this year. */
export function formatInstantShort(
  instant: string,
  locale: string,
  now = new Date(),
  timeZone = clinicTimeZone(),
): string {
  const d = new Date(instant);
  const sameYear = zonedYear(d, timeZone) === zonedYear(now, timeZone);
  const year = sameYear ? {} : { year: 'numeric' as const };
  return dateTimeFormat(locale, {
    day: 'numeric',
    month: 'short',
    ...year,
    hour: '2-digit',
    minute: '2-digit',
    ...CLOCK,
    timeZone,
  }).format(d);
}

interface ZonedParts {
  year: string;
  month: string;
  day: string;
  hour: string;
  minute: string;
}

/** The wall-clock formatter per zone, found without naming its options again (a table asks twice per row). */
const wallClocks = new Map<string, Intl.DateTimeFormat>();

/** The wall-clock reading of an instant in a zone, zero-padded (`hourCycle: 'h23'`, so midnight is 00, not 24). */
function zonedParts(instant: Date, timeZone: string): ZonedParts {
  let wallClock = wallClocks.get(timeZone);
  if (!wallClock) wallClocks.set(timeZone, (wallClock = dateTimeFormat('en-CA', { ...WALL_CLOCK_PARTS, timeZone })));
  const parts = wallClock.formatToParts(instant);
  const pick = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '00';
  return { year: pick('year'), month: pick('month'), day: pick('day'), hour: pick('hour'), minute: pick('minute') };
}

/** No zone's clock is more than 14 hours from UTC (Kiritimati +14, Baker Island −12). */
const ZONE_REACH_MS = 15 * 3_600_000;

/**
 * The year on the clinic's clock. Away from New Year by more than any zone's offset it is the UTC year, read without
 * ICU: formatToParts in a named zone costs ~0.5 ms, and Today asks it twice per row (the instant and now).
 */
function zonedYear(instant: Date, timeZone: string): number {
  const t = instant.getTime();
  const year = instant.getUTCFullYear();
  if (t - Date.UTC(year, 0, 1) > ZONE_REACH_MS && Date.UTC(year + 1, 0, 1) - t > ZONE_REACH_MS) return year;
  return Number(zonedParts(instant, timeZone).year);
}

/** `2026-11-25T10:30` on the clinic's clock, as a datetime-local input wants it. */
export function instantToZonedInput(iso: string, timeZone = clinicTimeZone()): string {
  const p = zonedParts(new Date(iso), timeZone);
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

/** A datetime-local value read on the clinic's clock, back to ISO UTC; '' or nonsense stays as typed. */
export function zonedInputToInstant(local: string, timeZone = clinicTimeZone()): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!m) return local;
  const [, y, mo, d, h, mi] = m.map(Number) as [number, number, number, number, number, number];
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59) return local;
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  // The zone's offset at the guess, then again at the corrected instant, which settles across a DST change.
  const offsetAt = (t: number) => {
    const p = zonedParts(new Date(t), timeZone);
    return Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute) - Math.floor(t / 60_000) * 60_000;
  };
  const first = wall - offsetAt(wall);
  return new Date(wall - offsetAt(first)).toISOString();
}

/** The first day of a partial date (`1962` → `1962-01-01`), for spans and ages; never shown as if it were given. */
export const partialStart = (d: string): string => (d.length === 4 ? `${d}-01-01` : d.length === 7 ? `${d}-01` : d);

/**
 * A partial or approximate date as given: "1962", "Apr 2026", "12 Apr 2026" (zh-CN: "2026年4月"), with "≈ " before an
 * estimate. `long` spells the month out ("April 2026"), for the reading beside a date being typed.
 */
export function formatPartialDate(d: string | null, approx: boolean, locale: string, long = false): string {
  if (!d) return '';
  const at = new Date(`${partialStart(d)}T00:00:00Z`);
  const month = long ? ('long' as const) : ('short' as const);
  const text =
    d.length === 4
      ? dateTimeFormat(locale, { year: 'numeric', timeZone: 'UTC' }).format(at)
      : d.length === 7
        ? dateTimeFormat(locale, { year: 'numeric', month, timeZone: 'UTC' }).format(at)
        : long
          ? dateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(at)
          : formatDay(d, locale);
  return approx ? `≈ ${text}` : text;
}

/** Whole years from a (partial) birth date to `today`; a birth year alone gives the age this year reaches. */
export function ageOn(birth: string, today: string): number {
  if (birth.length === 4) return Number(today.slice(0, 4)) - Number(birth);
  const b = partialStart(birth);
  const years = Number(today.slice(0, 4)) - Number(b.slice(0, 4));
  return today.slice(5) < b.slice(5) ? years - 1 : years;
}
