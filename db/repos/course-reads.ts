// Read-only SQL for courses as the agenda needs them (due admissions and discharges) and booking patients by id.
// The course and consent rows themselves come from db/repos/courses.ts and db/repos/consents.ts.
import type { BookingPatient, Course } from '../contract';
import type { ReadableDB } from '../sqlite/handles';
import { all, sql } from '../sqlite/sql';
import { findCourses } from './courses';

// One read for the whole list (a course read per due stay was a hundred reads on a busy day).
const byIds = (db: ReadableDB, ids: { id: number }[]): Course[] =>
  findCourses(
    db,
    ids.map((r) => r.id),
  );

/** Planned stays due to start, and admitted stays due to end, on the clinic days from..to (inclusive). */
export const expectedAdmissions = (db: ReadableDB, from: string, to: string): Course[] =>
  byIds(
    db,
    all<{ id: number }>(
      db,
      sql`SELECT id FROM courses WHERE status = 'planned' AND planned_admission >= ${from}
            AND planned_admission <= ${to} ORDER BY planned_admission, id`,
    ),
  );
export const expectedDischarges = (db: ReadableDB, from: string, to: string): Course[] =>
  byIds(
    db,
    all<{ id: number }>(
      db,
      sql`SELECT id FROM courses WHERE status = 'admitted' AND planned_discharge >= ${from}
            AND planned_discharge <= ${to} ORDER BY planned_discharge, id`,
    ),
  );

export function bookingPatients(db: ReadableDB, ids: readonly number[]): Map<number, BookingPatient> {
  const rows = all<BookingPatient>(
    db,
    sql`SELECT id, mrn, family_name AS familyName, given_name AS givenName, native_name AS nativeName
        FROM patients WHERE id IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`,
  );
  return new Map(rows.map((p) => [p.id, p]));
}
