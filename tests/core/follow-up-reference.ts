// The follow-up worklist as it was computed before migration 0240 (every discharged course's month points worked out
// in SQL on each call): kept only so tests can check the kept points give the same rows in the same order.
import type { FollowUpPoint, FollowUpState } from '../../db/contract';
import { type MonthPoint, monthWindows } from '../../db/repos/follow-ups';
import type { ReadableDB } from '../../db/sqlite/handles';
import { all, join, sql } from '../../db/sqlite/sql';

export interface ComputedQuery {
  today: string;
  horizon: string;
  points: readonly MonthPoint[];
  states: readonly FollowUpState[];
  timePoint: FollowUpPoint | null;
  limit: number;
  offset: number;
}

export interface ComputedRow {
  patient_id: number;
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

/** The old query, without the patient columns (the new one joins the same patient by the course). */
export function computedWorklist(db: ReadableDB, q: ComputedQuery): ComputedRow[] {
  const stateIn = join(
    q.states.map((s) => sql`${s}`),
    ', ',
  );
  const only = q.timePoint === null ? sql`` : sql` AND p.time_point = ${q.timePoint}`;
  const rows = all<ComputedRow>(
    db,
    sql`WITH ${monthWindows(q.points, only)},
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
      SELECT g.patient_id, g.course_id, g.discharged_on, g.time_point, g.target, g.from_day, g.to_day, g.state,
             g.last_id, g.total
        FROM page g JOIN patients pa ON pa.id = g.patient_id
       ORDER BY g.rn`,
  );
  return rows;
}
