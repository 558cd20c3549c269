// SQL and row mapping for the consents recorded for a course (treatment, data use, photo/video).
import type { Consent, ConsentType } from '../contract';
import type { ReadableDB, WritableDB } from '../sqlite/handles';
import { all, get, run, sql } from '../sqlite/sql';

interface ConsentRow {
  id: number;
  course_id: number;
  type: ConsentType;
  given_on: string;
  taken_by: number;
  taken_by_name: string;
  withdrawn_on: string | null;
  attachment_id: number | null;
  attachment_name: string | null;
  version: number;
}

const SELECT = sql`
  SELECT c.id, c.course_id, c.type, c.given_on, c.taken_by, acc.display_name AS taken_by_name, c.withdrawn_on,
         c.attachment_id, a.file_name AS attachment_name, c.version
    FROM consents c
    JOIN accounts acc ON acc.id = c.taken_by
    LEFT JOIN attachments a ON a.id = c.attachment_id`;

const toConsent = (r: ConsentRow): Consent => ({
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
});

export function findConsent(db: ReadableDB, id: number): Consent | null {
  const row = get<ConsentRow>(db, sql`${SELECT} WHERE c.id = ${id}`);
  return row ? toConsent(row) : null;
}

export const consentsOfCourse = (db: ReadableDB, courseId: number): Consent[] =>
  all<ConsentRow>(db, sql`${SELECT} WHERE c.course_id = ${courseId} ORDER BY c.given_on, c.id`).map(toConsent);

/** Every consent of a patient's courses in one read (the patient page), by course. */
export function consentsOfPatient(db: ReadableDB, patientId: number): Map<number, Consent[]> {
  const byCourse = new Map<number, Consent[]>();
  const rows = all<ConsentRow>(
    db,
    sql`${SELECT} WHERE c.course_id IN (SELECT id FROM courses WHERE patient_id = ${patientId})
        ORDER BY c.given_on, c.id`,
  );
  for (const consent of rows.map(toConsent)) {
    const list = byCourse.get(consent.courseId);
    if (list) list.push(consent);
    else byCourse.set(consent.courseId, [consent]);
  }
  return byCourse;
}

/** What hasTreatmentConsent asks, of consents already read. */
export const treatmentConsentIn = (consents: readonly Consent[]): boolean =>
  consents.some((c) => c.type === 'treatment' && c.withdrawnOn === null);

/** The rule completion checks: a treatment consent for this very course, recorded and not withdrawn. */
export const hasTreatmentConsent = (db: ReadableDB, courseId: number): boolean =>
  get<{ n: number }>(
    db,
    sql`SELECT count(*) AS n FROM consents WHERE course_id = ${courseId} AND type = 'treatment'
          AND withdrawn_on IS NULL`,
  )?.n !== 0;

export interface NewConsent {
  courseId: number;
  type: ConsentType;
  givenOn: string;
  takenById: number;
  attachmentId: number | null;
}

export const insertConsent = (db: WritableDB, c: NewConsent, at: string): number =>
  Number(
    run(
      db,
      sql`INSERT INTO consents (course_id, type, given_on, taken_by, attachment_id, created_at)
          VALUES (${c.courseId}, ${c.type}, ${c.givenOn}, ${c.takenById}, ${c.attachmentId}, ${at})`,
    ).lastInsertRowid,
  );

export function withdrawConsent(db: WritableDB, id: number, w: { on: string; note: string | null }): void {
  run(
    db,
    sql`UPDATE consents SET withdrawn_on = ${w.on}, withdrawn_note = ${w.note}, version = version + 1
         WHERE id = ${id}`,
  );
}
