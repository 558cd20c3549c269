// Query-plan checks for tests: the plan of one statement, the statements a call runs, the planner's statistics at the
// clinic's 10-year size, and the plan steps that read a big table the slow way (a full scan or a sort of every row).
import type { Database, Statement } from 'better-sqlite3';

/** EXPLAIN QUERY PLAN of one statement, one detail line per step (e.g. "SEARCH p USING INDEX patients_name (…)"). */
export function planOf(db: Database, sql: string, params: readonly unknown[] = []): string[] {
  const rows = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[];
  return rows.map((r) => r.detail);
}

export interface Ran {
  sql: string;
  params: unknown[];
}

/**
 * The statements `fn` ran on `db` (reads and writes, with their parameters). Wraps the driver's statement methods for
 * the duration, so statements the app prepared and cached before are seen too.
 */
export async function statementsOf(db: Database, fn: () => unknown): Promise<Ran[]> {
  const ran: Ran[] = [];
  const proto = Object.getPrototypeOf(db.prepare('SELECT 1')) as Record<string, unknown>;
  const names = ['all', 'get', 'run', 'iterate'] as const;
  const saved = names.map((n) => proto[n]);
  names.forEach((n, i) => {
    const original = saved[i] as (this: Statement, ...args: unknown[]) => unknown;
    proto[n] = function (this: Statement, ...args: unknown[]) {
      if (this.database === db) ran.push({ sql: this.source, params: args });
      return original.apply(this, args);
    };
  });
  try {
    await fn();
  } finally {
    names.forEach((n, i) => (proto[n] = saved[i]));
  }
  return ran;
}

/**
 * Makes the planner see `rows` rows in each table, with the value spread the present rows have (ANALYZE, then the row
 * counts in sqlite_stat1 raised): plans are then the ones a clinic of that size gets after `PRAGMA optimize`.
 */
export function atScale(db: Database, rows: Readonly<Record<string, number>>): void {
  db.exec('ANALYZE');
  const stats = db.prepare('SELECT tbl, idx, stat FROM sqlite_stat1').all() as {
    tbl: string;
    idx: string | null;
    stat: string;
  }[];
  const update = db.prepare('UPDATE sqlite_stat1 SET stat = ? WHERE tbl = ? AND idx IS ?');
  for (const s of stats) {
    const target = rows[s.tbl];
    if (target === undefined) continue;
    const [n, ...rest] = s.stat.split(' ');
    const have = Math.max(1, Number(n));
    // A partial index holds a share of the table: keep the share.
    const scaled = Math.max(1, Math.round((target * have) / tableRows(db, s.tbl)));
    update.run([String(scaled), ...rest].join(' '), s.tbl, s.idx);
  }
  db.exec('ANALYZE sqlite_schema');
}

const tableRows = (db: Database, table: string): number =>
  Math.max(1, (db.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n);

/** Small tables a plan may read whole: a handful of rows at any clinic size. */
export const SMALL_TABLES = ['accounts', 'rooms', 'procedure_types', 'settings', 'counters'] as const;

/**
 * The steps that read a table the slow way: a SCAN of anything but `scannable` (small tables, CTEs, aliases of them;
 * a covering or partial index walk is named as such and passes) or a temp B-tree sort, which reads every matching row
 * before the first is returned. Plans name tables by their alias in the query, so list the aliases too.
 */
export function slowSteps(
  plan: readonly string[],
  options: { scannable?: readonly string[]; sorts?: 'forbidden' | 'allowed' } = {},
): string[] {
  const scannable = new Set([...SMALL_TABLES, ...(options.scannable ?? [])]);
  return plan.filter((d) => {
    const scan = /^SCAN (\S+)/.exec(d);
    if (scan) {
      // A subquery's own steps are checked on their own lines; reading its result back is not a table scan.
      if (/^\(subquery-\d+\)$/.test(scan[1] ?? '')) return false;
      return !scannable.has(scan[1] ?? '') && !/ USING (COVERING )?INDEX |VIRTUAL TABLE|^SCAN CONSTANT ROW$/.test(d);
    }
    return options.sorts !== 'allowed' && /USE TEMP B-TREE/.test(d);
  });
}
