// Heavy report answers kept until the records change: the outcomes report and the clinic's numbers (each 100–200 ms at
// the 10-year size) asked again with nothing written since answer from memory. "Nothing written" is SQLite's own
// account, so no write path can forget to clear it: total_changes() counts every row this connection has inserted,
// updated or deleted (triggers included), and data_version changes with every commit by any other connection to the
// file (the workers, another process). Each answer is kept with the inputs it was computed from (the caller puts the
// clinic's day and offset in the key), a few per file; the answers are shared, so callers never change them.
import type { Database, Statement } from 'better-sqlite3';

/** Answers kept per records file: a handful of report views (instrument × time point, a period) at once. */
export const KEPT_ANSWERS = 16;

interface Kept {
  stamp: string;
  answers: Map<string, unknown>;
  changes: Statement;
}
const keptByFile = new WeakMap<Database, Kept>();

/** Where the records stand: rows changed through this connection, and commits made by any other. */
function writeStamp(kept: Pick<Kept, 'changes'>, db: Database): string {
  const changes = (kept.changes.get() as { n: number }).n;
  const version = db.pragma('data_version', { simple: true }) as number;
  return `${changes}:${version}`;
}

/**
 * `compute()`'s answer for `key`, from memory when nothing was written since it was computed. Inside a transaction it
 * is always computed (a rollback would leave a kept answer showing rows that never were).
 */
export function keptAnswer<T>(db: Database, key: readonly unknown[], compute: () => T): T {
  if (db.inTransaction || !db.open) return compute();
  let kept = keptByFile.get(db);
  if (!kept) {
    const changes = db.prepare('SELECT total_changes() AS n');
    kept = { stamp: '', answers: new Map(), changes };
    keptByFile.set(db, kept);
  }
  const stamp = writeStamp(kept, db);
  if (stamp !== kept.stamp) {
    kept.answers.clear();
    kept.stamp = stamp;
  }
  const k = JSON.stringify(key);
  if (kept.answers.has(k)) return kept.answers.get(k) as T;
  const answer = compute();
  // The reads themselves write nothing; should one ever, the answer is not kept under a stamp it has moved.
  if (writeStamp(kept, db) !== stamp) return answer;
  if (kept.answers.size >= KEPT_ANSWERS) {
    const oldest = kept.answers.keys().next().value;
    if (oldest !== undefined) kept.answers.delete(oldest);
  }
  kept.answers.set(k, answer);
  return answer;
}
