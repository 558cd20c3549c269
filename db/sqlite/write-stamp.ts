// Where the records stand, by SQLite's own account, so that no write path can forget to say it wrote: total_changes()
// counts every row this connection has inserted, updated or deleted (triggers included), and data_version changes with
// every commit by any other connection to the file (the workers, another process). What is kept in memory from a read
// (db/services/kept-answers.ts, db/repos/search.ts) is valid while the stamp it was read under still holds.
import type { Database, Statement } from 'better-sqlite3';

const changesOf = new WeakMap<Database, Statement>();

/** The stamp now. Inside a transaction it may still move back (a rollback): callers keep nothing read there. */
export function writeStamp(db: Database): string {
  let changes = changesOf.get(db);
  if (!changes) {
    changes = db.prepare('SELECT total_changes() AS n');
    changesOf.set(db, changes);
  }
  const n = (changes.get() as { n: number }).n;
  const version = db.pragma('data_version', { simple: true }) as number;
  return `${n}:${version}`;
}
