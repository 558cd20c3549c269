// WAL checkpoints off the save path. SQLite's default copies the WAL back into the records file inside whichever
// commit pushes it past 1,000 pages: that one save then also rewrites ~4 MB and syncs the file (5–20 ms on a
// 10-year clinic, the 99th percentile of every write). Here a save only appends to the WAL (synced: synchronous=FULL
// keeps every acknowledged write), and the copy-back runs a moment later, between calls.
import type { Database } from 'better-sqlite3';
import { noteFailure } from './corruption';

/** After the first write of a burst: long enough to batch a burst, short enough to keep the WAL small. */
export const CHECKPOINT_DELAY_MS = 250;
/** The safety net for a long burst that never yields (a bulk load): SQLite checkpoints inline past 64 MiB. */
export const INLINE_CHECKPOINT_PAGES = 16_384;

const pending = new WeakSet<Database>();

/** Moves SQLite's own checkpoint out of the way of ordinary saves (file databases only). */
export function deferCheckpoints(db: Database): void {
  db.pragma(`wal_autocheckpoint = ${INLINE_CHECKPOINT_PAGES}`);
}

/** Schedules one PASSIVE checkpoint (it never waits for readers) soon after a commit, unless one is already due. */
export function checkpointSoon(db: Database): void {
  if (pending.has(db) || db.memory) return;
  pending.add(db);
  setTimeout(() => {
    pending.delete(db);
    if (!db.open || db.inTransaction || db.readonly) return;
    try {
      db.pragma('wal_checkpoint(PASSIVE)');
    } catch (err) {
      // A damaged file latches as any failed statement would; anything else waits for the next commit's turn.
      noteFailure(db, err);
    }
  }, CHECKPOINT_DELAY_MS).unref();
}
