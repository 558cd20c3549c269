// Bulk loading for benchmark-size seeds: the same row generators as the command seed, with the loaded tables' triggers
// and secondary indexes set aside while the rows go in, then the indexes, search indexes and derived tables built once.
import type { Database } from 'better-sqlite3';
import { REBUILD_OUTCOME_TREATED } from '../sqlite/migrations/0180-outcomes-facts';
import { REBUILD_OUTCOME_VALUES } from '../sqlite/migrations/0210-outcome-values';
import { REBUILD_FOLLOW_UP_POINTS, REBUILD_STATUS_CHANGED_AT } from '../sqlite/migrations/0240-follow-up-points';
import { REBUILD_DUPLICATE_CANDIDATES } from '../sqlite/migrations/0250-list-indexes';

/** A search index (FTS5) and the view its triggers read: rebuilt in one statement from that view. */
const SEARCH_INDEXES: Readonly<Record<string, { view: string; columns: string }>> = {
  inquiries_fts: { view: 'inquiry_search_docs', columns: 'names, contacts, grams' },
  patients_fts: { view: 'patient_search_docs', columns: 'names, contacts, identifiers, grams' },
};

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
  follow_up_points: REBUILD_FOLLOW_UP_POINTS,
  // When each inquiry last changed status (0240): set once after the load, not by a trigger per status change.
  inquiries: REBUILD_STATUS_CHANGED_AT,
  // The duplicate finder's candidate pairs (0250): once after the patients are in, through their key indexes.
  patient_duplicate_candidates: REBUILD_DUPLICATE_CANDIDATES,
};

/** What was set aside: the statements that re-create it, and the tables to fill again afterwards. */
export interface SetAside {
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
    /\b(?:INSERT(?:\s+OR\s+\w+)?\s+INTO|REPLACE\s+INTO|UPDATE(?:\s+OR\s+\w+)?|DELETE\s+FROM)\s+"?(\w+)/gi,
  );
  return [...new Set([...writes].map((m) => m[1] ?? ''))].filter((t) => t !== '');
}

/**
 * Drops every secondary index (CREATE INDEX; constraint indexes stay) and every trigger on the tables, after checking
 * that each table those triggers keep can be rebuilt (a search index or a DERIVED_REBUILDS entry).
 */
export function setAside(db: Database, tables: readonly string[]): SetAside {
  const rows = db
    .prepare(
      `SELECT type, name, sql FROM sqlite_master
        WHERE tbl_name IN (${placeholders(tables.length)}) AND sql IS NOT NULL AND type IN ('index', 'trigger')
        ORDER BY type, name`,
    )
    .all(...tables) as { type: 'index' | 'trigger'; name: string; sql: string }[];
  const triggers = rows.filter((r) => r.type === 'trigger');
  const targets = new Set(triggers.flatMap((t) => triggerTargets(t.sql)));
  const known = [...Object.keys(SEARCH_INDEXES), ...Object.keys(DERIVED_REBUILDS)];
  const unknown = [...targets].filter((t) => !known.includes(t));
  if (unknown.length > 0) {
    throw new Error(
      `bulk load: triggers on ${tables.join(', ')} keep ${unknown.join(', ')}, which db/seed/bulk.ts cannot rebuild ` +
        '(add the table and its rebuild to DERIVED_REBUILDS)',
    );
  }
  for (const r of rows) db.exec(`DROP ${r.type === 'index' ? 'INDEX' : 'TRIGGER'} ${r.name}`);
  return {
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
 * How long each step of the last bulk loads took (load, indexes, rebuilds), for the bench's seed report: wall time, and
 * the process's CPU time (all threads: SQLite's sort helper too), which a machine shared with others inflates far less.
 */
export const bulkSteps: { step: string; seconds: number; cpuSeconds: number }[] = [];
function step<T>(name: string, run: () => T): T {
  const start = performance.now();
  const cpu = process.cpuUsage();
  try {
    return run();
  } finally {
    const used = process.cpuUsage(cpu);
    bulkSteps.push({
      step: name,
      seconds: (performance.now() - start) / 1000,
      cpuSeconds: (used.user + used.system) / 1e6,
    });
  }
}

/** Builds each index once over all rows, rebuilds the search indexes and derived tables, re-arms the triggers. */
export function putBack(db: Database, aside: SetAside): void {
  step(`${aside.indexes.length} indexes`, () => {
    for (const index of aside.indexes) db.exec(index);
  });
  for (const table of aside.rebuilds) step(`rebuild ${table}`, () => db.exec(rebuildOf(table)));
  for (const trigger of aside.triggers) db.exec(trigger);
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

/**
 * Runs `load` with the tables' indexes and triggers set aside when the tables are empty (a fresh file), else as is.
 * On a fresh file only, the load skips the disk flushes (synchronous=OFF) and writes the file directly with its
 * rollback journal in memory instead of through the write-ahead log (each page written once, not to the log and then
 * again by a checkpoint, and no page read searches a log of hundreds of megabytes): if the machine stopped half-way the
 * file would be thrown away and seeded again anyway. Everything is put back before returning: the indexes and
 * triggers, WAL, and synchronous as it was (FULL for the app), so the finished file is as durable as any other.
 */
export function bulkLoad<T>(db: Database, tables: readonly string[], load: () => T): T {
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
    aside = db.transaction(() => setAside(db, tables)).immediate();
    const result = step(`load ${tables.join(', ')}`, load);
    step('foreign_key_check', () => checkReferences(db, tables));
    return result;
  } finally {
    // Also after a failed load: whatever rows it committed get their indexes, so the file is never left without them.
    const done = aside;
    if (done) db.transaction(() => putBack(db, done)).immediate();
    if (foreignKeys) db.pragma('foreign_keys = ON');
    // Back to WAL (every open of the file also insists on it: open.ts refuses a file that will not switch).
    if (leftWal) db.pragma('journal_mode = WAL');
    db.pragma(`threads = ${threads}`);
    db.pragma(`temp_store = ${tempStore}`);
    db.pragma(`synchronous = ${synchronous}`);
  }
}
