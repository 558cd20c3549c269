// The clinic's numbers as computed before migration 0270 (every GROUP BY over the procedures, courses, inquiries and
// month windows themselves): the bench's same-run baseline, and the reference the core test checks the new path against.
import type { Core } from '../../db/services/core';
import type { ClinicNumbers } from '../../db/contract';
import { type NumbersReader, clinicNumbersWith } from '../../db/services/clinic-numbers';
import type { ReadableDB } from '../../db/sqlite/handles';
import { type Sql, all, sql } from '../../db/sqlite/sql';
import { type MonthPoint, monthWindows } from '../../db/repos/follow-ups';
import {
  type FunnelRow,
  type MonthTypeRow,
  type AeTypeRow,
  type NumbersRange,
  OTHER_KEY,
  UNKNOWN_KEY,
} from '../../db/repos/clinic-numbers';
export const patientsTreated = (db: ReadableDB, r: NumbersRange): number =>
  all<{ n: number }>(
    db,
    sql`SELECT count(DISTINCT patient_id) AS n FROM procedures
         WHERE status = 'completed' AND starts_at >= ${r.fromAt} AND starts_at < ${r.toAt}`,
  )[0]?.n ?? 0;

export const coursesByStatus = (db: ReadableDB, r: NumbersRange): { status: string; n: number }[] =>
  all(
    db,
    sql`SELECT status, count(*) AS n FROM courses
         WHERE coalesce(admitted_on, planned_admission) BETWEEN ${r.fromDay} AND ${r.toDay}
         GROUP BY status`,
  );

export const proceduresByMonth = (db: ReadableDB, r: NumbersRange): MonthTypeRow[] =>
  all(
    db,
    sql`SELECT strftime('%Y-%m', starts_at, ${r.localShift}) AS month, type_id,
               sum(status = 'scheduled') AS scheduled, sum(status = 'completed') AS completed,
               sum(status = 'cancelled') AS cancelled, sum(status = 'postponed') AS postponed,
               sum(status = 'no_show') AS no_show
          FROM procedures WHERE starts_at >= ${r.fromAt} AND starts_at < ${r.toAt}
         GROUP BY 1, 2 ORDER BY 1, 2`,
  );

/**
 * The funnel of the inquiries received in the period, grouped by `key` (an expression over `i`). A stage counts an
 * inquiry that reached it at any time, even if it was later declined or closed: accepted = its status is or was
 * accepted (the status history says so), contacted = a first contact is recorded or it went further, treated = its
 * patient has a completed procedure. The median first-response time is the middle of each group's ordered hours.
 */
function funnel(db: ReadableDB, r: NumbersRange, key: Sql, ctes: Sql = sql``): FunnelRow[] {
  return all<FunnelRow>(
    db,
    sql`WITH ${ctes}
      picked AS (
        SELECT i.*, ${key} AS key,
               (i.status IN ('accepted', 'converted') OR EXISTS (
                  SELECT 1 FROM inquiry_status_changes s
                   WHERE s.inquiry_id = i.id AND s.to_status IN ('accepted', 'converted'))) AS was_accepted
          FROM inquiries i WHERE i.received_at >= ${r.fromAt} AND i.received_at < ${r.toAt}),
      base AS (
        SELECT key, was_accepted,
               (first_contact_at IS NOT NULL OR was_accepted
                 OR status IN ('contacted', 'awaiting_records', 'under_review')) AS contacted,
               (patient_id IS NOT NULL AND EXISTS (
                  SELECT 1 FROM procedures p WHERE p.patient_id = picked.patient_id AND p.status = 'completed'))
                 AS treated,
               CASE WHEN first_contact_at IS NOT NULL
                    THEN max(0, (julianday(first_contact_at) - julianday(received_at)) * 24) END AS hours
          FROM picked),
      groups AS (
        SELECT key, count(*) AS inquiries, sum(contacted) AS contacted, sum(was_accepted) AS accepted,
               sum(treated) AS treated, count(hours) AS answered, ifnull(sum(hours <= 24), 0) AS within24h
          FROM base GROUP BY key),
      ranked AS (
        SELECT key, hours, row_number() OVER (PARTITION BY key ORDER BY hours) AS rn,
               count(*) OVER (PARTITION BY key) AS n
          FROM base WHERE hours IS NOT NULL),
      medians AS (
        SELECT key, avg(hours) AS median_hours FROM ranked WHERE rn IN ((n + 1) / 2, (n + 2) / 2) GROUP BY key)
      SELECT g.*, m.median_hours FROM groups g LEFT JOIN medians m ON m.key = g.key
       ORDER BY g.inquiries DESC, g.key`,
  );
}

export const funnelTotal = (db: ReadableDB, r: NumbersRange) => funnel(db, r, sql`''`)[0] ?? null;
export const funnelByChannel = (db: ReadableDB, r: NumbersRange) => funnel(db, r, sql`i.channel`);

/** By country: the `top` countries with most inquiries in the period by name, the rest as OTHER_KEY. */
export const funnelByCountry = (db: ReadableDB, r: NumbersRange, top: number) =>
  funnel(
    db,
    r,
    sql`CASE WHEN ifnull(i.country, '') = '' THEN ${UNKNOWN_KEY}
             WHEN i.country IN (SELECT country FROM top_countries) THEN i.country ELSE ${OTHER_KEY} END`,
    sql`top_countries AS (
        SELECT country FROM inquiries
         WHERE received_at >= ${r.fromAt} AND received_at < ${r.toAt} AND ifnull(country, '') <> ''
         GROUP BY country ORDER BY count(*) DESC, country LIMIT ${top}),`,
  );

/** Events linked to the period's completed procedures, per procedure type, beside the number of those procedures. */
export const adverseEventsByType = (db: ReadableDB, r: NumbersRange): AeTypeRow[] =>
  all(
    db,
    sql`WITH done AS (
          SELECT id, type_id FROM procedures
           WHERE status = 'completed' AND starts_at >= ${r.fromAt} AND starts_at < ${r.toAt})
        SELECT d.type_id, count(DISTINCT d.id) AS procedures, count(e.id) AS events,
               ifnull(sum(e.grade = 1), 0) AS g1, ifnull(sum(e.grade = 2), 0) AS g2, ifnull(sum(e.grade = 3), 0) AS g3,
               ifnull(sum(e.grade = 4), 0) AS g4, ifnull(sum(e.grade = 5), 0) AS g5
          FROM done d LEFT JOIN adverse_events e ON e.procedure_id = d.id
         GROUP BY d.type_id`,
  );

/** Per grade, the events (onset in the period) of the patients treated in the period; grade 0 = unlinked events. */
export const adverseEventsByGrade = (
  db: ReadableDB,
  r: NumbersRange,
): { grade: number; events: number; patients: number; unlinked: number }[] =>
  all(
    db,
    sql`WITH treated AS (
          SELECT DISTINCT patient_id FROM procedures
           WHERE status = 'completed' AND starts_at >= ${r.fromAt} AND starts_at < ${r.toAt})
        SELECT e.grade, count(*) AS events, count(DISTINCT e.patient_id) AS patients,
               sum(e.procedure_id IS NULL) AS unlinked
          FROM adverse_events e JOIN treated t ON t.patient_id = e.patient_id
         WHERE e.onset_on BETWEEN ${r.fromDay} AND ${r.toDay}
         GROUP BY e.grade`,
  );

/**
 * Follow-up completeness per month point, for the points whose target falls in the period: closed windows (before
 * today), those with an assessment (any instrument, as the worklist counts it), and windows still open or to come.
 * `dischargedFrom`/`dischargedTo` bound the courses read (a target is 1–12 months after discharge).
 */
export const followUpCompleteness = (
  db: ReadableDB,
  r: NumbersRange,
  points: readonly MonthPoint[],
  discharged: { from: string; to: string },
): { time_point: string; closed: number; done: number; open: number }[] =>
  all(
    db,
    sql`WITH ${monthWindows(points, sql` AND c.discharged_on BETWEEN ${discharged.from} AND ${discharged.to}`)}
      SELECT w.time_point, sum(w.to_day < ${r.today}) AS closed,
             sum(w.to_day < ${r.today} AND EXISTS (
               SELECT 1 FROM assessments a WHERE a.course_id = w.course_id AND a.time_point = w.time_point)) AS done,
             sum(w.to_day >= ${r.today}) AS open
        FROM windows w WHERE w.target BETWEEN ${r.fromDay} AND ${r.toDay}
       GROUP BY w.time_point`,
  );

/** The old queries as a reader for the service (the funnel's three passes, as they ran). */
export const BASELINE_READER: NumbersReader = {
  patientsTreated,
  coursesByStatus,
  proceduresByMonth,
  funnels: (db, r, top) => ({
    total: funnelTotal(db, r),
    byChannel: funnelByChannel(db, r),
    byCountry: funnelByCountry(db, r, top),
  }),
  adverseEventsByType,
  adverseEventsByGrade,
  followUpCompleteness: (db, r, points, discharged) => followUpCompleteness(db, r, points, discharged),
};

/** The report computed the old way (same service, same shaping; only the queries differ). */
export const baselineClinicNumbers = (core: Core, input: { from: string | null; to: string | null }): ClinicNumbers =>
  clinicNumbersWith(core, input, BASELINE_READER);
