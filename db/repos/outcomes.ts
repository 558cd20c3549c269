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
 * Each live patient's first treated course (earliest completed transplant, then lowest course id), read from
 * `outcome_treated` (migration 0180: kept by triggers on procedures) with primary-key joins for the patient's and the
 * course's facts. `offsetMinutes` shifts UTC instants to the clinic's day (one offset for the whole read: a
 * daylight-saving hour can move a 00:30 procedure by a day, not more). Merged-away patients are left out here.
 */
export const treatedCoursesSql = (offsetMinutes: number) => {
  const shift = `${offsetMinutes >= 0 ? '+' : ''}${offsetMinutes} minutes`;
  return sql`SELECT t.course_id, t.patient_id, date(t.first_at, ${shift}), t.transplants,
                    coalesce(c.discharged_on, c.planned_discharge), p.stroke_type, p.stroke_onset_date, p.birth_date,
                    (p.comorbidities <> '[]' OR ifnull(trim(p.comorbidities_other), '') <> '')
               FROM outcome_treated t
               JOIN patients p ON p.id = t.patient_id AND p.merged_into_id IS NULL
               JOIN courses c ON c.id = t.course_id
              ORDER BY t.patient_id`;
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
