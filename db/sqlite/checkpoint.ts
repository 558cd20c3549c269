// WAL checkpoints off the save path. SQLite's default copies the WAL back into the records file inside whichever
// commit pushes it past 1,000 pages: that one save then also rewrites ~4 MB and syncs the file (5–20 ms on a
// 10-year clinic, the 99th percentile of every write). Here a save only appends to the WAL (synced: synchronous=FULL
// keeps every acknowledged write), and the copy-back runs between calls, once the WAL is worth it or the app is idle.
import fs from 'node:fs';
import os from 'node:os';
import type { Database } from 'better-sqlite3';
import { noteFailure } from './corruption';

/** After the first write of a burst: long enough to batch a burst, short enough to keep the WAL small. */
export const CHECKPOINT_DELAY_MS = 250;
/** The WAL size (pages not yet copied back) at which the copy-back runs after a burst: SQLite's own default. */
export const CHECKPOINT_PAGES = 1000;
/** A smaller WAL waits until no write came for this long: then the records file alone holds everything. */
export const IDLE_CHECKPOINT_MS = 30_000;
/** The safety net for a long burst that never yields (a bulk load): SQLite checkpoints inline past 64 MiB. */
export const INLINE_CHECKPOINT_PAGES = 16_384;

interface Timers {
  lastWrite: number;
  idleMs: number;
  /** The size check shortly after a burst. */
  check: NodeJS.Timeout | null;
  /** The copy-back of a small WAL once the app has been quiet. */
  idle: NodeJS.Timeout | null;
}
const timers = new WeakMap<Database, Timers>();

/** Moves SQLite's own checkpoint out of the way of ordinary saves (file databases only). */
export function deferCheckpoints(db: Database): void {
  db.pragma(`wal_autocheckpoint = ${INLINE_CHECKPOINT_PAGES}`);
}

/**
 * Pages in the WAL not yet copied back, read from the WAL index (the -shm file, format in sqlite.org/walformat.html:
 * mxFrame at byte 16 of the header, the checkpoint's nBackfill at byte 96), without taking any lock or running a
 * checkpoint to find out. Null when it cannot be read (then the copy-back runs after every burst, as SQLite would).
 */
export function walPagesPending(db: Database): number | null {
  try {
    const buf = Buffer.alloc(100);
    const fd = fs.openSync(`${db.name}-shm`, 'r');
    try {
      if (fs.readSync(fd, buf, 0, 100, 0) < 100) return null;
    } finally {
      fs.closeSync(fd);
    }
    const u32 = (at: number) => (os.endianness() === 'LE' ? buf.readUInt32LE(at) : buf.readUInt32BE(at));
    // The WAL-index version and its "initialised" flag: anything else is not a header we know how to read.
    if (u32(0) !== 3007000 || buf[12] !== 1) return null;
    return Math.max(0, u32(16) - u32(96));
  } catch {
    return null;
  }
}

function checkpoint(db: Database): void {
  if (!db.open || db.readonly) return;
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch (err) {
    // A damaged file latches as any failed statement would; anything else waits for the next commit's turn.
    noteFailure(db, err);
  }
}

/**
 * After each commit (the command kernel): a PASSIVE checkpoint (it never waits for readers) shortly after a burst
 * when the WAL holds CHECKPOINT_PAGES or more, else once no write came for `idleMs`. Not after every burst: a complete
 * checkpoint makes the next commit start the WAL afresh, and synchronous=FULL then syncs the WAL's header as well as
 * its frames — two syncs instead of one in the first save after every pause (the autosave, every few seconds). Both
 * run on the event loop between calls, never inside one; durability is untouched (each commit still syncs the WAL).
 */
export function checkpointSoon(db: Database, idleMs = IDLE_CHECKPOINT_MS): void {
  if (db.memory || db.readonly) return;
  let t = timers.get(db);
  if (!t) {
    t = { lastWrite: 0, idleMs, check: null, idle: null };
    timers.set(db, t);
  }
  const state = t;
  state.lastWrite = performance.now();
  state.idleMs = idleMs;
  if (state.check !== null) return;
  const whenIdle = (ms: number) => {
    if (state.idle !== null) clearTimeout(state.idle);
    state.idle = setTimeout(() => {
      state.idle = null;
      if (!db.open) return;
      const quiet = performance.now() - state.lastWrite;
      if (quiet >= state.idleMs && !db.inTransaction) checkpoint(db);
      else whenIdle(Math.max(CHECKPOINT_DELAY_MS, state.idleMs - quiet));
    }, ms).unref();
  };
  state.check = setTimeout(() => {
    state.check = null;
    if (!db.open || db.inTransaction) return;
    const pending = walPagesPending(db);
    if (pending === null || pending >= CHECKPOINT_PAGES) {
      if (state.idle !== null) clearTimeout(state.idle);
      state.idle = null;
      checkpoint(db);
    } else if (pending > 0) whenIdle(Math.max(0, state.idleMs - (performance.now() - state.lastWrite)));
  }, CHECKPOINT_DELAY_MS).unref();
}

/**
 * Closes the records: the WAL copied back and emptied first (TRUNCATE), so the file alone is the database even if
 * something else (a worker's read-only connection) keeps SQLite's own close from removing the WAL.
 */
export function closeRecords(db: Database): void {
  const t = timers.get(db);
  if (t?.check) clearTimeout(t.check);
  if (t?.idle) clearTimeout(t.idle);
  timers.delete(db);
  if (db.open && !db.readonly && !db.memory) {
    try {
      db.pragma('wal_checkpoint(TRUNCATE)');
    } catch (err) {
      // The close goes ahead: the WAL is synced, and the next open replays it.
      noteFailure(db, err);
    }
  }
  if (db.open) db.close();
}
