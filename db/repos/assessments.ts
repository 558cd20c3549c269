// SQL and row mapping for assessments and their versions (the item map is a JSON column of the version row).
import type { AssessmentMode, InstrumentId, ItemValue, TimePoint, VersionStatus } from '../contract';
import type { ReadableDB, WritableDB } from '../sqlite/handles';
import { all, arrays, get, raw, run, sql } from '../sqlite/sql';
import { HOLDING_SQL } from './procedures';

export interface AssessmentHead {
  id: number;
  patientId: number;
  courseId: number | null;
  timePoint: TimePoint;
  procedureId: number | null;
  instrumentId: InstrumentId;
  instrumentVersion: number;
  mode: AssessmentMode;
  assessorId: number;
  assessorName: string;
  assessedOn: string;
  currentN: number;
  signedN: number | null;
  version: number;
}

/** What a signature stores so that reports never score items again. */
export interface StoredScore {
  sum: number;
  total: number | null;
  complete: boolean;
  subscores: Readonly<Record<string, number | null>>;
}

export interface VersionRow {
  n: number;
  status: VersionStatus;
  values: Record<string, ItemValue>;
  notes: Record<string, string>;
  stored: StoredScore | null;
  amendReason: string | null;
  createdById: number;
  createdByName: string;
  createdAt: string;
  updatedAt: string;
  signedById: number | null;
  signedByName: string | null;
  signedAt: string | null;
}

export interface LoadedAssessment extends AssessmentHead {
  versions: VersionRow[];
}

interface HeadRow {
  id: number;
  patient_id: number;
  course_id: number | null;
  time_point: TimePoint;
  procedure_id: number | null;
  instrument_id: InstrumentId;
  instrument_version: number;
  mode: AssessmentMode;
  assessor_id: number;
  assessor_name: string;
  assessed_on: string;
  current_n: number;
  signed_n: number | null;
  version: number;
}

interface VersionDbRow {
  n: number;
  status: VersionStatus;
  item_values: string;
  item_notes: string;
  sum: number | null;
  total: number | null;
  complete: number | null;
  subscores: string | null;
  amend_reason: string | null;
  created_by: number;
  created_by_name: string;
  created_at: string;
  updated_at: string;
  signed_by: number | null;
  signed_by_name: string | null;
  signed_at: string | null;
}

const HEAD = sql`
  SELECT a.id, a.patient_id, a.course_id, a.time_point, a.procedure_id, a.instrument_id, a.instrument_version, a.mode,
         a.assessor_id, ac.display_name AS assessor_name, a.assessed_on, a.current_n, a.signed_n, a.version
    FROM assessments a JOIN accounts ac ON ac.id = a.assessor_id`;

const toHead = (r: HeadRow): AssessmentHead => ({
  id: r.id,
  patientId: r.patient_id,
  courseId: r.course_id,
  timePoint: r.time_point,
  procedureId: r.procedure_id,
  instrumentId: r.instrument_id,
  instrumentVersion: r.instrument_version,
  mode: r.mode,
  assessorId: r.assessor_id,
  assessorName: r.assessor_name,
  assessedOn: r.assessed_on,
  currentN: r.current_n,
  signedN: r.signed_n,
  version: r.version,
});

const storedOf = (r: {
  sum: number | null;
  total: number | null;
  complete: number | null;
  subscores: string | null;
}) =>
  r.complete === null
    ? null
    : {
        sum: r.sum ?? 0,
        total: r.total,
        complete: r.complete === 1,
        subscores: JSON.parse(r.subscores ?? '{}') as Record<string, number | null>,
      };

const toVersion = (r: VersionDbRow): VersionRow => ({
  n: r.n,
  status: r.status,
  values: JSON.parse(r.item_values) as Record<string, ItemValue>,
  notes: JSON.parse(r.item_notes) as Record<string, string>,
  stored: storedOf(r),
  amendReason: r.amend_reason,
  createdById: r.created_by,
  createdByName: r.created_by_name,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  signedById: r.signed_by,
  signedByName: r.signed_by_name,
  signedAt: r.signed_at,
});

export function findAssessment(db: ReadableDB, id: number): LoadedAssessment | null {
  const head = get<HeadRow>(db, sql`${HEAD} WHERE a.id = ${id}`);
  if (!head) return null;
  const versions = all<VersionDbRow>(
    db,
    sql`SELECT v.n, v.status, v.item_values, v.item_notes, v.sum, v.total, v.complete, v.subscores, v.amend_reason,
               v.created_by, c.display_name AS created_by_name, v.created_at, v.updated_at, v.signed_by,
               s.display_name AS signed_by_name, v.signed_at
          FROM assessment_versions v
          JOIN accounts c ON c.id = v.created_by
          LEFT JOIN accounts s ON s.id = v.signed_by
         WHERE v.assessment_id = ${id} ORDER BY v.n`,
  ).map(toVersion);
  return { ...toHead(head), versions };
}

/** What an autosave or a signature works on: the head's version and instrument, and the version being worked on. */
export interface DraftState {
  id: number;
  version: number;
  instrumentId: InstrumentId;
  instrumentVersion: number;
  current: Pick<VersionRow, 'n' | 'status' | 'values' | 'notes'>;
}

/**
 * One primary-key join, no account names, only the current version's item map parsed: an autosave runs this on
 * every keystroke pause, and reading every version with its authors (findAssessment) cost it more than its writes.
 */
export function findDraftState(db: ReadableDB, id: number): DraftState | null {
  const r = get<{
    version: number;
    instrument_id: InstrumentId;
    instrument_version: number;
    n: number;
    status: VersionStatus;
    item_values: string;
    item_notes: string;
  }>(
    db,
    sql`SELECT a.version, a.instrument_id, a.instrument_version, v.n, v.status, v.item_values, v.item_notes
          FROM assessments a JOIN assessment_versions v ON v.assessment_id = a.id AND v.n = a.current_n
         WHERE a.id = ${id}`,
  );
  if (!r) return null;
  return {
    id,
    version: r.version,
    instrumentId: r.instrument_id,
    instrumentVersion: r.instrument_version,
    current: {
      n: r.n,
      status: r.status,
      values: JSON.parse(r.item_values) as Record<string, ItemValue>,
      notes: JSON.parse(r.item_notes) as Record<string, string>,
    },
  };
}

/** The assessment already holding this time point for this instrument, if any (one per point: see the index). */
export const findAtPoint = (
  db: ReadableDB,
  k: {
    patientId: number;
    courseId: number | null;
    timePoint: TimePoint;
    procedureId: number | null;
    instrumentId: string;
  },
): number | null =>
  get<{ id: number }>(
    db,
    sql`SELECT id FROM assessments WHERE patient_id = ${k.patientId} AND ifnull(course_id, 0) = ${k.courseId ?? 0}
          AND time_point = ${k.timePoint} AND ifnull(procedure_id, 0) = ${k.procedureId ?? 0}
          AND instrument_id = ${k.instrumentId}`,
  )?.id ?? null;

/** What a new assessment is given; the rest of its head is kept by the database. */
export type NewAssessment = Omit<AssessmentHead, 'id' | 'assessorName' | 'currentN' | 'signedN' | 'version'>;

/** The assessment and its first version, an empty draft. */
export function insertAssessment(db: WritableDB, a: NewAssessment, meta: { at: string; by: number }): number {
  const id = Number(
    run(
      db,
      sql`INSERT INTO assessments (patient_id, course_id, time_point, procedure_id, instrument_id, instrument_version,
            mode, assessor_id, assessed_on, created_by, created_at)
          VALUES (${a.patientId}, ${a.courseId}, ${a.timePoint}, ${a.procedureId}, ${a.instrumentId},
            ${a.instrumentVersion}, ${a.mode}, ${a.assessorId}, ${a.assessedOn}, ${meta.by}, ${meta.at})`,
    ).lastInsertRowid,
  );
  insertVersion(db, id, 1, { values: {}, notes: {}, amendReason: null }, meta);
  return id;
}

export function insertVersion(
  db: WritableDB,
  id: number,
  n: number,
  v: {
    values: Readonly<Record<string, ItemValue>>;
    notes: Readonly<Record<string, string>>;
    amendReason: string | null;
  },
  meta: { at: string; by: number },
): void {
  run(
    db,
    sql`INSERT INTO assessment_versions (assessment_id, n, status, item_values, item_notes, amend_reason, created_by,
          created_at, updated_at)
        VALUES (${id}, ${n}, 'draft', ${JSON.stringify(v.values)}, ${JSON.stringify(v.notes)}, ${v.amendReason},
          ${meta.by}, ${meta.at}, ${meta.at})`,
  );
  run(db, sql`UPDATE assessments SET current_n = ${n}, version = version + 1 WHERE id = ${id} AND current_n < ${n}`);
}

/** An autosave: the draft's whole item map in one row (the trigger refuses it on a signed version). */
export function saveDraft(
  db: WritableDB,
  id: number,
  n: number,
  v: { values: Readonly<Record<string, ItemValue>>; notes: Readonly<Record<string, string>> },
  at: string,
): void {
  run(
    db,
    sql`UPDATE assessment_versions SET item_values = ${JSON.stringify(v.values)},
          item_notes = ${JSON.stringify(v.notes)}, updated_at = ${at}
        WHERE assessment_id = ${id} AND n = ${n}`,
  );
  run(db, sql`UPDATE assessments SET version = version + 1 WHERE id = ${id}`);
}

export function signVersion(
  db: WritableDB,
  id: number,
  n: number,
  s: StoredScore,
  meta: { at: string; by: number },
): void {
  run(
    db,
    sql`UPDATE assessment_versions SET status = 'signed', sum = ${s.sum}, total = ${s.total},
          complete = ${s.complete ? 1 : 0}, subscores = ${JSON.stringify(s.subscores)}, signed_by = ${meta.by},
          signed_at = ${meta.at}, updated_at = ${meta.at}
        WHERE assessment_id = ${id} AND n = ${n}`,
  );
  run(db, sql`UPDATE assessments SET signed_n = ${n}, version = version + 1 WHERE id = ${id}`);
}

export interface HistoryRow {
  assessmentId: number;
  instrumentId: InstrumentId;
  instrumentVersion: number;
  courseId: number | null;
  timePoint: TimePoint;
  procedureId: number | null;
  assessedOn: string;
  n: number;
  stored: StoredScore;
  signedAt: string;
}

interface HistoryDbRow {
  id: number;
  instrument_id: InstrumentId;
  instrument_version: number;
  course_id: number | null;
  time_point: TimePoint;
  procedure_id: number | null;
  assessed_on: string;
  n: number;
  sum: number | null;
  total: number | null;
  complete: number;
  subscores: string | null;
  signed_at: string;
}

const toHistory = (r: HistoryDbRow): HistoryRow => ({
  assessmentId: r.id,
  instrumentId: r.instrument_id,
  instrumentVersion: r.instrument_version,
  courseId: r.course_id,
  timePoint: r.time_point,
  procedureId: r.procedure_id,
  assessedOn: r.assessed_on,
  n: r.n,
  stored: storedOf(r) ?? { sum: 0, total: null, complete: false, subscores: {} },
  signedAt: r.signed_at,
});

const HISTORY_COLUMNS = sql`a.id, a.instrument_id, a.instrument_version, a.course_id, a.time_point, a.procedure_id,
  a.assessed_on, v.n, v.sum, v.total, v.complete, v.subscores, v.signed_at`;

/** A patient's signed history: the latest signed version of each assessment, oldest first (one indexed join). */
export const signedHistory = (db: ReadableDB, patientId: number): HistoryRow[] =>
  all<HistoryDbRow>(
    db,
    sql`SELECT ${HISTORY_COLUMNS}
          FROM assessments a
          JOIN assessment_versions v ON v.assessment_id = a.id AND v.n = a.signed_n
         WHERE a.patient_id = ${patientId}
         ORDER BY a.instrument_id, a.assessed_on, a.id`,
  ).map(toHistory);

/** Where an assessment sits on the schedule. */
export type PointAssessed = Pick<AssessmentHead, 'id' | 'courseId' | 'timePoint' | 'procedureId'>;

/**
 * One assessment of a patient's page as an array in this order: id, instrument, its version, course, time point,
 * procedure, day assessed, then the latest signed version's n, total, complete (1/0), subscores (JSON) and signing
 * instant, all null for an assessment never signed (a draft still holds its time point).
 */
export type ChartRow = [
  id: number,
  instrumentId: InstrumentId,
  instrumentVersion: number,
  courseId: number | null,
  timePoint: TimePoint,
  procedureId: number | null,
  assessedOn: string,
  n: number | null,
  total: number | null,
  complete: number | null,
  subscores: string | null,
  signedAt: string | null,
];

/**
 * Every assessment of a patient with its stored totals, oldest first per instrument, from one indexed read. Rows as
 * arrays, only the columns the page shows: the page is opened all day, and building a keyed row in the driver and
 * another in a mapper for each of hundreds of assessments cost more than the read (and fed the collector's pauses).
 */
export const patientChartRows = (db: ReadableDB, patientId: number): ChartRow[] =>
  arrays<ChartRow>(
    db,
    sql`SELECT a.id, a.instrument_id, a.instrument_version, a.course_id, a.time_point, a.procedure_id, a.assessed_on,
               v.n, v.total, v.complete, v.subscores, v.signed_at
          FROM assessments a
          LEFT JOIN assessment_versions v ON v.assessment_id = a.id AND v.n = a.signed_n
         WHERE a.patient_id = ${patientId}
         ORDER BY a.instrument_id, a.assessed_on, a.id`,
  );

/** Whether a patient exists and where a merged one went: the schedule needs no more of the record. */
export const patientLink = (db: ReadableDB, id: number): { mrn: string; mergedIntoId: number | null } | null =>
  get<{ mrn: string; mergedIntoId: number | null }>(
    db,
    sql`SELECT mrn, merged_into_id AS mergedIntoId FROM patients WHERE id = ${id}`,
  ) ?? null;

/** Which time points of a patient's courses have an assessment, for the schedule. */
export const pointsAssessed = (db: ReadableDB, patientId: number): PointAssessed[] =>
  all<{ id: number; course_id: number | null; time_point: TimePoint; procedure_id: number | null }>(
    db,
    sql`SELECT id, course_id, time_point, procedure_id FROM assessments WHERE patient_id = ${patientId} ORDER BY id`,
  ).map((r) => ({ id: r.id, courseId: r.course_id, timePoint: r.time_point, procedureId: r.procedure_id }));

/** What a schedule is computed from: a course's current dates (actual where recorded, else planned). */
export interface ScheduleCourse {
  id: number;
  admission: string;
  discharge: string;
}

/** The courses (not cancelled) of a patient, or one course, with only the dates the schedule needs. */
export const scheduleCourses = (db: ReadableDB, of: { patientId: number } | { courseId: number }): ScheduleCourse[] =>
  all<ScheduleCourse>(
    db,
    sql`SELECT id, coalesce(admitted_on, planned_admission) AS admission,
               coalesce(discharged_on, planned_discharge) AS discharge
          FROM courses
         WHERE ${'patientId' in of ? sql`patient_id = ${of.patientId}` : sql`id = ${of.courseId}`}
           AND status <> 'cancelled'
         ORDER BY planned_admission, id`,
  );

/** Bookings that happened or still hold their slot (scheduled, completed): the schedule's after-procedure points. */
export const scheduleProcedures = (
  db: ReadableDB,
  of: { patientId: number } | { courseId: number },
): { id: number; courseId: number; startsAt: string }[] =>
  all<{ id: number; courseId: number; startsAt: string }>(
    db,
    sql`SELECT id, course_id AS courseId, starts_at AS startsAt FROM procedures
         WHERE ${'patientId' in of ? sql`patient_id = ${of.patientId}` : sql`course_id = ${of.courseId}`}
           AND ${raw(HOLDING_SQL)}`,
  );
