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
               FROM outcome_treated NOT INDEXED WHERE live = 1 ORDER BY patient_id`;
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

const shiftOf = (offsetMinutes: number) => `${offsetMinutes >= 0 ? '+' : ''}${offsetMinutes} minutes`;

/** The treatment-period and transplant filters on `outcome_treated` as `t` (the clinic-local day only when asked). */
const treatedFilters = (q: FactsQuery) => {
  const day = sql`date(t.first_at, ${shiftOf(q.offsetMinutes)})`;
  const from = q.from === null ? sql`` : sql` AND ${day} >= ${q.from}`;
  const to = q.to === null ? sql`` : sql` AND ${day} <= ${q.to}`;
  return sql`t.live = 1 AND t.transplants BETWEEN ${q.minTransplants} AND ${q.maxTransplants}${from}${to}`;
};

/**
 * Every live treated patient counted by their own columns, in the order of the covering index of migration 0330 (no
 * sort, no lookup): per stroke type, comorbidity and the three band choices, six counts — the first transplant's
 * clinic-local day before, on or after its UTC day (which band applies) × window past or not.
 */
export const treatedCountsSql = (q: FactsQuery) => {
  const m = sql`t.first_minute + ${q.offsetMinutes}`;
  const past = sql`t.discharge < ${q.notPastFrom}`;
  return sql`SELECT t.stroke_type, t.comorbid, t.bands_prev, t.bands_same, t.bands_next,
                    sum(${m} < 0 AND ${past}), sum(${m} < 0 AND NOT ${past}),
                    sum(${m} BETWEEN 0 AND 1439 AND ${past}), sum(${m} BETWEEN 0 AND 1439 AND NOT ${past}),
                    sum(${m} >= 1440 AND ${past}), sum(${m} >= 1440 AND NOT ${past})
               FROM outcome_treated t INDEXED BY outcome_treated_groups
              WHERE ${treatedFilters(q)}
              GROUP BY t.stroke_type, t.comorbid, t.bands_same, t.bands_prev, t.bands_next`;
};

/**
 * The treated patients with a value at the instrument's baseline or time point or a domain rating there, grouped by
 * everything the report tells apart (bands for the clinic's offset now, stroke type, comorbidity, window past, baseline
 * and follow-up totals, domain ratings): found from outcome_values' own ranges (migration 0210), each reached by its
 * course (migration 0330), with three keyed reads. Never touches the assessment or version rows nor a date.
 */
export const assessedGroupsSql = (q: FactsQuery) =>
  sql`WITH assessed AS (
        SELECT course_id FROM outcome_values WHERE instrument_id = ${q.instrument} AND time_point IN ('baseline', ${q.timePoint})
         UNION
        SELECT course_id FROM outcome_values WHERE instrument_id = 'improvement' AND time_point = ${q.timePoint})
      SELECT CASE WHEN t.first_minute + ${q.offsetMinutes} < 0 THEN t.bands_prev
                  WHEN t.first_minute + ${q.offsetMinutes} >= 1440 THEN t.bands_next ELSE t.bands_same END,
             t.stroke_type, t.comorbid, t.discharge < ${q.notPastFrom}, b.value, f.value, r.value, count(*)
        FROM assessed a
        JOIN outcome_treated t INDEXED BY outcome_treated_by_course ON t.course_id = a.course_id
        LEFT JOIN outcome_values b
          ON b.instrument_id = ${q.instrument} AND b.time_point = 'baseline' AND b.course_id = t.course_id
        LEFT JOIN outcome_values f
          ON f.instrument_id = ${q.instrument} AND f.time_point = ${q.timePoint} AND f.course_id = t.course_id
        LEFT JOIN outcome_values r
          ON r.instrument_id = 'improvement' AND r.time_point = ${q.timePoint} AND r.course_id = t.course_id
       WHERE ${treatedFilters(q)}
       GROUP BY 1, 2, 3, 4, 5, 6, 7`;

type TreatedCounts = [PatientGroup[1], number, number, number, number, number, number, number, number, number, number];

/**
 * The live treated patients in groups of alike ones (PatientGroup): the assessed groups as read, and per (band, stroke
 * type, comorbidity, window past) one group of the rest — everyone counted there less the assessed. Three in four
 * treated patients have no value at a given time point, so this reads a quarter of the rows the one grouped join did.
 */
export function outcomeGroups(db: ReadableDB, q: FactsQuery): PatientGroup[] {
  const assessed = arrays<PatientGroup>(db, assessedGroupsSql(q));
  const rest = new Map<string, PatientGroup>();
  for (const [strokeType, comorbid, prev, same, next, ...counts] of arrays<TreatedCounts>(db, treatedCountsSql(q))) {
    const bands = [prev, prev, same, same, next, next];
    counts.forEach((n, j) => {
      if (n === 0) return;
      const band = bands[j] ?? same;
      const past = j % 2 === 0 ? 1 : 0;
      const key = `${band}|${strokeType}|${comorbid}|${past}`;
      const group = rest.get(key);
      if (group) group[7] += n;
      else rest.set(key, [band, strokeType, comorbid, past, null, null, null, n]);
    });
  }
  for (const [band, strokeType, comorbid, past, , , , n] of assessed) {
    const group = rest.get(`${band}|${strokeType}|${comorbid}|${past}`);
    if (group) group[7] -= n;
  }
  return [...assessed, ...[...rest.values()].filter((g) => g[7] > 0)];
}
