// Bulk loading for benchmark-size seeds: the same row generators as the command seed, with the tables' search triggers
// and secondary indexes set aside while the rows go in, then the indexes and the search index built once at the end.
import type { Database } from 'better-sqlite3';
import { REBUILD_OUTCOME_TREATED } from '../sqlite/migrations/0180-outcomes-facts';
import { REBUILD_OUTCOME_VALUES } from '../sqlite/migrations/0210-outcome-values';

/** The search index (FTS5) each table feeds through its triggers, rebuilt from the same view the triggers read. */
const SEARCH_INDEXES: Readonly<Record<string, { fts: string; view: string; columns: string }>> = {
  inquiries: { fts: 'inquiries_fts', view: 'inquiry_search_docs', columns: 'names, contacts, grams' },
  patients: { fts: 'patients_fts', view: 'patient_search_docs', columns: 'names, contacts, identifiers, grams' },
};

/**
 * Tables kept by triggers on a loaded table (by trigger name): the triggers are set aside with the indexes (each would
 * look up the row's patient in an index that is not there yet) and the table is rebuilt once after the load. The
 * triggers on patients and courses stay: they only copy a field by primary key.
 */
const DERIVED: Readonly<Record<string, { triggers: string; rebuild: string }>> = {
  procedures: { triggers: 'outcome\\_treated\\_%', rebuild: REBUILD_OUTCOME_TREATED },
  assessments: { triggers: 'outcome\\_values\\_%', rebuild: REBUILD_OUTCOME_VALUES },
  assessment_versions: { triggers: 'outcome\\_values\\_%', rebuild: REBUILD_OUTCOME_VALUES },
};

/** What was set aside: the statements that re-create it, and the tables whose search index must be filled. */
export interface SetAside {
  indexes: string[];
  triggers: string[];
  searchTables: string[];
  derivedTables: string[];
}

const placeholders = (n: number) => Array.from({ length: n }, () => '?').join(', ');

/**
 * True when every table is empty: only then is the load bulk. Dropping indexes on a clinic that holds records would
 * leave it without them if the seed failed half-way; an empty file that fails is thrown away.
 */
export function allEmpty(db: Database, tables: readonly string[]): boolean {
  return tables.every((t) => db.prepare(`SELECT 1 FROM ${t} LIMIT 1`).get() === undefined);
}

/** Drops the secondary indexes (those written as CREATE INDEX; constraint indexes stay), the search triggers and the
 * triggers that keep derived tables. */
export function setAside(db: Database, tables: readonly string[]): SetAside {
  const derived = tables.flatMap((t) => {
    const d = DERIVED[t];
    return d ? [`(tbl_name = '${t}' AND name LIKE '${d.triggers}' ESCAPE '\\')`] : [];
  });
  const rows = db
    .prepare(
      `SELECT type, name, sql FROM sqlite_master
        WHERE tbl_name IN (${placeholders(tables.length)}) AND sql IS NOT NULL
          AND (type = 'index' OR (type = 'trigger' AND name LIKE '%\\_fts\\_%' ESCAPE '\\')
               ${derived.map((d) => `OR (type = 'trigger' AND ${d})`).join(' ')})
        ORDER BY type, name`,
    )
    .all(...tables) as { type: 'index' | 'trigger'; name: string; sql: string }[];
  for (const r of rows) db.exec(`DROP ${r.type === 'index' ? 'INDEX' : 'TRIGGER'} ${r.name}`);
  return {
    indexes: rows.filter((r) => r.type === 'index').map((r) => r.sql),
    triggers: rows.filter((r) => r.type === 'trigger').map((r) => r.sql),
    searchTables: tables.filter((t) => t in SEARCH_INDEXES),
    derivedTables: tables.filter((t) => t in DERIVED),
  };
}

/** Builds each index once over all rows, rebuilds the derived tables, fills the search index from its view in one
 * statement, re-arms triggers. */
export function putBack(db: Database, aside: SetAside): void {
  for (const index of aside.indexes) db.exec(index);
  for (const table of aside.searchTables) {
    const s = SEARCH_INDEXES[table];
    if (s) db.exec(`INSERT INTO ${s.fts} (rowid, ${s.columns}) SELECT id, ${s.columns} FROM ${s.view} ORDER BY id`);
  }
  // Two loaded tables can feed one derived table (assessments and their versions): it is rebuilt once.
  for (const rebuild of new Set(aside.derivedTables.map((t) => DERIVED[t]?.rebuild ?? ''))) db.exec(rebuild);
  for (const trigger of aside.triggers) db.exec(trigger);
}

/**
 * Runs `load` with the tables' indexes and search triggers set aside when the tables are empty (a fresh file), else
 * as is. On a fresh file only, the load also skips the disk flushes (synchronous=OFF): if the machine stopped half-way
 * the file would be thrown away and seeded again anyway. Everything is put back before returning, and synchronous is
 * restored to what it was (FULL for the app), so the finished file is as durable as any other.
 */
export function bulkLoad<T>(db: Database, tables: readonly string[], load: () => T): T {
  if (tables.length === 0 || !allEmpty(db, tables)) return load();
  const synchronous = db.pragma('synchronous', { simple: true }) as number;
  db.pragma('synchronous = OFF');
  let aside: SetAside | null = null;
  try {
    aside = db.transaction(() => setAside(db, tables)).immediate();
    return load();
  } finally {
    // Also after a failed load: whatever rows it committed get their indexes, so the file is never left without them.
    const done = aside;
    if (done) db.transaction(() => putBack(db, done)).immediate();
    db.pragma(`synchronous = ${synchronous}`);
  }
}
