// SQL for the clinic's numbers: every figure from a small table kept by triggers (migration 0270: procedure counts per
// quarter hour, patients' treated spans, month points per target day) or from one covering index range, so the screen
// reads a few thousand short rows at the 10-year size, not the 1M procedures. Shaped by db/reports/clinic-numbers.ts.
import type { ReadableDB } from '../sqlite/handles';
import { type Sql, all, sql } from '../sqlite/sql';
import type { MonthPoint } from './follow-ups';

/** The period twice: clinic-local days (date columns) and the UTC instants they start and end at (instant columns). */
export interface NumbersRange {
  fromDay: string;
  toDay: string;
  /** First instant of `fromDay` at the clinic. */
  fromAt: string;
  /** First instant after `toDay` at the clinic (exclusive). */
  toAt: string;
  /** SQLite date modifier turning a UTC instant into clinic-local time, e.g. `+480 minutes`. */
  localShift: string;
  today: string;
}

/**
 * The period's bounds as quarter hours (`YYYY-MM-DDTHH:MM`, procedure_tallies.slot): a clinic-local midnight is on a
 * quarter hour in every zone, so `starts_at >= fromAt` holds exactly when its quarter is at or after fromAt's.
 */
const slots = (r: NumbersRange) => ({ from: r.fromAt.slice(0, 16), to: r.toAt.slice(0, 16) });

/** Whether a treated patient's first and last completed procedure lie on both sides of one of the period's ends. */
const straddled = (db: ReadableDB, r: NumbersRange): boolean =>
  all<{ x: number }>(
    db,
    sql`SELECT EXISTS (SELECT 1 FROM treated_spans
         WHERE (first_at < ${r.fromAt} AND last_at >= ${r.fromAt}) OR (first_at < ${r.toAt} AND last_at >= ${r.toAt}))
         AS x`,
  )[0]?.x === 1;

/**
 * The patients with a completed procedure in the period. When no patient's treated span crosses an end of the period
 * (all time, or a period before or after everyone's treatment), from the spans alone; otherwise from the period's
 * procedures in the covering calendar index (a range as long as the period: a year is a tenth of the table).
 */
const treatedIn = (db: ReadableDB, r: NumbersRange): Sql =>
  straddled(db, r)
    ? sql`SELECT DISTINCT patient_id FROM procedures INDEXED BY procedures_calendar
           WHERE starts_at >= ${r.fromAt} AND starts_at < ${r.toAt} AND status = 'completed'`
    : sql`SELECT patient_id FROM treated_spans WHERE first_at >= ${r.fromAt} AND last_at < ${r.toAt}`;

export const patientsTreated = (db: ReadableDB, r: NumbersRange): number =>
  all<{ n: number }>(db, sql`SELECT count(*) AS n FROM (${treatedIn(db, r)})`)[0]?.n ?? 0;

export const coursesByStatus = (db: ReadableDB, r: NumbersRange): { status: string; n: number }[] =>
  all(
    db,
    sql`SELECT status, count(*) AS n FROM courses
         WHERE coalesce(admitted_on, planned_admission) BETWEEN ${r.fromDay} AND ${r.toDay}
         GROUP BY status`,
  );

export const procedureTypes = (db: ReadableDB): { id: number; code: string | null; name: string }[] =>
  all(db, sql`SELECT id, code, name FROM procedure_types ORDER BY id`);

export interface MonthTypeRow {
  month: string;
  type_id: number;
  scheduled: number;
  completed: number;
  cancelled: number;
  postponed: number;
  no_show: number;
}

/** Per clinic-local month and type, from the quarter-hour counts (a month starts on a quarter hour, as a day does). */
export const proceduresByMonth = (db: ReadableDB, r: NumbersRange): MonthTypeRow[] =>
  all(
    db,
    sql`SELECT strftime('%Y-%m', slot, ${r.localShift}) AS month, type_id,
               sum(n * (status = 'scheduled')) AS scheduled, sum(n * (status = 'completed')) AS completed,
               sum(n * (status = 'cancelled')) AS cancelled, sum(n * (status = 'postponed')) AS postponed,
               sum(n * (status = 'no_show')) AS no_show
          FROM procedure_tallies WHERE slot >= ${slots(r).from} AND slot < ${slots(r).to}
         GROUP BY 1, 2 ORDER BY 1, 2`,
  );

export interface FunnelRow {
  key: string;
  inquiries: number;
  contacted: number;
  accepted: number;
  treated: number;
  answered: number;
  within24h: number;
  median_hours: number | null;
}

/** Group keys for inquiries without a country and for the countries past the top N (codes are two capitals). */
export const UNKNOWN_KEY = '~unknown';
export const OTHER_KEY = '~other';

export interface Funnels {
  total: FunnelRow | null;
  byChannel: FunnelRow[];
  byCountry: FunnelRow[];
}

/**
 * The funnel of the inquiries received in the period: the total, by channel, and by country (the `top` countries with
 * most inquiries by name, the rest as OTHER_KEY), from ONE pass over the inquiries_funnel index. A stage counts an
 * inquiry that reached it at any time, even if it was later declined or closed: accepted = its status is or was
 * accepted (the status history says so), contacted = a first contact is recorded or it went further, treated = its
 * patient has a completed procedure (a treated span). The median first-response time is the middle of each group's
 * ordered hours.
 */
export function funnels(db: ReadableDB, r: NumbersRange, top: number): Funnels {
  const rows = all<FunnelRow & { dim: string }>(
    db,
    sql`WITH top_countries AS (
        SELECT country FROM inquiries INDEXED BY inquiries_funnel
         WHERE received_at >= ${r.fromAt} AND received_at < ${r.toAt} AND ifnull(country, '') <> ''
         GROUP BY country ORDER BY count(*) DESC, country LIMIT ${top}),
      picked AS (
        SELECT i.channel, i.status, i.first_contact_at, i.received_at, i.patient_id,
               CASE WHEN ifnull(i.country, '') = '' THEN ${UNKNOWN_KEY}
                    WHEN i.country IN (SELECT country FROM top_countries) THEN i.country ELSE ${OTHER_KEY} END
                 AS country_key,
               (i.status IN ('accepted', 'converted') OR EXISTS (
                  SELECT 1 FROM inquiry_status_changes s
                   WHERE s.inquiry_id = i.id AND s.to_status IN ('accepted', 'converted'))) AS was_accepted
          FROM inquiries i INDEXED BY inquiries_funnel
         WHERE i.received_at >= ${r.fromAt} AND i.received_at < ${r.toAt}),
      base AS MATERIALIZED (
        SELECT channel, country_key, was_accepted,
               (first_contact_at IS NOT NULL OR was_accepted
                 OR status IN ('contacted', 'awaiting_records', 'under_review')) AS contacted,
               (patient_id IS NOT NULL AND EXISTS (SELECT 1 FROM treated_spans t WHERE t.patient_id = picked.patient_id))
                 AS treated,
               CASE WHEN first_contact_at IS NOT NULL
                    THEN max(0, (julianday(first_contact_at) - julianday(received_at)) * 24) END AS hours
          FROM picked),
      keyed AS (
        SELECT '' AS dim, '' AS key, * FROM base
        UNION ALL SELECT 'channel', channel, * FROM base
        UNION ALL SELECT 'country', country_key, * FROM base),
      groups AS (
        SELECT dim, key, count(*) AS inquiries, sum(contacted) AS contacted, sum(was_accepted) AS accepted,
               sum(treated) AS treated, count(hours) AS answered, ifnull(sum(hours <= 24), 0) AS within24h
          FROM keyed GROUP BY dim, key),
      ranked AS (
        SELECT dim, key, hours, row_number() OVER (PARTITION BY dim, key ORDER BY hours) AS rn,
               count(*) OVER (PARTITION BY dim, key) AS n
          FROM keyed WHERE hours IS NOT NULL),
      medians AS (
        SELECT dim, key, avg(hours) AS median_hours FROM ranked WHERE rn IN ((n + 1) / 2, (n + 2) / 2)
         GROUP BY dim, key)
      SELECT g.*, m.median_hours FROM groups g LEFT JOIN medians m ON m.dim = g.dim AND m.key = g.key
       ORDER BY g.dim, g.inquiries DESC, g.key`,
  );
  const strip = ({ dim: _, ...row }: FunnelRow & { dim: string }): FunnelRow => row;
  return {
    total: rows.filter((x) => x.dim === '').map(strip)[0] ?? null,
    byChannel: rows.filter((x) => x.dim === 'channel').map(strip),
    byCountry: rows.filter((x) => x.dim === 'country').map(strip),
  };
}

export interface AeTypeRow {
  type_id: number;
  procedures: number;
  events: number;
  g1: number;
  g2: number;
  g3: number;
  g4: number;
  g5: number;
}

/**
 * Events linked to the period's completed procedures, per procedure type, beside the number of those procedures (from
 * the quarter-hour counts; the events themselves are few and read with their procedure by its key).
 */
export const adverseEventsByType = (db: ReadableDB, r: NumbersRange): AeTypeRow[] =>
  all(
    db,
    sql`WITH done AS (
          SELECT type_id, sum(n) AS procedures FROM procedure_tallies
           WHERE slot >= ${slots(r).from} AND slot < ${slots(r).to} AND status = 'completed'
           GROUP BY type_id),
        events AS (
          SELECT p.type_id, count(*) AS events, sum(e.grade = 1) AS g1, sum(e.grade = 2) AS g2,
                 sum(e.grade = 3) AS g3, sum(e.grade = 4) AS g4, sum(e.grade = 5) AS g5
            FROM adverse_events e JOIN procedures p ON p.id = e.procedure_id
           WHERE p.status = 'completed' AND p.starts_at >= ${r.fromAt} AND p.starts_at < ${r.toAt}
           GROUP BY p.type_id)
        SELECT d.type_id, d.procedures, ifnull(v.events, 0) AS events, ifnull(v.g1, 0) AS g1, ifnull(v.g2, 0) AS g2,
               ifnull(v.g3, 0) AS g3, ifnull(v.g4, 0) AS g4, ifnull(v.g5, 0) AS g5
          FROM done d LEFT JOIN events v ON v.type_id = d.type_id`,
  );

/** Per grade, the events (onset in the period) of the patients treated in the period; grade 0 = unlinked events. */
export const adverseEventsByGrade = (
  db: ReadableDB,
  r: NumbersRange,
): { grade: number; events: number; patients: number; unlinked: number }[] =>
  all(
    db,
    sql`WITH treated AS MATERIALIZED (${treatedIn(db, r)})
        SELECT e.grade, count(*) AS events, count(DISTINCT e.patient_id) AS patients,
               sum(e.procedure_id IS NULL) AS unlinked
          FROM adverse_events e
         WHERE e.onset_on BETWEEN ${r.fromDay} AND ${r.toDay} AND e.patient_id IN (SELECT patient_id FROM treated)
         GROUP BY e.grade`,
  );

/**
 * Follow-up completeness per month point, for the points whose target falls in the period: closed windows (before
 * today), those with an assessment (any instrument, as the worklist counts it), and windows still open or to come —
 * from the month points per target day (follow_up_point_days, kept from follow_up_points: the worklist's windows).
 * `_points` and `_discharged` are the windows' definition and bounds the by-row computation needed; the kept table
 * carries both (a test checks its points agree with the live schedule).
 */
export const followUpCompleteness = (
  db: ReadableDB,
  r: NumbersRange,
  _points: readonly MonthPoint[],
  _discharged: { from: string; to: string },
): { time_point: string; closed: number; done: number; open: number }[] =>
  all(
    db,
    sql`SELECT time_point, sum(n * (to_day < ${r.today})) AS closed, sum(done * (to_day < ${r.today})) AS done,
               sum(n * (to_day >= ${r.today})) AS open
          FROM follow_up_point_days WHERE target BETWEEN ${r.fromDay} AND ${r.toDay}
         GROUP BY time_point`,
  );
