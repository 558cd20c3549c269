// Read-only SQL for courses as the agenda needs them (due admissions and discharges) and booking patients by id.
// The course and consent rows themselves come from db/repos/courses.ts and db/repos/consents.ts.
import type { BookingPatient, Course } from '../contract';
import type { ReadableDB } from '../sqlite/handles';
import { all, get, sql } from '../sqlite/sql';
import { findCourses } from './courses';

// One read for the whole list (a course read per due stay was a hundred reads on a busy day).
const byIds = (db: ReadableDB, ids: { id: number }[]): Course[] =>
  findCourses(
    db,
    ids.map((r) => r.id),
  );

const DUE = {
  admissions: sql`status = 'planned' AND planned_admission`,
  discharges: sql`status = 'admitted' AND planned_discharge`,
} as const;
const DUE_ORDER = { admissions: sql`planned_admission, id`, discharges: sql`planned_discharge, id` } as const;

/**
 * Planned stays due to start (admissions), or admitted stays due to end (discharges), on the clinic days from..to
 * (inclusive): the first `limit` when given.
 */
export const expectedCourses = (
  db: ReadableDB,
  kind: keyof typeof DUE,
  from: string,
  to: string,
  limit: number | null = null,
): Course[] =>
  byIds(
    db,
    all<{ id: number }>(
      db,
      sql`SELECT id FROM courses WHERE ${DUE[kind]} >= ${from} AND ${DUE[kind]} <= ${to}
            ORDER BY ${DUE_ORDER[kind]} ${limit === null ? sql`` : sql`LIMIT ${limit}`}`,
    ),
  );

/** How many stays expectedCourses would list without its limit. */
export const countExpectedCourses = (db: ReadableDB, kind: keyof typeof DUE, from: string, to: string): number =>
  get<{ n: number }>(db, sql`SELECT count(*) AS n FROM courses WHERE ${DUE[kind]} >= ${from} AND ${DUE[kind]} <= ${to}`)
    ?.n ?? 0;

export function bookingPatients(db: ReadableDB, ids: readonly number[]): Map<number, BookingPatient> {
  const rows = all<BookingPatient>(
    db,
    sql`SELECT id, mrn, family_name AS familyName, given_name AS givenName, native_name AS nativeName
        FROM patients WHERE id IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`,
  );
  return new Map(rows.map((p) => [p.id, p]));
}
