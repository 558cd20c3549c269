// The clinic's numbers for a period: the period turned into clinic-local days and UTC instants, the repo's grouped
// reads (one read transaction, so the figures agree with each other), shaped by db/reports/clinic-numbers.ts.
import { type ClinicNumbers, FUNNEL_TOP_COUNTRIES } from '../contract';
import { shapeClinicNumbers } from '../reports/clinic-numbers';
import * as repo from '../repos/clinic-numbers';
import { addDays, addMonths } from './assessment-schedule';
import { clinicTimeZone, clinicToday } from './clinic-time';
import type { CallContext } from './context';
import type { ReadableDB } from '../sqlite/handles';
import type { Core } from './core';
import { MONTH_POINTS } from './follow-ups';
import { keptReport } from './kept-answers';
import type { ClinicNumbersRecipe, ReportRecipe } from './report-recipes';

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

/** The grouped reads the report is made of (the repo's; the bench and a test pass the by-row queries they replaced). */
export interface NumbersReader {
  patientsTreated: typeof repo.patientsTreated;
  coursesByStatus: typeof repo.coursesByStatus;
  proceduresByMonth: typeof repo.proceduresByMonth;
  funnels: typeof repo.funnels;
  adverseEventsByType: typeof repo.adverseEventsByType;
  adverseEventsByGrade: typeof repo.adverseEventsByGrade;
  followUpCompleteness: typeof repo.followUpCompleteness;
}

/** The screen's call: asked again with nothing written since, the same answer (kept-answers.ts). */
export function clinicNumbers(ctx: CallContext, input: { from: string | null; to: string | null }): ClinicNumbers {
  const { core } = ctx;
  const day = clinicToday(core);
  const offset = zoneOffsetMinutes(core.clock.now(), clinicTimeZone(core));
  const recipe: ReportRecipe = { report: 'reports.clinicNumbers', input, today: day, offset };
  return keptReport(core.db, recipe, () => clinicNumbersAt(core.db, recipe, repo));
}

/**
 * One offset for the whole period (the clinic's offset today): a zone with summer time may put a procedure within an
 * hour of midnight on the first or last day of a month into the neighbouring month. The clinic's default zone has none.
 */
export function clinicNumbersWith(
  core: Core,
  input: { from: string | null; to: string | null },
  reader: NumbersReader,
): ClinicNumbers {
  const today = clinicToday(core);
  const offset = zoneOffsetMinutes(core.clock.now(), clinicTimeZone(core));
  return clinicNumbersAt(core.db, { report: 'reports.clinicNumbers', input, today, offset }, reader);
}

/**
 * The report for a period as of the clinic's `today` at `offset` minutes from UTC: reads nothing but `db` (the clinic's
 * clock and zone are the caller's), so a worker's read-only connection computes the very answer the call would.
 */
export function clinicNumbersAt(db: ReadableDB, recipe: ClinicNumbersRecipe, reader: NumbersReader): ClinicNumbers {
  const { input, today, offset } = recipe;
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
  const read = db.transaction(() => {
    const funnel = reader.funnels(db, range, FUNNEL_TOP_COUNTRIES);
    return shapeClinicNumbers({
      from: input.from,
      to: input.to,
      today,
      patientsTreated: reader.patientsTreated(db, range),
      courses: reader.coursesByStatus(db, range),
      types: repo.procedureTypes(db),
      byMonth: reader.proceduresByMonth(db, range),
      funnelTotal: funnel.total,
      funnelByChannel: funnel.byChannel,
      funnelByCountry: funnel.byCountry,
      unknownKey: repo.UNKNOWN_KEY,
      otherKey: repo.OTHER_KEY,
      aeByType: reader.adverseEventsByType(db, range),
      aeByGrade: reader.adverseEventsByGrade(db, range),
      followUp: reader.followUpCompleteness(db, range, MONTH_POINTS, discharged),
    });
  });
  return read();
}
