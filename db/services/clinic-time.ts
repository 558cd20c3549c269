// The clinic's time zone and calendar day, and the clinic's name: settings every desk reads the same way.
import { getSetting } from '../repos/settings';
import type { Core } from './core';

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

export const nowIso = (core: Core): string => core.clock.now().toISOString();

export const clinicTimeZone = (core: Core): string => getSetting(core.db, 'clinic.timeZone') ?? DEFAULT_TIME_ZONE;
export const clinicName = (core: Core): string => getSetting(core.db, 'clinic.name') ?? 'StrokeDesk';
/** Minutes without input before a desk locks (the contract's default, 10, when never set). */
export const idleLockMinutes = (core: Core): number => Number(getSetting(core.db, 'clinic.idleLockMinutes') ?? 10);

/** The calendar day at the clinic, `YYYY-MM-DD`, so "due today" means the same on every desk. */
export function clinicToday(core: Core): string {
  return dayInZone(core.clock.now(), clinicTimeZone(core));
}

/** One formatter per zone: building an Intl.DateTimeFormat costs close to a millisecond, formatting a microsecond. */
const dayFormats = new Map<string, Intl.DateTimeFormat>();

export function dayInZone(instant: Date, timeZone: string): string {
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(timeZone, format);
  }
  // en-CA prints YYYY-MM-DD: one format() call, no parts to assemble (an ICU that prints otherwise takes the long way).
  const text = format.format(instant);
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return text;
  const parts = format.formatToParts(instant);
  const pick = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${pick('year')}-${pick('month')}-${pick('day')}`;
}
