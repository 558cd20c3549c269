// SQL for the follow-up worklist (the schedule's month points computed in SQL, one query for the clinic) and the
// contact attempts, appended and read per point and per patient.
import {
  COUNT_CAP,
  type ContactAttempt,
  type ContactOutcome,
  type FollowUpPoint,
  type FollowUpState,
  type TimePoint,
} from '../contract';
import type { ReadableDB, WritableDB } from '../sqlite/handles';
import { type Sql, all, get, join, raw, run, sql } from '../sqlite/sql';
import { CAPPED_COUNT_SQL } from './seek';

interface AttemptRow {
  id: number;
  patient_id: number;
  course_id: number;
  time_point: TimePoint;
  procedure_id: number | null;
  at: string;
  by_id: number;
  by_name: string;
  outcome: ContactOutcome;
  note: string | null;
  next_try_on: string | null;
}

const ATTEMPT_COLUMNS = sql`f.id, f.patient_id, f.course_id, f.time_point, f.procedure_id, f.at, f.by_id,
  ac.display_name AS by_name, f.outcome, f.note, f.next_try_on`;

const toAttempt = (r: AttemptRow): ContactAttempt => ({
  id: r.id,
  patientId: r.patient_id,
  courseId: r.course_id,
  timePoint: r.time_point,
  procedureId: r.procedure_id,
  at: r.at,
  byId: r.by_id,
  byName: r.by_name,
  outcome: r.outcome,
  note: r.note,
  nextTryOn: r.next_try_on,
});

export interface NewAttempt {
  patientId: number;
  courseId: number;
  timePoint: TimePoint;
  procedureId: number | null;
  outcome: ContactOutcome;
  note: string | null;
  nextTryOn: string | null;
}

export const insertAttempt = (db: WritableDB, a: NewAttempt, meta: { at: string; by: number }): number =>
  Number(
    run(
      db,
      sql`INSERT INTO follow_up_contacts
            (patient_id, course_id, time_point, procedure_id, at, by_id, outcome, note, next_try_on)
          VALUES (${a.patientId}, ${a.courseId}, ${a.timePoint}, ${a.procedureId}, ${meta.at}, ${meta.by},
                  ${a.outcome}, ${a.note}, ${a.nextTryOn})`,
    ).lastInsertRowid,
  );

export function findAttempt(db: ReadableDB, id: number): ContactAttempt | null {
  const rows = all<AttemptRow>(
    db,
    sql`SELECT ${ATTEMPT_COLUMNS} FROM follow_up_contacts f JOIN accounts ac ON ac.id = f.by_id WHERE f.id = ${id}`,
  );
  return rows[0] ? toAttempt(rows[0]) : null;
}

export const attemptsOfPatient = (db: ReadableDB, patientId: number): ContactAttempt[] =>
  all<AttemptRow>(
    db,
    sql`SELECT ${ATTEMPT_COLUMNS} FROM follow_up_contacts f JOIN accounts ac ON ac.id = f.by_id
         WHERE f.patient_id = ${patientId} ORDER BY f.at DESC, f.id DESC`,
  ).map(toAttempt);

/** One month point of the schedule as the SQL needs it (from assessment-schedule.ts, the one source of windows). */
export interface MonthPoint {
  timePoint: FollowUpPoint;
  months: number;
  before: number;
  after: number;
  /**
   * Only courses discharged in this range can have the point in an open state today (a superset: see the service).
   * The range is the index's: one narrow range of courses_discharged per point instead of every course of 14 months.
   */
  discharged?: { from: string; to: string };
}

/**
 * The CTEs `pts`, `targets` and `windows` (course_id, patient_id, discharged_on, time_point, target, from_day, to_day)
 * for the month points of every discharged course that `where` admits (alias `c` is the course, `p` the point). The
 * one place the schedule's month arithmetic is written in SQL; it matches `addMonths`: a day the month lacks falls on
 * its last day. Shared by the worklist and the clinic's numbers (follow-up completeness).
 */
export function monthWindows(points: readonly MonthPoint[], where: Sql): Sql {
  const pts = join(
    points.map(
      (p) => sql`SELECT ${p.timePoint} AS time_point, ${p.months} AS months, ${p.before} AS bef,
      ${p.after} AS aft, ${p.discharged?.from ?? null} AS lo, ${p.discharged?.to ?? null} AS hi`,
    ),
    ' UNION ALL ',
  );
  // With a discharge range per point, each point seeks its own range of courses_discharged (CROSS JOIN fixes the
  // loop order in SQLite); without, one pass over the courses the caller's range admits.
  const from = points.every((p) => p.discharged)
    ? raw('pts p CROSS JOIN courses c')
    : raw('courses c CROSS JOIN pts p');
  return sql`pts AS (${pts}),
      targets AS (
        SELECT c.id AS course_id, c.patient_id, c.discharged_on, p.time_point, p.bef, p.aft,
               min(date(c.discharged_on, '+' || p.months || ' months'),
                   date(c.discharged_on, 'start of month', '+' || (p.months + 1) || ' months', '-1 day')) AS target
          FROM ${from}
         WHERE c.status = 'discharged' AND c.discharged_on IS NOT NULL${where}),
      windows AS MATERIALIZED (
        SELECT t.*, date(t.target, '-' || t.bef || ' days') AS from_day,
               date(t.target, '+' || t.aft || ' days') AS to_day
          FROM targets t)`;
}

/** One state of the worklist, and whether its points wait for a promised later call, with its bounds for today. */
export interface WorklistGroup {
  state: FollowUpState;
  /** The latest attempt promised a call after today: such points come after the rest of their state. */
  later: boolean;
  /** The state's condition on the kept point `fp` (windows from follow_up_points, today's bounds from the service). */
  where: Sql;
  /** Open states by the window's end, soonest first; missed and lost ones latest first. */
  newestFirst: boolean;
  /** An open state's exact window-end range per month point: what its count reads (null: counted down `where`). */
  ranges: readonly PointRange[] | null;
}

export interface PointRange {
  timePoint: FollowUpPoint;
  from: string;
  to: string;
}

export interface WorklistQuery {
  today: string;
  /** Groups in the worklist's order: most urgent state first, and within a state the unpromised points first. */
  groups: readonly WorklistGroup[];
  timePoint: FollowUpPoint | null;
  limit: number;
  offset: number;
}

interface WorklistSqlRow {
  patient_id: number;
  family_name: string;
  given_name: string;
  native_name: string | null;
  mrn: string;
  phone: string | null;
  email: string | null;
  messaging_handle: string | null;
  emergency_name: string | null;
  emergency_phone: string | null;
  nationality: string | null;
  language: string | null;
  course_id: number;
  discharged_on: string;
  time_point: FollowUpPoint;
  target: string;
  from_day: string;
  to_day: string;
  state: FollowUpState;
  last_id: number | null;
}

export interface WorklistSqlResult {
  rows: (Omit<WorklistSqlRow, 'last_id'> & { lastAttempt: ContactAttempt | null })[];
  total: number;
  capped: boolean;
}

/** The points of one group still to arrange: the kept points (migration 0240) read down one index in list order. */
function groupFrom(q: WorklistQuery, g: WorklistGroup): Sql {
  // A promised later call is rare: those few are found by their day; the rest read the pending points in order.
  const index = raw(g.later ? 'follow_up_points_next_try' : 'follow_up_points_pending');
  const later = g.later
    ? sql`fp.next_try_on > ${q.today}`
    : sql`(fp.next_try_on IS NULL OR fp.next_try_on <= ${q.today})`;
  const only = q.timePoint === null ? sql`` : sql` AND fp.time_point = ${q.timePoint}`;
  return sql`FROM follow_up_points fp INDEXED BY ${index}
    WHERE fp.done = 0 AND ${g.where} AND ${later}${only}`;
}

/**
 * The page: each group in turn (most urgent first) reads at most offset + limit points down its index, so the first
 * pages cost the same whatever the clinic's size; the total is counted up to COUNT_CAP (then "more than").
 */
export function worklist(db: ReadableDB, q: WorklistQuery): WorklistSqlResult {
  const rows: WorklistSqlRow[] = [];
  let skip = q.offset;
  for (const g of q.groups) {
    const want = q.limit - rows.length;
    if (want <= 0) break;
    const dir = raw(g.newestFirst ? 'DESC' : 'ASC');
    const page = all<WorklistSqlRow>(
      db,
      sql`SELECT c.patient_id, pa.family_name, pa.given_name, pa.native_name, pa.mrn, pa.phone, pa.email,
                 pa.messaging_handle, pa.emergency_name, pa.emergency_phone, pa.nationality,
                 json_extract(pa.languages, '$[0]') AS language, fp.course_id, c.discharged_on, fp.time_point,
                 fp.target, fp.from_day, fp.to_day, ${g.state} AS state, fp.last_contact_id AS last_id
            FROM (SELECT fp.* ${groupFrom(q, g)}
                   ORDER BY fp.to_day ${dir}, fp.course_id, fp.target LIMIT ${want} OFFSET ${skip}) fp
            JOIN courses c ON c.id = fp.course_id JOIN patients pa ON pa.id = c.patient_id
           ORDER BY fp.to_day ${dir}, fp.course_id, fp.target`,
    );
    rows.push(...page);
    // A group shorter than what is still to skip: skip past all of it.
    if (page.length > 0) skip = 0;
    else if (skip > 0) skip -= groupCount(db, q, g, skip);
  }
  let total = 0;
  for (const g of q.groups) {
    total += groupCount(db, q, g, COUNT_CAP + 1 - total);
    if (total > COUNT_CAP) break;
  }
  const lastIds = rows.flatMap((r) => (r.last_id === null ? [] : [r.last_id]));
  const attempts = new Map(lastIds.map((id) => [id, findAttempt(db, id)]));
  return {
    total: Math.min(total, COUNT_CAP),
    capped: total > COUNT_CAP,
    rows: rows.map(({ last_id, ...r }) => ({
      ...r,
      lastAttempt: last_id === null ? null : (attempts.get(last_id) ?? null),
    })),
  };
}

/**
 * How many points the group holds, reading at most `cap` of them: an open state one exact range per month point (by
 * follow_up_points_point), so a count never reads the other states' points that share its window ends.
 */
function groupCount(db: ReadableDB, q: WorklistQuery, g: WorklistGroup, cap: number): number {
  const count = (from: Sql) => get<{ n: number }>(db, sql`${raw(CAPPED_COUNT_SQL)}${from} LIMIT ${cap})`)?.n ?? 0;
  if (g.ranges === null || g.later) return count(groupFrom(q, g));
  let n = 0;
  for (const r of g.ranges) {
    if (n >= cap) break;
    if (q.timePoint !== null && q.timePoint !== r.timePoint) continue;
    n += count(sql`FROM follow_up_points fp INDEXED BY follow_up_points_point
      WHERE fp.done = 0 AND fp.lost = 0 AND fp.time_point = ${r.timePoint} AND fp.to_day BETWEEN ${r.from} AND ${r.to}
        AND (fp.next_try_on IS NULL OR fp.next_try_on <= ${q.today})`);
  }
  return Math.min(n, cap);
}
