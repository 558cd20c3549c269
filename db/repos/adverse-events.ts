// SQL and row mapping for adverse events: one row per event, read with its patient, procedure and reporter.
import type { AdverseEvent, AdverseEventFields, AdverseEventStatus, AeOutcome } from '../contract';
import type { ReadableDB, WritableDB } from '../sqlite/handles';
import { type Sql, all, get, run, sql } from '../sqlite/sql';

interface Row {
  id: number;
  patient_id: number;
  mrn: string;
  family_name: string;
  given_name: string;
  native_name: string | null;
  procedure_id: number | null;
  course_id: number | null;
  sequence: number | null;
  starts_at: string | null;
  type_name: string | null;
  type_code: string | null;
  onset_on: string;
  description: string;
  category: AdverseEvent['category'];
  category_other: string | null;
  grade: number;
  serious: number;
  relatedness: AdverseEvent['relatedness'];
  action_taken: string | null;
  outcome: AeOutcome;
  follow_up_on: string | null;
  status: AdverseEventStatus;
  resolved_on: string | null;
  reported_by: number;
  reporter_name: string;
  reported_at: string;
  updated_at: string;
  version: number;
}

const SELECT = sql`SELECT e.*, pa.mrn, pa.family_name, pa.given_name, pa.native_name, a.display_name AS reporter_name,
    p.course_id, p.sequence, p.starts_at, t.name AS type_name, t.code AS type_code
  FROM adverse_events e
  JOIN patients pa ON pa.id = e.patient_id
  JOIN accounts a ON a.id = e.reported_by
  LEFT JOIN procedures p ON p.id = e.procedure_id
  LEFT JOIN procedure_types t ON t.id = p.type_id`;

const toEvent = (r: Row): AdverseEvent => ({
  id: r.id,
  patient: {
    id: r.patient_id,
    mrn: r.mrn,
    familyName: r.family_name,
    givenName: r.given_name,
    nativeName: r.native_name,
  },
  procedure:
    r.procedure_id === null || r.course_id === null || r.starts_at === null
      ? null
      : {
          id: r.procedure_id,
          courseId: r.course_id,
          sequence: r.sequence,
          startsAt: r.starts_at,
          typeName: r.type_name ?? '',
          typeCode: r.type_code,
        },
  onsetOn: r.onset_on,
  description: r.description,
  category: r.category,
  categoryOther: r.category_other,
  grade: r.grade,
  serious: r.serious === 1,
  relatedness: r.relatedness,
  actionTaken: r.action_taken,
  outcome: r.outcome,
  followUpOn: r.follow_up_on,
  status: r.status,
  resolvedOn: r.resolved_on,
  reportedById: r.reported_by,
  reportedByName: r.reporter_name,
  reportedAt: r.reported_at,
  updatedAt: r.updated_at,
  version: r.version,
});

const events = (db: ReadableDB, where: Sql, order: Sql): AdverseEvent[] =>
  all<Row>(db, sql`${SELECT} WHERE ${where} ORDER BY ${order}`).map(toEvent);

export function findAdverseEvent(db: ReadableDB, id: number): AdverseEvent | null {
  const r = get<Row>(db, sql`${SELECT} WHERE e.id = ${id}`);
  return r ? toEvent(r) : null;
}

/** Open first (highest grade first), then closed, latest onset first. */
export const eventsOfPatient = (db: ReadableDB, patientId: number): AdverseEvent[] =>
  events(
    db,
    sql`e.patient_id = ${patientId}`,
    sql`e.status = 'open' DESC, CASE WHEN e.status = 'open' THEN e.grade END DESC, e.onset_on DESC, e.id DESC`,
  );

/** The clinic's open events (the literal condition of the partial index `adverse_events_open`). */
export const openEvents = (db: ReadableDB, limit = 500): AdverseEvent[] =>
  events(db, sql`e.status = 'open'`, sql`e.grade DESC, e.onset_on, e.id LIMIT ${limit}`);

/** The patient a procedure belongs to (null when there is no such procedure). */
export const patientOfProcedure = (db: ReadableDB, procedureId: number): number | null =>
  get<{ patient_id: number }>(db, sql`SELECT patient_id FROM procedures WHERE id = ${procedureId}`)?.patient_id ?? null;

const columns = (f: AdverseEventFields) => ({
  procedure_id: f.procedureId,
  onset_on: f.onsetOn,
  description: f.description,
  category: f.category,
  category_other: f.category === 'other' ? f.categoryOther : null,
  grade: f.grade,
  serious: f.serious ? 1 : 0,
  relatedness: f.relatedness,
  action_taken: f.actionTaken,
  outcome: f.outcome,
  follow_up_on: f.followUpOn,
});

export function insertAdverseEvent(
  db: WritableDB,
  patientId: number,
  f: AdverseEventFields,
  by: { at: string; by: number },
): number {
  const c = columns(f);
  return Number(
    run(
      db,
      sql`INSERT INTO adverse_events (patient_id, procedure_id, onset_on, description, category, category_other, grade,
          serious, relatedness, action_taken, outcome, follow_up_on, reported_by, reported_at, updated_at)
        VALUES (${patientId}, ${c.procedure_id}, ${c.onset_on}, ${c.description}, ${c.category}, ${c.category_other},
          ${c.grade}, ${c.serious}, ${c.relatedness}, ${c.action_taken}, ${c.outcome}, ${c.follow_up_on}, ${by.by},
          ${by.at}, ${by.at})`,
    ).lastInsertRowid,
  );
}

export function updateAdverseEvent(db: WritableDB, id: number, f: AdverseEventFields, at: string): void {
  const c = columns(f);
  run(
    db,
    sql`UPDATE adverse_events SET procedure_id = ${c.procedure_id}, onset_on = ${c.onset_on},
        description = ${c.description}, category = ${c.category}, category_other = ${c.category_other},
        grade = ${c.grade}, serious = ${c.serious}, relatedness = ${c.relatedness}, action_taken = ${c.action_taken},
        outcome = ${c.outcome}, follow_up_on = ${c.follow_up_on}, updated_at = ${at}, version = version + 1
      WHERE id = ${id}`,
  );
}

/** Closes an event: resolved with its outcome, or fatal (grade 5, outcome fatal) — one UPDATE so the CHECKs hold. */
export function closeAdverseEvent(
  db: WritableDB,
  id: number,
  close: { status: 'resolved' | 'fatal'; resolvedOn: string; outcome: AeOutcome; grade: number },
  at: string,
): void {
  run(
    db,
    sql`UPDATE adverse_events SET status = ${close.status}, resolved_on = ${close.resolvedOn},
        outcome = ${close.outcome}, grade = ${close.grade}, updated_at = ${at}, version = version + 1
      WHERE id = ${id}`,
  );
}
