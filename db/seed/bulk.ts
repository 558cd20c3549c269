// Bulk loading for benchmark-size seeds: the same row generators as the command seed, with the loaded tables' triggers
// and secondary indexes set aside while the rows go in, then the indexes, search indexes and derived tables built once.
import type { Database } from 'better-sqlite3';
import { REBUILD_OUTCOME_TREATED } from '../sqlite/migrations/0180-outcomes-facts';
import { REBUILD_OUTCOME_VALUES } from '../sqlite/migrations/0210-outcome-values';
import { POINTS_AT_240, REBUILD_STATUS_CHANGED_AT } from '../sqlite/migrations/0240-follow-up-points';
import { REBUILD_DUPLICATE_CANDIDATES } from '../sqlite/migrations/0250-list-indexes';
import {
  REBUILD_INQUIRY_FUNNEL,
  REBUILD_INQUIRY_FUNNEL_HOURS,
  REBUILD_INQUIRY_FUNNEL_MONTHS,
  REBUILD_PROCEDURE_MONTH_TALLIES,
} from '../sqlite/migrations/0310-inquiry-funnel';
import {
  REBUILD_FOLLOW_UP_POINT_DAYS,
  REBUILD_PROCEDURE_TALLIES,
  REBUILD_TREATED_SPANS,
} from '../sqlite/migrations/0270-clinic-numbers';
import { phase } from './timeline';

/** A search index (FTS5) and the view its triggers read: rebuilt in one statement from that view. */
const SEARCH_INDEXES: Readonly<Record<string, { view: string; columns: string }>> = {
  inquiries_fts: { view: 'inquiry_search_docs', columns: 'names, contacts, grams' },
  patients_fts: { view: 'patient_search_docs', columns: 'names, contacts, identifiers, grams' },
};

/**
 * The follow-up points of every discharged course: the rows of 0240's REBUILD_FOLLOW_UP_POINTS (the test in
 * tests/core/follow-up-points.test.ts compares the two on a ward with attempts), with each window worked out once per
 * discharge day (a few thousand days) instead of once per course (half a million at the 10-year size), and written in
 * the primary key's order: the courses read by id (NOT INDEXED: through the status index they would come in another
 * order, and two million rows would be sorted again) and each day's points by time point, so no sort is needed.
 */
const REBUILD_FOLLOW_UP_POINTS_BULK = `
  DELETE FROM follow_up_points;
  CREATE TEMP TABLE bulk_point_days AS
  SELECT x.day, x.time_point, x.target, date(x.target, '-' || x.bef || ' days') AS from_day,
         date(x.target, '+' || x.aft || ' days') AS to_day
    FROM (SELECT d.day, p.column1 AS time_point, p.column3 AS bef, p.column4 AS aft,
                 min(date(d.day, '+' || p.column2 || ' months'),
                     date(d.day, 'start of month', '+' || (p.column2 + 1) || ' months', '-1 day')) AS target
            FROM (SELECT DISTINCT discharged_on AS day FROM courses
                   WHERE status = 'discharged' AND discharged_on IS NOT NULL) d
           CROSS JOIN (VALUES ${POINTS_AT_240.map(([tp, m, b, a]) => `('${tp}', ${m}, ${b}, ${a})`).join(', ')}) p) x;
  CREATE INDEX temp.bulk_point_days_day ON bulk_point_days (day, time_point);
  INSERT INTO follow_up_points (course_id, time_point, target, from_day, to_day, done, last_contact_id, lost,
                                next_try_on)
  SELECT c.id, d.time_point, d.target, d.from_day, d.to_day,
         EXISTS (SELECT 1 FROM assessments a WHERE a.course_id = c.id AND a.time_point = d.time_point),
         lc.id, ifnull(lc.outcome = 'lost_to_follow_up', 0), lc.next_try_on
    FROM courses c NOT INDEXED JOIN bulk_point_days d ON d.day = c.discharged_on
    LEFT JOIN follow_up_contacts lc ON lc.id = (
      SELECT f.id FROM follow_up_contacts f
       WHERE f.course_id = c.id AND f.time_point = d.time_point AND ifnull(f.procedure_id, 0) = 0
       ORDER BY f.at DESC, f.id DESC LIMIT 1)
   WHERE c.status = 'discharged'
   ORDER BY c.id, d.time_point;
  DROP TABLE temp.bulk_point_days;`;

/**
 * Tables kept by triggers, with the statements that rebuild each from scratch. While a table is loaded in bulk, every
 * trigger on it is set aside; each table those triggers write to must be listed here (or be a search index above), and
 * is rebuilt once after the load. A migration that adds a trigger-maintained table exports its rebuild (as 0180 does
 * with REBUILD_OUTCOME_TREATED) and adds one line here; an unlisted one makes the bulk load refuse to start.
 */
export const DERIVED_REBUILDS: Readonly<Record<string, string>> = {
  outcome_treated: REBUILD_OUTCOME_TREATED,
  // Signed totals per course, instrument and time point (0210), from the assessments and their versions.
  outcome_values: REBUILD_OUTCOME_VALUES,
  // The follow-up points (0240): one rebuild after the courses, assessments and attempts are in.
  follow_up_points: REBUILD_FOLLOW_UP_POINTS_BULK,
  // When each inquiry last changed status (0240): set once after the load, not by a trigger per status change.
  inquiries: REBUILD_STATUS_CHANGED_AT,
  // The duplicate finder's candidate pairs (0250): once after the patients are in, through their key indexes.
  patient_duplicate_candidates: REBUILD_DUPLICATE_CANDIDATES,
  // The clinic's numbers (0270): procedure counts per quarter hour and each patient's treated span, from procedures;
  // month points per target day, from follow_up_points (so listed after it: its triggers are set aside while it is
  // rebuilt, and this table is rebuilt once from its rows).
  procedure_tallies: REBUILD_PROCEDURE_TALLIES,
  treated_spans: REBUILD_TREATED_SPANS,
  follow_up_point_days: REBUILD_FOLLOW_UP_POINT_DAYS,
  // Procedures per month (0310), from procedure_tallies' quarters of the 2nd to the 27th (so listed after it).
  procedure_month_tallies: REBUILD_PROCEDURE_MONTH_TALLIES,
  // The inquiry funnel (0310): a row per inquiry from the inquiries, their status history and the treated spans (so
  // listed after those: the span triggers that mark inquiries treated are set aside while the spans are rebuilt).
  inquiry_funnel: REBUILD_INQUIRY_FUNNEL,
  inquiry_funnel_months: REBUILD_INQUIRY_FUNNEL_MONTHS,
  inquiry_response_hours: REBUILD_INQUIRY_FUNNEL_HOURS,
};

/**
 * Cheaper refills of a derived table kept up to date before the load, for a load of only the tables in `after`: those
 * tables were empty before it (bulkLoad's condition), so the table needs only what their rows add, not a rebuild.
 * The assessments loaded after the ward only mark points done (0240's assessment triggers: with no assessment before
 * the load, every point was open); an update of half a million rows in place instead of two million written again.
 */
const DERIVED_REFRESHES: Readonly<Record<string, { after: readonly string[]; sql: string }>> = {
  follow_up_points: {
    after: ['assessments', 'assessment_versions'],
    sql: `UPDATE follow_up_points AS p SET done = 1
            FROM (SELECT DISTINCT course_id, time_point FROM assessments WHERE course_id IS NOT NULL) a
           WHERE p.course_id = a.course_id AND p.time_point = a.time_point AND p.done = 0;`,
  },
};

/** The refresh of `table` when a load of `loaded` alone can use it (DERIVED_REFRESHES), else undefined. */
export function refreshOf(table: string, loaded: readonly string[]): string | undefined {
  const refresh = DERIVED_REFRESHES[table];
  return refresh && loaded.every((t) => refresh.after.includes(t)) ? refresh.sql : undefined;
}

/** What was set aside: the statements that re-create it, and the tables to fill again afterwards. */
export interface SetAside {
  /** The tables loaded. */
  tables: readonly string[];
  indexes: string[];
  triggers: string[];
  /** Search indexes and derived tables the set-aside triggers wrote to, in the order they are rebuilt. */
  rebuilds: string[];
}

const placeholders = (n: number) => Array.from({ length: n }, () => '?').join(', ');

/**
 * True when every table is empty: only then is the load bulk. Dropping indexes on a clinic that holds records would
 * leave it without them if the seed failed half-way; an empty file that fails is thrown away.
 */
export function allEmpty(db: Database, tables: readonly string[]): boolean {
  return tables.every((t) => db.prepare(`SELECT 1 FROM ${t} LIMIT 1`).get() === undefined);
}

/** The tables a trigger's body writes to (its header's `UPDATE OF … ON t` is no write, hence after BEGIN only). */
export function triggerTargets(sql: string): string[] {
  const body = sql.slice(sql.search(/\bBEGIN\b/i));
  const writes = body.matchAll(
    // An upsert's `ON CONFLICT DO UPDATE SET` writes to the INSERT's table, already counted.
    /\b(?:INSERT(?:\s+OR\s+\w+)?\s+INTO|REPLACE\s+INTO|(?<!\bDO\s+)UPDATE(?:\s+OR\s+\w+)?|DELETE\s+FROM)\s+"?(\w+)/gi,
  );
  return [...new Set([...writes].map((m) => m[1] ?? ''))].filter((t) => t !== '');
}

/**
 * Drops every secondary index (CREATE INDEX; constraint indexes stay) and every trigger on the tables, after checking
 * that each table those triggers keep can be rebuilt (a search index or a DERIVED_REBUILDS entry).
 */
export function setAside(db: Database, tables: readonly string[], keepIndexes = false): SetAside {
  const rows = db
    .prepare(
      `SELECT type, name, sql FROM sqlite_master
        WHERE tbl_name IN (${placeholders(tables.length)}) AND sql IS NOT NULL AND type IN ('index', 'trigger')
        ORDER BY type, name`,
    )
    .all(...tables)
    .filter((r) => !keepIndexes || (r as { type: string }).type === 'trigger') as {
    type: 'index' | 'trigger';
    name: string;
    sql: string;
  }[];
  const known = [...Object.keys(SEARCH_INDEXES), ...Object.keys(DERIVED_REBUILDS)];
  const triggers = rows.filter((r) => r.type === 'trigger');
  const targets = new Set(triggers.flatMap((t) => triggerTargets(t.sql)));
  // A derived table rebuilt whole may keep another by its own triggers (follow_up_points → follow_up_point_days):
  // those are set aside too while it is rebuilt, and the table they keep is rebuilt once after it, not row by row.
  const onTable = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?");
  for (let i = 0; i < known.length; i++) {
    const table = known[i] ?? '';
    const whole = DERIVED_REBUILDS[table]?.trimStart().startsWith(`DELETE FROM ${table};`) === true;
    if (!whole || !targets.has(table) || tables.includes(table)) continue;
    for (const t of onTable.all(table) as { name: string; sql: string }[]) {
      // Only a trigger that keeps tables rebuilt whole AFTER this one (a trigger that completes this table's own rows,
      // as 0210's bands on outcome_treated do, is part of its rebuild and stays).
      const keeps = triggerTargets(t.sql);
      const later = (x: string) =>
        known.indexOf(x) > i && DERIVED_REBUILDS[x]?.trimStart().startsWith(`DELETE FROM ${x};`) === true;
      if (triggers.some((r) => r.name === t.name) || !keeps.every(later)) continue;
      triggers.push({ type: 'trigger', ...t });
      for (const target of keeps) targets.add(target);
    }
  }
  const unknown = [...targets].filter((t) => !known.includes(t));
  if (unknown.length > 0) {
    throw new Error(
      `bulk load: triggers on ${tables.join(', ')} keep ${unknown.join(', ')}, which db/seed/bulk.ts cannot rebuild ` +
        '(add the table and its rebuild to DERIVED_REBUILDS)',
    );
  }
  for (const r of [...rows.filter((x) => x.type === 'index'), ...triggers]) {
    db.exec(`DROP ${r.type === 'index' ? 'INDEX' : 'TRIGGER'} ${r.name}`);
  }
  return {
    tables,
    indexes: rows.filter((r) => r.type === 'index').map((r) => r.sql),
    triggers: triggers.map((r) => r.sql),
    rebuilds: known.filter((t) => targets.has(t)),
  };
}

/** The statements that fill a search index or derived table from scratch. */
function rebuildOf(table: string): string {
  const search = SEARCH_INDEXES[table];
  if (search) {
    return `DELETE FROM ${table};
      INSERT INTO ${table} (rowid, ${search.columns}) SELECT id, ${search.columns} FROM ${search.view} ORDER BY id;`;
  }
  const derived = DERIVED_REBUILDS[table];
  if (derived === undefined) throw new Error(`bulk load: no rebuild for ${table}`);
  return derived;
}

/**
 * Fills a search index or derived table again. A derived table that was not itself loaded has its own secondary
 * indexes set aside while it is refilled, and built once over its rows afterwards (a sort, instead of an insert at a
 * random place of each index per row: the follow-up points' three indexes over two million rows at the 10-year size).
 */
function rebuild(db: Database, table: string, loaded: readonly string[]): void {
  const refresh = refreshOf(table, loaded);
  if (refresh !== undefined) {
    db.exec(refresh);
    return;
  }
  const own =
    table in DERIVED_REBUILDS && !loaded.includes(table)
      ? (db
          .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL")
          .all(table) as { name: string; sql: string }[])
      : [];
  for (const index of own) db.exec(`DROP INDEX ${index.name}`);
  db.exec(rebuildOf(table));
  for (const index of own) db.exec(index.sql);
}

/**
 * How long each step of the last bulk loads took (load, indexes, rebuilds), for the bench's seed report: wall time, and
 * the process's CPU time (all threads: SQLite's sort helper too), which a machine shared with others inflates far less.
 */
export const bulkSteps: { step: string; seconds: number; cpuSeconds: number }[] = [];
function step<T>(name: string, run: () => T): T {
  const start = performance.now();
  const cpu = process.cpuUsage();
  try {
    return phase('main', name, run);
  } finally {
    const used = process.cpuUsage(cpu);
    bulkSteps.push({
      step: name,
      seconds: (performance.now() - start) / 1000,
      cpuSeconds: (used.user + used.system) / 1e6,
    });
  }
}

/**
 * Builds each index once over all rows, rebuilds the search indexes and derived tables, re-arms the triggers. The
 * tables in `later` are not rebuilt: the caller's next bulk load rebuilds them whole (parallel.ts: the inquiry funnel,
 * kept from the inquiries and from the ward's treated spans, after the ward rather than after the clinic and again).
 * Nor are those in `arrived`: derived tables whose rows the load itself brought (BulkLoadOptions.arriving).
 */
export function putBack(
  db: Database,
  aside: SetAside,
  later: readonly string[] = [],
  arrived: readonly string[] = [],
): void {
  step(`${aside.indexes.length} indexes`, () => {
    for (const index of aside.indexes) db.exec(index);
  });
  for (const table of aside.rebuilds) {
    if (later.includes(table) || arrived.includes(table)) continue;
    const verb = refreshOf(table, aside.tables) === undefined ? 'rebuild' : 'refresh';
    step(`${verb} ${table}`, () => rebuild(db, table, aside.tables));
  }
  for (const trigger of aside.triggers) db.exec(trigger);
}

/** putBack in one transaction, its commit timed: the index pages and rebuilt tables go to the file then. */
function putBackAndCommit(db: Database, aside: SetAside, o: BulkLoadOptions): void {
  db.exec('BEGIN IMMEDIATE');
  try {
    putBack(db, aside, o.rebuildLater, o.arriving);
  } catch (err) {
    db.exec('ROLLBACK');
    throw err;
  }
  step('commit', () => db.exec('COMMIT'));
}

/** Every reference from the loaded rows points at a row (checked with the indexes put back: a parent lookup each). */
function checkReferences(db: Database, tables: readonly string[]): void {
  for (const table of tables) {
    const broken = db.prepare(`PRAGMA foreign_key_check(${table})`).all() as { parent: string; rowid: number }[];
    const first = broken[0];
    if (first) {
      throw new Error(`bulk load: ${broken.length} rows of ${table} refer to missing ${first.parent} rows`);
    }
  }
}

/** One write of the header's user version (the same value): its commit syncs the file in a rollback journal mode. */
function flushFile(db: Database): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  db.pragma(`user_version = ${version}`);
}

/**
 * Runs `load` with the tables' indexes and triggers set aside when the tables are empty (a fresh file), else as is.
 * On a fresh file only, the load skips the disk flushes (synchronous=OFF) and writes the file directly with its
 * rollback journal in memory instead of through the write-ahead log (each page written once, not to the log and then
 * again by a checkpoint, and no page read searches a log of hundreds of megabytes): if the machine stopped half-way the
 * file would be thrown away and seeded again anyway. Everything is put back before returning: the indexes and
 * triggers, WAL, and synchronous as it was (FULL for the app), and the file flushed to disk, so the finished file is as
 * durable as any other.
 */
export interface BulkLoadOptions {
  /** Runs once the rows are in, before the indexes are built (only on a bulk load). */
  afterLoad?: () => void;
  /** Derived tables left for the caller's next bulk load to rebuild whole (putBack's `later`). */
  rebuildLater?: readonly string[];
  /**
   * Keep the tables' indexes: only their triggers are set aside. For a load that copies whole tables from a file that
   * has the same indexes built (parallel.ts): INSERT INTO t SELECT * FROM other.t into an empty table with no
   * triggers copies each index's records in order too (SQLite's transfer optimization), instead of a sort here.
   */
  keepIndexes?: boolean;
  /**
   * Derived tables (DERIVED_REBUILDS) whose rows arrive with the load, built elsewhere from the same rows with the same
   * statements (parallel.ts: the worker builds the tallies, spans and follow-up points beside the rows it generated).
   * Each must be among `tables`: it is loaded like them (empty before, its triggers set aside while the rows go in and
   * re-armed after) and is not rebuilt after the load. Not implied by `tables`: a loaded table can also be a derived
   * one that still needs its rebuild (the clinic's inquiries, whose status_changed_at is set after the load).
   */
  arriving?: readonly string[];
  /**
   * false: leave the file's flush to the caller's next bulk load, whose flush syncs the whole file, these pages too
   * (parallel.ts: the clinic's and the ward's loads, before the assessments' load that ends the seed).
   */
  flush?: boolean;
}

export function bulkLoad<T>(db: Database, tables: readonly string[], load: () => T, o: BulkLoadOptions = {}): T {
  const strays = (o.arriving ?? []).filter((t) => !tables.includes(t) || !(t in DERIVED_REBUILDS));
  if (strays.length > 0) {
    throw new Error(`bulk load: ${strays.join(', ')} can arrive only as derived tables among the loaded ones`);
  }
  if (tables.length === 0 || !allEmpty(db, tables)) return load();
  const synchronous = db.pragma('synchronous', { simple: true }) as number;
  const journal = db.pragma('journal_mode', { simple: true }) as string;
  const tempStore = db.pragma('temp_store', { simple: true }) as number;
  const threads = db.pragma('threads', { simple: true }) as number;
  const foreignKeys = db.pragma('foreign_keys', { simple: true }) as number;
  db.pragma('synchronous = OFF');
  // Each reference is checked once after the load (foreign_key_check below) instead of row by row.
  db.pragma('foreign_keys = OFF');
  // Leaving WAL needs the only connection: the seed's. An in-memory database has no log to leave.
  // Another connection open on the file keeps it in WAL (the pragma then answers 'wal'): the load goes through the log.
  const leftWal = journal === 'wal' && db.pragma('journal_mode = MEMORY', { simple: true }) === 'memory';
  // The index builds sort in memory, with a helper thread (2 cores: one generates or sorts, the other sorts).
  db.pragma('temp_store = MEMORY');
  db.pragma('threads = 2');
  let aside: SetAside | null = null;
  try {
    aside = db.transaction(() => setAside(db, tables, o.keepIndexes)).immediate();
    const result = step(`load ${tables.join(', ')}`, load);
    step('foreign_key_check', () => checkReferences(db, tables));
    // Work that needs the rows but not their indexes (parallel.ts starts the next part's thread here).
    o.afterLoad?.();
    return result;
  } finally {
    // Also after a failed load: whatever rows it committed get their indexes, so the file is never left without them.
    const done = aside;
    if (done) putBackAndCommit(db, done, o);
    if (foreignKeys) db.pragma('foreign_keys = ON');
    db.pragma(`synchronous = ${synchronous}`);
    // The load wrote its pages without a flush: one small commit in the rollback journal's mode, now synchronous
    // again, has SQLite sync the whole file (the load's pages included). Without it they sat in the operating
    // system's cache, lost to a power cut, and their write-back to disk slowed every save timed after a bench seed.
    if (leftWal && synchronous > 0 && o.flush !== false) step('flush to disk', () => flushFile(db));
    // Back to WAL (every open of the file also insists on it: open.ts refuses a file that will not switch). Timed: its
    // commit of the header, synchronous again, syncs the whole file when the load left the flush to a later one.
    if (leftWal) step('back to WAL', () => db.pragma('journal_mode = WAL'));
    db.pragma(`threads = ${threads}`);
    db.pragma(`temp_store = ${tempStore}`);
  }
}
