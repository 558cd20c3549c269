// SQL for the outcomes report: treated courses with the patient's strata facts, and the signed totals of one
// instrument at baseline and one time point, read once from `assessment_versions.total` (never the item rows).
import type { ReadableDB } from '../sqlite/handles';
import { arrays, sql } from '../sqlite/sql';

/** A course with at least one completed procedure, with what the strata need. */
export interface TreatedCourseRow {
  courseId: number;
  patientId: number;
  /** Clinic-local day of the first completed transplant. */
  firstDay: string;
  transplants: number;
  discharge: string;
  strokeType: 'ischemic' | 'hemorrhagic' | 'unknown';
  onset: string | null;
  birth: string | null;
  comorbid: boolean;
}

type CourseTuple = [
  number,
  number,
  string,
  number,
  string,
  TreatedCourseRow['strokeType'],
  string | null,
  string | null,
  number,
];

/**
 * Each live patient's first treated course (earliest completed transplant, then lowest course id). `offsetMinutes`
 * shifts UTC instants to the clinic's day (one offset for the whole read: a daylight-saving hour can move a 00:30
 * procedure by a day, not more). Three short ranges of `procedures_treated` (migration 0150) per patient: it used to
 * group every completed procedure of the clinic by course, join all of them and sort, to keep one course per patient.
 * A test checks the plan stays on that index.
 */
export const treatedCoursesSql = (offsetMinutes: number) => {
  const shift = `${offsetMinutes >= 0 ? '+' : ''}${offsetMinutes} minutes`;
  return sql`WITH f AS MATERIALIZED (
          SELECT p.id AS patient_id, p.stroke_type, p.stroke_onset_date, p.birth_date,
                 (p.comorbidities <> '[]' OR ifnull(trim(p.comorbidities_other), '') <> '') AS comorbid,
                 (SELECT course_id FROM procedures WHERE patient_id = p.id AND status = 'completed'
                   ORDER BY coalesce(performed_start, starts_at), course_id LIMIT 1) AS course_id
            FROM patients p WHERE p.merged_into_id IS NULL)
        SELECT f.course_id, f.patient_id,
               (SELECT date(min(coalesce(performed_start, starts_at)), ${shift}) FROM procedures
                 WHERE patient_id = f.patient_id AND status = 'completed'),
               (SELECT count(*) FROM procedures INDEXED BY procedures_treated
                 WHERE patient_id = f.patient_id AND status = 'completed' AND course_id = f.course_id),
               coalesce(c.discharged_on, c.planned_discharge), f.stroke_type, f.stroke_onset_date, f.birth_date,
               f.comorbid
          FROM f JOIN courses c ON c.id = f.course_id`;
};

export function treatedCourses(db: ReadableDB, offsetMinutes: number): TreatedCourseRow[] {
  const rows = arrays<CourseTuple>(db, treatedCoursesSql(offsetMinutes));
  return rows.map(([courseId, patientId, firstDay, transplants, discharge, strokeType, onset, birth, comorbid]) => ({
    courseId,
    patientId,
    firstDay,
    transplants,
    discharge,
    strokeType,
    onset,
    birth,
    comorbid: comorbid === 1,
  }));
}

/** Course id → total of the latest signed version, for one instrument and time point (complete totals only). */
/** The statement behind signedTotals (a test checks it stays on the assessments_outcomes index, migration 0120). */
export const signedTotalsSql = (instrument: string, timePoint: string) =>
  sql`SELECT a.course_id, v.total FROM assessments a
        JOIN assessment_versions v ON v.assessment_id = a.id AND v.n = a.signed_n
       WHERE a.instrument_id = ${instrument} AND a.time_point = ${timePoint} AND a.course_id IS NOT NULL
         AND v.total IS NOT NULL`;

export function signedTotals(db: ReadableDB, instrument: string, timePoint: string): Map<number, number> {
  return new Map(arrays<[number, number]>(db, signedTotalsSql(instrument, timePoint)));
}

/** Course id → the signed item map of the global-impression instrument at a time point (9 small values each). */
export function signedRatings(db: ReadableDB, timePoint: string): Map<number, Record<string, number>> {
  const rows = arrays<[number, string]>(
    db,
    sql`SELECT a.course_id, v.item_values FROM assessments a
          JOIN assessment_versions v ON v.assessment_id = a.id AND v.n = a.signed_n
         WHERE a.instrument_id = 'improvement' AND a.time_point = ${timePoint} AND a.course_id IS NOT NULL`,
  );
  const out = new Map<number, Record<string, number>>();
  for (const [courseId, json] of rows) {
    const values = JSON.parse(json) as Record<string, unknown>;
    const ratings: Record<string, number> = {};
    for (const [k, v] of Object.entries(values)) if (typeof v === 'number') ratings[k] = v;
    out.set(courseId, ratings);
  }
  return out;
}
