// SQL for the outcomes report: treated courses with the patient's strata facts, and the signed totals of one
// instrument at baseline and one time point, read once from `assessment_versions.total` (never the item rows).
import type { ReadableDB } from '../sqlite/handles';
import type { PatientGroup } from '../reports/outcomes';
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

/** A treated course as the driver returns it (raw mode): built into the report's rows in one pass, no object between. */
export type CourseTuple = [
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
 * Each live patient's first treated course (earliest completed transplant, then lowest course id) with the facts the
 * strata need, in one scan of `outcome_treated` (migration 0180: kept by triggers on procedures, patients and courses).
 * `offsetMinutes` shifts UTC instants to the clinic's day (one offset for the whole read: a daylight-saving hour can
 * move a 00:30 procedure by a day, not more).
 */
export const treatedCoursesSql = (offsetMinutes: number) => {
  const shift = `${offsetMinutes >= 0 ? '+' : ''}${offsetMinutes} minutes`;
  return sql`SELECT course_id, patient_id, date(first_at, ${shift}), transplants, discharge, stroke_type, onset, birth,
                    comorbid
               FROM outcome_treated WHERE live = 1 ORDER BY patient_id`;
};

export const treatedCourseTuples = (db: ReadableDB, offsetMinutes: number): CourseTuple[] =>
  arrays<CourseTuple>(db, treatedCoursesSql(offsetMinutes));

export function treatedCourses(db: ReadableDB, offsetMinutes: number): TreatedCourseRow[] {
  return treatedCourseTuples(db, offsetMinutes).map(
    ([courseId, patientId, firstDay, transplants, discharge, strokeType, onset, birth, comorbid]) => ({
      courseId,
      patientId,
      firstDay,
      transplants,
      discharge,
      strokeType,
      onset,
      birth,
      comorbid: comorbid === 1,
    }),
  );
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

export interface FactsQuery {
  instrument: string;
  timePoint: string;
  offsetMinutes: number;
  /** First discharge day whose follow-up window is not over yet: earlier discharges are past it. */
  notPastFrom: string;
  from: string | null;
  to: string | null;
  minTransplants: number;
  maxTransplants: number;
}

/**
 * The live treated patients counted by everything the report tells apart (their bands for the clinic's offset now,
 * stroke type, comorbidity, window past, baseline and follow-up totals, domain ratings): one scan of `outcome_treated`
 * (migration 0180, bands by 0210) with three keyed reads of `outcome_values` (migration 0210), grouped in SQL, the
 * treatment-period and transplant filters applied here. Never touches the assessment or version rows nor a date.
 */
export const outcomeGroupsSql = (q: FactsQuery) => {
  const shift = `${q.offsetMinutes >= 0 ? '+' : ''}${q.offsetMinutes} minutes`;
  // The clinic-local day is only worked out when a period filter needs it.
  const day = sql`date(t.first_at, ${shift})`;
  const from = q.from === null ? sql`` : sql` AND ${day} >= ${q.from}`;
  const to = q.to === null ? sql`` : sql` AND ${day} <= ${q.to}`;
  return sql`SELECT CASE WHEN t.first_minute + ${q.offsetMinutes} < 0 THEN t.bands_prev
                         WHEN t.first_minute + ${q.offsetMinutes} >= 1440 THEN t.bands_next ELSE t.bands_same END,
                    t.stroke_type, t.comorbid, t.discharge < ${q.notPastFrom}, b.value, f.value, r.value, count(*)
               FROM outcome_treated t
               LEFT JOIN outcome_values b
                 ON b.instrument_id = ${q.instrument} AND b.time_point = 'baseline' AND b.course_id = t.course_id
               LEFT JOIN outcome_values f
                 ON f.instrument_id = ${q.instrument} AND f.time_point = ${q.timePoint} AND f.course_id = t.course_id
               LEFT JOIN outcome_values r
                 ON r.instrument_id = 'improvement' AND r.time_point = ${q.timePoint} AND r.course_id = t.course_id
              WHERE t.live = 1 AND t.transplants BETWEEN ${q.minTransplants} AND ${q.maxTransplants}${from}${to}
              GROUP BY 1, 2, 3, 4, 5, 6, 7`;
};

export const outcomeGroups = (db: ReadableDB, q: FactsQuery): PatientGroup[] =>
  arrays<PatientGroup>(db, outcomeGroupsSql(q));
