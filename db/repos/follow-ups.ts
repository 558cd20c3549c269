// SQL for the follow-up worklist (the schedule's month points computed in SQL, one query for the clinic) and the
// contact attempts, appended and read per point and per patient.
import type { ContactAttempt, ContactOutcome, FollowUpPoint, FollowUpState, TimePoint } from '../contract';
import type { ReadableDB, WritableDB } from '../sqlite/handles';
import { type Sql, all, join, raw, run, sql } from '../sqlite/sql';

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

export interface WorklistQuery {
  today: string;
  /** The last day a window may open on to be listed as upcoming. */
  horizon: string;
  /** Courses discharged before this day have no window open any more (a lower bound that lets the index work). */
  openSince: string | null;
  points: readonly MonthPoint[];
  states: readonly FollowUpState[];
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
  total: number;
}

export interface WorklistSqlResult {
  rows: (Omit<WorklistSqlRow, 'last_id' | 'total'> & { lastAttempt: ContactAttempt | null })[];
  total: number;
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

/**
 * The month points of every discharged course, their windows, whether an assessment is attached (any, as
 * `assessments.schedule` counts it), the latest attempt, the state, then the filters, urgency order and the page.
 */
export function worklist(db: ReadableDB, q: WorklistQuery): WorklistSqlResult {
  const stateIn = join(
    q.states.map((s) => sql`${s}`),
    ', ',
  );
  const since: Sql =
    q.openSince === null
      ? sql``
      : q.points.every((p) => p.discharged)
        ? sql` AND c.discharged_on >= ${q.openSince} AND c.discharged_on BETWEEN p.lo AND p.hi`
        : sql` AND c.discharged_on >= ${q.openSince}`;
  const only: Sql = q.timePoint === null ? sql`` : sql` AND p.time_point = ${q.timePoint}`;
  const rows = all<WorklistSqlRow>(
    db,
    sql`WITH ${monthWindows(q.points, sql`${since}${only}`)},
      pending AS (
        SELECT w.*,
               (SELECT f.id FROM follow_up_contacts f
                 WHERE f.course_id = w.course_id AND f.time_point = w.time_point AND ifnull(f.procedure_id, 0) = 0
                 ORDER BY f.at DESC, f.id DESC LIMIT 1) AS last_id
          FROM windows w
         WHERE w.from_day <= ${q.horizon}
           AND NOT EXISTS (SELECT 1 FROM assessments a
                            WHERE a.course_id = w.course_id AND a.time_point = w.time_point)),
      stated AS MATERIALIZED (
        SELECT pe.*,
               CASE WHEN lf.outcome = 'lost_to_follow_up' THEN 'lost'
                    WHEN ${q.today} < pe.from_day THEN 'upcoming'
                    WHEN ${q.today} <= pe.target THEN 'due'
                    WHEN ${q.today} <= pe.to_day THEN 'overdue'
                    ELSE 'missed' END AS state,
               lf.next_try_on
          FROM pending pe LEFT JOIN follow_up_contacts lf ON lf.id = pe.last_id),
      -- Ordered and paged before the patients are joined: only the page's rows read a patient record.
      page AS (
        SELECT s.*, count(*) OVER () AS total,
               row_number() OVER (
                 ORDER BY CASE s.state WHEN 'overdue' THEN 0 WHEN 'due' THEN 1 WHEN 'upcoming' THEN 2
                                       WHEN 'missed' THEN 3 ELSE 4 END,
                          -- A call promised for a later day waits behind the points nobody has planned yet.
                          (s.next_try_on IS NOT NULL AND s.next_try_on > ${q.today}),
                          CASE WHEN s.state IN ('missed', 'lost') THEN NULL ELSE s.to_day END,
                          s.to_day DESC, s.course_id, s.target) AS rn
          FROM stated s
         WHERE s.state IN (${stateIn})
         ORDER BY rn
         LIMIT ${q.limit} OFFSET ${q.offset})
      SELECT g.patient_id, pa.family_name, pa.given_name, pa.native_name, pa.mrn, pa.phone, pa.email,
             pa.messaging_handle, pa.emergency_name, pa.emergency_phone, pa.nationality,
             json_extract(pa.languages, '$[0]') AS language, g.course_id, g.discharged_on, g.time_point, g.target,
             g.from_day, g.to_day, g.state, g.last_id, g.total
        FROM page g JOIN patients pa ON pa.id = g.patient_id
       ORDER BY g.rn`,
  );
  const lastIds = rows.flatMap((r) => (r.last_id === null ? [] : [r.last_id]));
  const attempts = new Map(lastIds.map((id) => [id, findAttempt(db, id)]));
  return {
    total: rows[0]?.total ?? 0,
    rows: rows.map(({ last_id, total: _total, ...r }) => ({
      ...r,
      lastAttempt: last_id === null ? null : (attempts.get(last_id) ?? null),
    })),
  };
}
