// Read side of treatment: the calendar, lot traceability, the printable ward list and the home screens' agenda.
import {
  type CalendarBooking,
  CONDITIONS,
  type Course,
  type CourseDetail,
  type LotUse,
  type Procedure,
  type RoomDayLoad,
  type TreatmentAgenda,
  type WardList,
} from '../contract';
import * as due from '../repos/course-reads';
import { consentsOfPatient, treatmentConsentIn } from '../repos/consents';
import { coursesOfPatient } from '../repos/courses';
import * as repo from '../repos/procedures';
import { clinicName, clinicTimeZone, clinicToday } from './clinic-time';
import { type CallContext, requireActor } from './context';

const MINUTE_MS = 60_000;

/** One formatter per zone: building an Intl.DateTimeFormat costs far more than the formatting (see clinic-time.ts). */
const wallFormats = new Map<string, Intl.DateTimeFormat>();
function wallFormat(timeZone: string): Intl.DateTimeFormat {
  let format = wallFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    wallFormats.set(timeZone, format);
  }
  return format;
}

/** How far the zone's wall clock is ahead of UTC at an instant, in ms. */
export function zoneOffset(ms: number, timeZone: string): number {
  const parts = wallFormat(timeZone).formatToParts(new Date(ms));
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second'));
  return Math.round((wall - Math.floor(ms / 1000) * 1000) / MINUTE_MS) * MINUTE_MS;
}

/** The UTC instant at which a clinic day (`YYYY-MM-DD`) begins in the zone (twice round for a DST change). */
export function dayStart(day: string, timeZone: string): string {
  const guess = Date.parse(`${day}T00:00:00.000Z`);
  let start = guess - zoneOffset(guess, timeZone);
  start = guess - zoneOffset(start, timeZone);
  return new Date(start).toISOString();
}

/** The next calendar day, `YYYY-MM-DD`. */
export const nextDay = (day: string): string =>
  new Date(Date.parse(`${day}T00:00:00.000Z`) + 24 * 60 * MINUTE_MS).toISOString().slice(0, 10);

const canonical = (iso: string): string => new Date(iso).toISOString();

export function calendar(
  ctx: CallContext,
  q: { from: string; to: string; roomId: number | null; doctorId: number | null; includeFreed: boolean },
): CalendarBooking[] {
  return repo.calendar(ctx.core.db, { ...q, from: canonical(q.from), to: canonical(q.to) });
}

/** The all-rooms week as occupancy per room and clinic day (the day's bounds in the clinic's zone, DST included). */
export function occupancy(ctx: CallContext, q: { from: string; days: number }): RoomDayLoad[] {
  const zone = clinicTimeZone(ctx.core);
  const days: repo.DayRange[] = [];
  let day = q.from;
  let from = dayStart(day, zone);
  for (let i = 0; i < q.days; i++) {
    const next = nextDay(day);
    const to = dayStart(next, zone);
    days.push({ day, from, to });
    day = next;
    from = to;
  }
  return repo.occupancy(ctx.core.db, days);
}

export const byLot = (ctx: CallContext, input: { lot: string }): LotUse[] => repo.byLot(ctx.core.db, input.lot);

const CONDITION_SET: ReadonlySet<string> = new Set(CONDITIONS);
const isCondition = (c: string): c is (typeof CONDITIONS)[number] => CONDITION_SET.has(c);

export function wardList(ctx: CallContext, input: { day: string }): WardList {
  const timeZone = clinicTimeZone(ctx.core);
  const from = dayStart(input.day, timeZone);
  const to = dayStart(nextDay(input.day), timeZone);
  const rows = repo.wardRows(ctx.core.db, from, to).map(({ procedure, facts }) => ({
    procedure,
    allergies: facts.allergies,
    conditions: (JSON.parse(facts.comorbidities) as string[]).filter(isCondition),
    conditionsOther: facts.comorbidities_other,
  }));
  return { day: input.day, clinicName: clinicName(ctx.core), timeZone, rows };
}

/** The patient page: every course with its consents, its procedures and whether a procedure may be completed. */
export function forPatient(ctx: CallContext, input: { patientId: number }): CourseDetail[] {
  const { db } = ctx.core;
  // Three reads whatever the number of courses: a patient treated for years has dozens.
  const courses = coursesOfPatient(db, input.patientId);
  const procedures = repo.proceduresOfCourses(
    db,
    courses.map((c) => c.id),
  );
  const consents = consentsOfPatient(db, input.patientId);
  // Grouped in one pass (a filter per course walked every procedure once per course), keeping their time order.
  const byCourse = new Map<number, Procedure[]>();
  for (const p of procedures) {
    const list = byCourse.get(p.courseId);
    if (list) list.push(p);
    else byCourse.set(p.courseId, [p]);
  }
  return courses.map((course) => {
    const own = consents.get(course.id) ?? [];
    return {
      course,
      consents: own,
      procedures: byCourse.get(course.id) ?? [],
      hasTreatmentConsent: treatmentConsentIn(own),
    };
  });
}

/**
 * Today's and tomorrow's work at the clinic: bookings (a doctor's own when `mine`), admissions and discharges due.
 * With `firstRows`, each of the four lists (bookings today, bookings tomorrow, admissions, discharges) holds only its
 * first rows and `totals` says how many there are: the home screen's panels draw 25 rows each, and a ten-year ward's
 * busy day (~400 bookings, ~400 stays due) was a 430 kB answer read in full on every visit to Today.
 */
export function agenda(ctx: CallContext, input: { mine: boolean; firstRows?: number | null }): TreatmentAgenda {
  const actor = requireActor(ctx);
  const { db } = ctx.core;
  const timeZone = clinicTimeZone(ctx.core);
  const today = clinicToday(ctx.core);
  const tomorrow = nextDay(today);
  const doctorId = input.mine ? actor.id : null;
  const limit = input.firstRows ?? null;
  const days = [
    [dayStart(today, timeZone), dayStart(tomorrow, timeZone)],
    [dayStart(tomorrow, timeZone), dayStart(nextDay(tomorrow), timeZone)],
  ] as const;
  const [todays, tomorrows] = days.map(([from, to]) => repo.agendaProcedures(db, from, to, doctorId, limit));
  const admitting = due.expectedCourses(db, 'admissions', today, tomorrow, limit);
  const discharging = due.expectedCourses(db, 'discharges', today, tomorrow, limit);
  // A list shorter than the limit is whole: its length is its count.
  const total = (shown: readonly unknown[], count: () => number) =>
    limit === null || shown.length < limit ? shown.length : count();
  const patients = due.bookingPatients(
    db,
    [...admitting, ...discharging].map((c) => c.patientId),
  );
  const withPatient = (list: Course[]) =>
    list.flatMap((course) => {
      const patient = patients.get(course.patientId);
      return patient ? [{ course, patient }] : [];
    });
  return {
    today,
    tomorrow,
    procedures: [...(todays ?? []), ...(tomorrows ?? [])],
    admissions: withPatient(admitting),
    discharges: withPatient(discharging),
    totals: {
      today: total(todays ?? [], () => repo.countAgendaProcedures(db, days[0][0], days[0][1], doctorId)),
      tomorrow: total(tomorrows ?? [], () => repo.countAgendaProcedures(db, days[1][0], days[1][1], doctorId)),
      admissions: total(admitting, () => due.countExpectedCourses(db, 'admissions', today, tomorrow)),
      discharges: total(discharging, () => due.countExpectedCourses(db, 'discharges', today, tomorrow)),
    },
  };
}
