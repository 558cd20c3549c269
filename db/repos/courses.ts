// SQL and row mapping for treatment courses (one hospital stay each) and what a course's commands change in bulk.
import type { Course, CourseFields, CourseStatus } from '../contract';
import type { ReadableDB, WritableDB } from '../sqlite/handles';
import { all, get, run, sql } from '../sqlite/sql';

interface CourseRow {
  id: number;
  patient_id: number;
  status: CourseStatus;
  number: number;
  planned_admission: string;
  planned_discharge: string;
  admitted_on: string | null;
  discharged_on: string | null;
  baseline_severity: string | null;
  planned_transplants: number;
  planned_routes: string;
  allergies: string | null;
  notes: string | null;
  cancel_reason: string | null;
  created_at: string;
  version: number;
}

/** `number` is computed, not stored: the order of planned admission among the patient's courses (merges renumber). */
const SELECT = sql`
  SELECT c.id, c.patient_id, c.status, c.planned_admission, c.planned_discharge, c.admitted_on, c.discharged_on,
         c.baseline_severity, c.planned_transplants, c.planned_routes, c.allergies, c.notes, c.cancel_reason,
         c.created_at, c.version,
         (SELECT count(*) FROM courses o WHERE o.patient_id = c.patient_id
             AND (o.planned_admission < c.planned_admission
                  OR (o.planned_admission = c.planned_admission AND o.id <= c.id))) AS number
    FROM courses c`;

const toCourse = (r: CourseRow): Course => ({
  id: r.id,
  patientId: r.patient_id,
  status: r.status,
  number: r.number,
  plannedAdmission: r.planned_admission,
  plannedDischarge: r.planned_discharge,
  admittedOn: r.admitted_on,
  dischargedOn: r.discharged_on,
  baselineSeverity: r.baseline_severity,
  plannedTransplants: r.planned_transplants,
  plannedRoutes: JSON.parse(r.planned_routes) as Course['plannedRoutes'],
  allergies: r.allergies,
  notes: r.notes,
  cancelReason: r.cancel_reason,
  createdAt: r.created_at,
  version: r.version,
});

export function findCourse(db: ReadableDB, id: number): Course | null {
  const row = get<CourseRow>(db, sql`${SELECT} WHERE c.id = ${id}`);
  return row ? toCourse(row) : null;
}

/** These courses in the order of `ids` (missing ones left out): one read, not one per course (the agenda's lists). */
export function findCourses(db: ReadableDB, ids: readonly number[]): Course[] {
  if (ids.length === 0) return [];
  const rows = all<CourseRow>(db, sql`${SELECT} WHERE c.id IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    return r ? [toCourse(r)] : [];
  });
}

/**
 * A patient's courses, first stay first. All of them are read in the very order `number` counts, so each one's number
 * is its place in the list: the counting subquery per course made the patient page's read quadratic in its courses.
 */
export const coursesOfPatient = (db: ReadableDB, patientId: number): Course[] =>
  all<Omit<CourseRow, 'number'>>(
    db,
    sql`SELECT c.id, c.patient_id, c.status, c.planned_admission, c.planned_discharge, c.admitted_on, c.discharged_on,
               c.baseline_severity, c.planned_transplants, c.planned_routes, c.allergies, c.notes, c.cancel_reason,
               c.created_at, c.version
          FROM courses c WHERE c.patient_id = ${patientId} ORDER BY c.planned_admission, c.id`,
  ).map((r, i) => toCourse({ ...r, number: i + 1 }));

const fieldColumns = (f: CourseFields) => sql`
  planned_admission = ${f.plannedAdmission}, planned_discharge = ${f.plannedDischarge},
  baseline_severity = ${f.baselineSeverity}, planned_transplants = ${f.plannedTransplants},
  planned_routes = ${JSON.stringify(f.plannedRoutes)}, allergies = ${f.allergies}, notes = ${f.notes}`;

export function insertCourse(db: WritableDB, patientId: number, f: CourseFields, meta: { at: string; by: number }) {
  const id = Number(
    run(
      db,
      sql`INSERT INTO courses (patient_id, status, planned_admission, planned_discharge, planned_transplants,
            planned_routes, created_at, created_by, updated_at)
          VALUES (${patientId}, 'planned', ${f.plannedAdmission}, ${f.plannedDischarge}, ${f.plannedTransplants},
            ${JSON.stringify(f.plannedRoutes)}, ${meta.at}, ${meta.by}, ${meta.at})`,
    ).lastInsertRowid,
  );
  run(db, sql`UPDATE courses SET ${fieldColumns(f)} WHERE id = ${id}`);
  return id;
}

export function updateCourseFields(db: WritableDB, id: number, f: CourseFields, at: string): void {
  run(db, sql`UPDATE courses SET ${fieldColumns(f)}, updated_at = ${at}, version = version + 1 WHERE id = ${id}`);
}

export function setCourseStatus(
  db: WritableDB,
  id: number,
  s: { status: CourseStatus; admittedOn: string | null; dischargedOn: string | null; cancelReason: string | null },
  at: string,
): void {
  run(
    db,
    sql`UPDATE courses SET status = ${s.status}, admitted_on = ${s.admittedOn}, discharged_on = ${s.dischargedOn},
          cancel_reason = ${s.cancelReason}, updated_at = ${at}, version = version + 1 WHERE id = ${id}`,
  );
}

/** The start instants of the course's still-scheduled bookings (a date change must keep them inside the stay). */
export const scheduledStarts = (db: ReadableDB, courseId: number): string[] =>
  all<{ starts_at: string }>(
    db,
    sql`SELECT starts_at FROM procedures WHERE course_id = ${courseId} AND status = 'scheduled' ORDER BY starts_at`,
  ).map((r) => r.starts_at);

/**
 * Cancels the course's still-scheduled bookings with the course's reason: they free their slots and give up their
 * transplant numbers. Returns their ids, for the audit log.
 */
export function cancelScheduledProcedures(db: WritableDB, courseId: number, reason: string, at: string): number[] {
  const ids = all<{ id: number }>(
    db,
    sql`SELECT id FROM procedures WHERE course_id = ${courseId} AND status = 'scheduled' ORDER BY starts_at, id`,
  ).map((r) => r.id);
  run(
    db,
    sql`UPDATE procedures SET status = 'cancelled', reason = ${reason}, sequence = NULL, updated_at = ${at},
          version = version + 1 WHERE course_id = ${courseId} AND status = 'scheduled'`,
  );
  return ids;
}
