// Read-only SQL for courses and consents as procedures need them (the patient page, the agenda, the ward list).
// Core-a's courses/consents repos own the writes; when they land, these readers may give way to theirs.
import type { BookingPatient, Consent, Course, Route } from '../contract';
import type { ReadableDB } from '../sqlite/handles';
import { type Sql, all, sql } from '../sqlite/sql';

interface CourseRow {
  id: number;
  patient_id: number;
  status: Course['status'];
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
  plannedRoutes: JSON.parse(r.planned_routes) as Route[],
  allergies: r.allergies,
  notes: r.notes,
  cancelReason: r.cancel_reason,
  createdAt: r.created_at,
  version: r.version,
});

/** Courses matching `where` (on alias c), each with its number among the patient's stays by planned admission. */
const courses = (db: ReadableDB, where: Sql): Course[] =>
  all<CourseRow>(
    db,
    sql`SELECT c.*, (SELECT count(*) FROM courses o WHERE o.patient_id = c.patient_id
          AND (o.planned_admission < c.planned_admission OR (o.planned_admission = c.planned_admission AND o.id <= c.id)))
          AS number
        FROM courses c WHERE ${where} ORDER BY c.planned_admission, c.id`,
  ).map(toCourse);

export const coursesOfPatient = (db: ReadableDB, patientId: number): Course[] =>
  courses(db, sql`c.patient_id = ${patientId}`);

/** Planned stays due to start, and admitted stays due to end, on the clinic days from..to (inclusive). */
export const expectedAdmissions = (db: ReadableDB, from: string, to: string): Course[] =>
  courses(db, sql`c.status = 'planned' AND c.planned_admission >= ${from} AND c.planned_admission <= ${to}`);
export const expectedDischarges = (db: ReadableDB, from: string, to: string): Course[] =>
  courses(db, sql`c.status = 'admitted' AND c.planned_discharge >= ${from} AND c.planned_discharge <= ${to}`);

interface ConsentRow {
  id: number;
  course_id: number;
  type: Consent['type'];
  given_on: string;
  taken_by: number;
  taken_by_name: string;
  withdrawn_on: string | null;
  attachment_id: number | null;
  attachment_name: string | null;
  version: number;
}

export function consentsOfCourses(db: ReadableDB, courseIds: readonly number[]): Consent[] {
  if (courseIds.length === 0) return [];
  const ids = JSON.stringify(courseIds);
  return all<ConsentRow>(
    db,
    sql`SELECT k.id, k.course_id, k.type, k.given_on, k.taken_by, a.display_name AS taken_by_name, k.withdrawn_on,
          k.attachment_id, f.file_name AS attachment_name, k.version
        FROM consents k JOIN accounts a ON a.id = k.taken_by LEFT JOIN attachments f ON f.id = k.attachment_id
        WHERE k.course_id IN (SELECT value FROM json_each(${ids})) ORDER BY k.given_on, k.id`,
  ).map((r) => ({
    id: r.id,
    courseId: r.course_id,
    type: r.type,
    givenOn: r.given_on,
    takenById: r.taken_by,
    takenByName: r.taken_by_name,
    withdrawnOn: r.withdrawn_on,
    attachmentId: r.attachment_id,
    attachmentName: r.attachment_name,
    version: r.version,
  }));
}

export function bookingPatients(db: ReadableDB, ids: readonly number[]): Map<number, BookingPatient> {
  const rows = all<BookingPatient>(
    db,
    sql`SELECT id, mrn, family_name AS familyName, given_name AS givenName, native_name AS nativeName
        FROM patients WHERE id IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`,
  );
  return new Map(rows.map((p) => [p.id, p]));
}
