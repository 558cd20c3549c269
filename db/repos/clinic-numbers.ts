// SQL for the clinic's numbers: every figure from a small table kept by triggers (migration 0270: procedure counts per
// quarter hour, patients' treated spans, month points per target day; migration 0310: procedure counts per month, the
// inquiry funnel's row per inquiry with its counts per month and its first-response hours per month and whole hour) or
// from one covering index range, so the screen reads a few thousand short rows at the 10-year size, not the 1M
// procedures or the 300k inquiries. Shaped by db/reports/clinic-numbers.ts.
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

/** The next `YYYY-MM` (past the last month of year 9999: `9999-13`, still a bound above every month). */
const nextMonth = (m: string): string => {
  const [y, mo] = [Number(m.slice(0, 4)), Number(m.slice(5, 7))];
  if (mo < 12) return `${m.slice(0, 4)}-${String(mo + 1).padStart(2, '0')}`;
  return y >= 9999 ? '9999-13' : `${String(y + 1).padStart(4, '0')}-01`;
};

/**
 * Per clinic-local month and type. A zone is at most 14 hours from UTC, so a quarter hour on the 2nd to the 27th of a
 * UTC month is in that month at the clinic too: for the months whose 2nd to 27th lie in the period, those quarters come
 * as month counts (procedure_month_tallies, migration 0310); every other quarter of the period from the quarter-hour
 * counts, put in its clinic-local month (a month starts on a quarter hour, as a day does).
 */
export const proceduresByMonth = (db: ReadableDB, r: NumbersRange): MonthTypeRow[] => {
  const { from, to } = slots(r);
  let first = from.slice(0, 7);
  if (`${first}-02T00:00` < from) first = nextMonth(first);
  let end = to.slice(0, 7);
  if (`${end}-28T00:00` <= to) end = nextMonth(end);
  if (end < first) end = first;
  return all(
    db,
    sql`WITH tallies AS (
          SELECT month, type_id, status, n FROM procedure_month_tallies WHERE month >= ${first} AND month < ${end}
          UNION ALL
          SELECT CASE WHEN substr(slot, 9, 2) BETWEEN '02' AND '27' THEN substr(slot, 1, 7)
                      ELSE strftime('%Y-%m', slot, ${r.localShift}) END, type_id, status, n
            FROM procedure_tallies
           WHERE slot >= ${from} AND slot < ${to}
             AND NOT (slot >= ${first} AND slot < ${end} AND substr(slot, 9, 2) BETWEEN '02' AND '27'))
        SELECT month, type_id,
               sum(n * (status = 'scheduled')) AS scheduled, sum(n * (status = 'completed')) AS completed,
               sum(n * (status = 'cancelled')) AS cancelled, sum(n * (status = 'postponed')) AS postponed,
               sum(n * (status = 'no_show')) AS no_show
          FROM tallies GROUP BY 1, 2 ORDER BY 1, 2`,
  );
};

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
 * The UTC months wholly inside the period, as `YYYY-MM` bounds [whole, to) that also compare with instants (an instant in
 * month M sorts at or after `M` and before the next month); when none, `whole` = `to` = the period's start.
 */
function wholeMonths(r: NumbersRange): { whole: string; to: string } {
  const next = (m: string) => {
    const [y, mo] = [Number(m.slice(0, 4)), Number(m.slice(5, 7))];
    return mo === 12 ? `${String(y + 1).padStart(4, '0')}-01` : `${m.slice(0, 4)}-${String(mo + 1).padStart(2, '0')}`;
  };
  const startsMonth = (at: string) => /^\d{4}-\d{2}-01(T00:00:00(\.000)?Z)?$/.test(at);
  const whole = startsMonth(r.fromAt) ? r.fromAt.slice(0, 7) : next(r.fromAt.slice(0, 7));
  const to = startsMonth(r.toAt) ? r.toAt.slice(0, 7) : r.toAt.slice(0, 7);
  return whole < to ? { whole, to } : { whole: r.fromAt, to: r.fromAt };
}

interface FunnelCell {
  channel: string;
  country: string;
  inquiries: number;
  contacted: number;
  accepted: number;
  treated: number;
  answered: number;
  within24h: number;
}

/**
 * The funnel of the inquiries received in the period: the total, by channel, and by country (the `top` countries with
 * most inquiries by name, the rest as OTHER_KEY), from the kept funnel rows (migration 0310: one per inquiry, its
 * stages and first-response hours as the by-row funnel computed them). A stage counts an inquiry that reached it at any
 * time, even if it was later declined or closed: accepted = its status is or was accepted (the status history says
 * so), contacted = a first contact is recorded or it went further, treated = its patient has a completed procedure (a
 * treated span). Counts from one pass over the covering period index, grouped by channel and country; each group's
 * median first-response time is the middle one or two hours of an index walk in order of hours (no sort).
 */
export function funnels(db: ReadableDB, r: NumbersRange, top: number): Funnels {
  const { whole, to } = wholeMonths(r);
  const cells = all<FunnelCell>(
    db,
    sql`WITH cells AS (
          SELECT channel, country, n, contacted, accepted, treated, answered, within24h FROM inquiry_funnel_months
           WHERE month >= ${whole} AND month < ${to}
          UNION ALL
          SELECT channel, country, 1, contacted, accepted, treated, hours IS NOT NULL, ifnull(hours <= 24, 0)
            FROM inquiry_funnel INDEXED BY inquiry_funnel_received
           WHERE received_at >= ${r.fromAt} AND received_at < ${whole}
          UNION ALL
          SELECT channel, country, 1, contacted, accepted, treated, hours IS NOT NULL, ifnull(hours <= 24, 0)
            FROM inquiry_funnel INDEXED BY inquiry_funnel_received
           WHERE received_at >= ${to} AND received_at < ${r.toAt})
        SELECT channel, country, sum(n) AS inquiries, sum(contacted) AS contacted, sum(accepted) AS accepted,
               sum(treated) AS treated, sum(answered) AS answered, sum(within24h) AS within24h
          FROM cells GROUP BY channel, country`,
  );
  if (cells.length === 0) return { total: null, byChannel: [], byCountry: [] };
  const perCountry = new Map<string, number>();
  for (const c of cells)
    if (c.country !== '') perCountry.set(c.country, (perCountry.get(c.country) ?? 0) + c.inquiries);
  const topCountries = [...perCountry]
    .sort(([a, n], [b, m]) => m - n || (a < b ? -1 : a > b ? 1 : 0))
    .slice(0, top)
    .map(([c]) => c);
  const named = new Set(topCountries);
  const countryKey = (c: string) => (c === '' ? UNKNOWN_KEY : named.has(c) ? c : OTHER_KEY);
  const groups = (keyOf: (c: FunnelCell) => string) => {
    const out = new Map<string, FunnelRow>();
    for (const c of cells) {
      const key = keyOf(c);
      const g = out.get(key) ?? {
        key,
        inquiries: 0,
        contacted: 0,
        accepted: 0,
        treated: 0,
        answered: 0,
        within24h: 0,
        median_hours: null,
      };
      g.inquiries += c.inquiries;
      g.contacted += c.contacted;
      g.accepted += c.accepted;
      g.treated += c.treated;
      g.answered += c.answered;
      g.within24h += c.within24h;
      out.set(key, g);
    }
    return [...out.values()].sort((a, b) => b.inquiries - a.inquiries || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  };
  // Whole-hour counts of the answered inquiries by channel and by country: the kept months', the end months' rows.
  const counts = all<{ dim: string; key: string; bucket: number; n: number }>(
    db,
    sql`WITH buckets AS (
          SELECT dim, key, bucket, n FROM inquiry_response_hours WHERE month >= ${whole} AND month < ${to}
          UNION ALL
          SELECT 'channel', channel, CAST(hours AS INTEGER), 1 FROM inquiry_funnel INDEXED BY inquiry_funnel_received
           WHERE received_at >= ${r.fromAt} AND received_at < ${whole} AND hours IS NOT NULL
          UNION ALL
          SELECT 'channel', channel, CAST(hours AS INTEGER), 1 FROM inquiry_funnel INDEXED BY inquiry_funnel_received
           WHERE received_at >= ${to} AND received_at < ${r.toAt} AND hours IS NOT NULL
          UNION ALL
          SELECT 'country', country, CAST(hours AS INTEGER), 1 FROM inquiry_funnel INDEXED BY inquiry_funnel_received
           WHERE received_at >= ${r.fromAt} AND received_at < ${whole} AND hours IS NOT NULL
          UNION ALL
          SELECT 'country', country, CAST(hours AS INTEGER), 1 FROM inquiry_funnel INDEXED BY inquiry_funnel_received
           WHERE received_at >= ${to} AND received_at < ${r.toAt} AND hours IS NOT NULL)
        SELECT dim, key, bucket, sum(n) AS n FROM buckets GROUP BY dim, key, bucket ORDER BY bucket`,
  );
  const histogram = (pick: (dim: string, key: string) => boolean): [number, number][] => {
    const h = new Map<number, number>();
    for (const c of counts) if (pick(c.dim, c.key)) h.set(c.bucket, (h.get(c.bucket) ?? 0) + c.n);
    return [...h]; // in order of bucket: the rows came so
  };
  const period = sql`hours IS NOT NULL AND received_at >= ${r.fromAt} AND received_at < ${r.toAt}`;
  /** The hours at 0-based rank `rank` of a group (its histogram, its index and filter): found in its hour, read there. */
  const at = (h: [number, number][], rank: number, from: Sql): number | null => {
    let before = 0;
    for (const [bucket, n] of h) {
      if (rank < before + n)
        return (
          all<{ hours: number }>(
            db,
            sql`SELECT hours FROM ${from} AND hours >= ${bucket} AND hours < ${bucket + 1}
                 ORDER BY hours LIMIT 1 OFFSET ${rank - before}`,
          )[0]?.hours ?? null
        );
      before += n;
    }
    return null;
  };
  /** The middle one or two of a group's `n` answered hours (the by-row funnel's avg of ranks (n+1)/2 and (n+2)/2). */
  const median = (n: number, h: [number, number][], from: Sql): number | null => {
    if (n === 0) return null;
    const lo = Math.floor((n - 1) / 2);
    const a = at(h, lo, from);
    if (n % 2 === 1 || a === null) return a;
    const b = at(h, lo + 1, from);
    return (
      all<{ m: number | null }>(db, sql`SELECT avg(v) AS m FROM (SELECT ${a} AS v UNION ALL SELECT ${b})`)[0]?.m ?? null
    );
  };
  const total = groups(() => '')[0] ?? null;
  if (total)
    total.median_hours = median(
      total.answered,
      histogram((dim) => dim === 'channel'),
      sql`inquiry_funnel INDEXED BY inquiry_funnel_hours WHERE ${period}`,
    );
  const byChannel = groups((c) => c.channel);
  for (const g of byChannel)
    g.median_hours = median(
      g.answered,
      histogram((dim, key) => dim === 'channel' && key === g.key),
      sql`inquiry_funnel INDEXED BY inquiry_funnel_channel WHERE channel = ${g.key} AND ${period}`,
    );
  const byCountry = groups((c) => countryKey(c.country));
  for (const g of byCountry) {
    const where =
      g.key === UNKNOWN_KEY
        ? sql`inquiry_funnel INDEXED BY inquiry_funnel_country WHERE country = '' AND ${period}`
        : g.key === OTHER_KEY
          ? sql`inquiry_funnel INDEXED BY inquiry_funnel_hours
                 WHERE country <> '' AND country NOT IN (SELECT value FROM json_each(${JSON.stringify(topCountries)}))
                   AND ${period}`
          : sql`inquiry_funnel INDEXED BY inquiry_funnel_country WHERE country = ${g.key} AND ${period}`;
    g.median_hours = median(
      g.answered,
      histogram((dim, key) => dim === 'country' && countryKey(key) === g.key),
      where,
    );
  }
  return { total, byChannel, byCountry };
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

/**
 * Per grade, the events (onset in the period) of the patients treated in the period; grade 0 = unlinked events. Events
 * are few: each asks whether its patient was treated in the period (their span, or when a span crosses an end of the
 * period, their completed procedures in it), instead of listing every treated patient first.
 */
export const adverseEventsByGrade = (
  db: ReadableDB,
  r: NumbersRange,
): { grade: number; events: number; patients: number; unlinked: number }[] =>
  all(
    db,
    sql`SELECT e.grade, count(*) AS events, count(DISTINCT e.patient_id) AS patients,
               sum(e.procedure_id IS NULL) AS unlinked
          FROM adverse_events e
         WHERE e.onset_on BETWEEN ${r.fromDay} AND ${r.toDay} AND ${
           straddled(db, r)
             ? sql`EXISTS (SELECT 1 FROM procedures p INDEXED BY procedures_patient
                            WHERE p.patient_id = e.patient_id AND p.starts_at >= ${r.fromAt}
                              AND p.starts_at < ${r.toAt} AND p.status = 'completed')`
             : sql`EXISTS (SELECT 1 FROM treated_spans t WHERE t.patient_id = e.patient_id
                            AND t.first_at >= ${r.fromAt} AND t.last_at < ${r.toAt})`
         }
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
