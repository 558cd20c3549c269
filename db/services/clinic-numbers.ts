// The clinic's numbers for a period: the period turned into clinic-local days and UTC instants, the repo's grouped
// reads (one read transaction, so the figures agree with each other), shaped by db/reports/clinic-numbers.ts.
import { type ClinicNumbers, FUNNEL_TOP_COUNTRIES } from '../contract';
import { shapeClinicNumbers } from '../reports/clinic-numbers';
import * as repo from '../repos/clinic-numbers';
import { addDays, addMonths } from './assessment-schedule';
import { clinicTimeZone, clinicToday } from './clinic-time';
import type { CallContext } from './context';
import { MONTH_POINTS } from './follow-ups';

const FIRST_DAY = '0001-01-01';
const LAST_DAY = '9999-12-31';

/** The zone's offset from UTC in minutes at an instant (Asia/Shanghai: 480). */
export function zoneOffsetMinutes(instant: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' }).formatToParts(instant);
  const name = parts.find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  if (!m) return 0;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
}

/** The first instant of a clinic-local day, for a fixed offset. */
const dayStart = (day: string, offset: number): string =>
  new Date(Date.parse(`${day}T00:00:00Z`) - offset * 60_000).toISOString();

/**
 * One offset for the whole period (the clinic's offset today): a zone with summer time may put a procedure within an
 * hour of midnight on the first or last day of a month into the neighbouring month. The clinic's default zone has none.
 */
export function clinicNumbers(ctx: CallContext, input: { from: string | null; to: string | null }): ClinicNumbers {
  const core = ctx.core;
  const today = clinicToday(core);
  const offset = zoneOffsetMinutes(core.clock.now(), clinicTimeZone(core));
  const fromDay = input.from ?? FIRST_DAY;
  const toDay = input.to ?? LAST_DAY;
  const range: repo.NumbersRange = {
    fromDay,
    toDay,
    fromAt: input.from === null ? FIRST_DAY : dayStart(input.from, offset),
    toAt: input.to === null ? LAST_DAY : dayStart(addDays(input.to, 1), offset),
    localShift: `${offset >= 0 ? '+' : ''}${offset} minutes`,
    today,
  };
  // A month point's target is 1–12 months after discharge (a day or two more at a month's end).
  const discharged = {
    from: input.from === null ? FIRST_DAY : addMonths(input.from, -13),
    to: toDay,
  };
  const db = core.db;
  const read = db.transaction(() =>
    shapeClinicNumbers({
      from: input.from,
      to: input.to,
      today,
      patientsTreated: repo.patientsTreated(db, range),
      courses: repo.coursesByStatus(db, range),
      types: repo.procedureTypes(db),
      byMonth: repo.proceduresByMonth(db, range),
      funnelTotal: repo.funnelTotal(db, range),
      funnelByChannel: repo.funnelByChannel(db, range),
      funnelByCountry: repo.funnelByCountry(db, range, FUNNEL_TOP_COUNTRIES),
      unknownKey: repo.UNKNOWN_KEY,
      otherKey: repo.OTHER_KEY,
      aeByType: repo.adverseEventsByType(db, range),
      aeByGrade: repo.adverseEventsByGrade(db, range),
      followUp: repo.followUpCompleteness(db, range, MONTH_POINTS, discharged),
    }),
  );
  return read();
}
