// Kept reports (the outcomes screen, the clinic's numbers) computed again off the calling thread after a write, so the
// next open is answered from memory. Every write clears the kept answers (kept-answers.ts), and each costs 125–160 ms
// to compute at the 10-year size on the thread that answers every call; in a working clinic something is saved every
// few seconds, so without this nearly every open paid it.
//
// After a write through the kernel, once no write has come for REFRESH_QUIET_MS, the reports someone asked within
// REFRESH_ASKED_WITHIN_MS whose answer is not kept are computed one at a time in a pooled worker (worker-jobs.ts) on
// its own read-only connection, the most recently asked first. One job at a time, so at most one of the pool's
// workers is busy with this.
//
// Why a worker's answer is exact when kept. The stamp (kept-answers.ts: this connection's total_changes() and
// data_version) is read on this thread when the job is sent, outside any transaction, and again when the answer
// arrives; the answer is kept only when the two are equal. total_changes() counts every row this connection changed
// (and this connection is where every command commits); data_version moves with every commit by any other
// connection. Equal stamps therefore mean no commit by anyone between the two reads. The worker's read transaction
// began after the first read and ended before the second, so the snapshot it read is the records as they stood at the
// send, which are the records as they stand at the arrival: the worker read the same rows this thread would read now,
// with the same recipe (report, input, the clinic's day and offset, all part of the key) and the settings in those
// rows, through the same code (report-recipes.ts). Any write in between moves the stamp and the answer is dropped; the
// next ask computes, as before. A stamp is never read inside a transaction (whose rows could still roll back).
import { clinicToday } from './clinic-time';
import type { Core } from './core';
import { keepComputedElsewhere, staleAsked, writeStampNow } from './kept-answers';
import { hasFile, runInWorker } from './worker-jobs';
import { onWritten } from './written';

/**
 * How long the records must be quiet after a write before a refresh starts. A save is often followed within a few
 * hundred ms by the writes it causes (the form's follow-up call, an autosave's next tick, a burst of an import's
 * chunks): waiting this long computes once per burst instead of once per write and throwing the rest away. Short
 * enough that a person who saves and then goes to a report (a click away: more than half a second) usually finds
 * the answer computed: 400 ms quiet plus ~150 ms of work in the worker.
 */
export const REFRESH_QUIET_MS = 400;

/** Only views someone uses: a report last asked longer ago than this is left to be computed when asked. */
export const REFRESH_ASKED_WITHIN_MS = 15 * 60_000;

/**
 * At most this many views are kept fresh, the most recently asked: a person's outcomes view and period of the clinic's
 * numbers, a colleague's, the print beside them (each ~150 ms of a worker at the 10-year size: ~1 s of its CPU per
 * quiet moment at most). Fewer than the answers kept (KEPT_ANSWERS), so a refresh never pushes out its own answers.
 */
export const REFRESH_VIEWS = 8;

export interface RefreshOptions {
  quietMs?: number;
  askedWithinMs?: number;
  /** Called as each job has been sent (tests write or close the records then, while a worker computes). */
  onSent?: () => void;
}

/** What the refreshes of one core did (tests and the bench). */
export interface RefreshStats {
  /** Jobs sent to a worker. */
  sent: number;
  /** Answers kept (the stamp had not moved). */
  kept: number;
  /** Answers dropped because something was written meanwhile. */
  dropped: number;
  /** Jobs that failed (the next ask computes, as without refreshes). */
  failed: number;
}

interface State {
  core: Core;
  quietMs: number;
  askedWithinMs: number;
  onSent: () => void;
  /** Set by `stopReportRefresh`: nothing more is sent for this core. */
  stopped: boolean;
  /** performance.now() of the latest write through the kernel. */
  lastWrite: number;
  timer: NodeJS.Timeout | null;
  /** The job in flight, stopped by `stopReportRefresh`. */
  inFlight: AbortController | null;
  stats: RefreshStats;
  /** Settled when nothing is pending (no timer, no job). */
  waiters: (() => void)[];
}
const states = new WeakMap<Core, State>();

/**
 * Keeps this core's asked reports fresh off-thread from now on (the host and the desktop app, beside the worker pool:
 * bootstrap's warmUpInBackground). A core without it (a test's bare core) computes each report when asked, as before.
 */
export function startReportRefresh(core: Core, o: RefreshOptions = {}): void {
  const running = states.get(core);
  if (running && !running.stopped) return;
  states.set(core, {
    core,
    quietMs: o.quietMs ?? REFRESH_QUIET_MS,
    askedWithinMs: o.askedWithinMs ?? REFRESH_ASKED_WITHIN_MS,
    onSent: o.onSent ?? (() => undefined),
    stopped: false,
    lastWrite: 0,
    timer: null,
    inFlight: null,
    stats: { sent: 0, kept: 0, dropped: 0, failed: 0 },
    waiters: [],
  });
  onWritten(core, () => reportsWritten(core));
}

/** Stops refreshing (closing the records): the quiet timer cleared, a job in flight stopped with its worker. */
export function stopReportRefresh(core: Core): void {
  const s = states.get(core);
  if (!s) return;
  s.stopped = true;
  onWritten(core, null);
  if (s.timer !== null) clearTimeout(s.timer);
  s.timer = null;
  const job = s.inFlight;
  s.inFlight = null;
  job?.abort();
  settle(s);
}

/** After each commit (the command kernel, through written.ts): the quiet time starts again; no timer per write. */
function reportsWritten(core: Core): void {
  const s = states.get(core);
  if (!s || s.stopped) return;
  s.lastWrite = performance.now();
  if (s.timer === null && s.inFlight === null) arm(s, s.quietMs);
}

export const reportRefreshStats = (core: Core): RefreshStats => ({ ...(states.get(core)?.stats ?? none) });
const none: RefreshStats = { sent: 0, kept: 0, dropped: 0, failed: 0 };

/** Settles once no refresh is pending or running (tests, the bench). */
export function reportRefreshSettled(core: Core): Promise<void> {
  const s = states.get(core);
  if (!s || (s.timer === null && s.inFlight === null)) return Promise.resolve();
  // Someone waits for it: the timer now keeps the process alive until then (it would otherwise exit, the wait unmet).
  s.timer?.ref();
  return new Promise((resolve) => s.waiters.push(resolve));
}

function settle(s: State): void {
  if (s.timer !== null || s.inFlight !== null) return;
  for (const w of s.waiters.splice(0)) w();
}

// Unref'd: a pending refresh never keeps a process (a test, a Ctrl+C) alive, unless someone waits for it.
function arm(s: State, ms: number): void {
  const timer = setTimeout(() => {
    s.timer = null;
    quietEnough(s);
  }, ms);
  if (s.waiters.length === 0) timer.unref();
  s.timer = timer;
}

function quietEnough(s: State): void {
  if (s.stopped) return;
  const db = s.core.db;
  // The records closed (the app quitting, a test's end): nothing more to do for this core.
  if (!db.open) return stopReportRefresh(s.core);
  // Recovery mode, or a file a worker cannot open (in memory): asks compute, as without refreshes.
  if (s.core.recovery !== null || !hasFile(db.name)) return settle(s);
  const quiet = performance.now() - s.lastWrite;
  if (quiet < s.quietMs) return arm(s, s.quietMs - quiet);
  // A transaction held across calls (a seed): its rows may still roll back; look again after it.
  if (db.inTransaction) return arm(s, s.quietMs);
  next(s);
}

/** Sends the most recently asked report not kept for the records as they stand; settles when there is none. */
function next(s: State): void {
  const db = s.core.db;
  // A view asked on an earlier clinic day is not computed for it again: the next ask's key has today in it.
  const today = clinicToday(s.core);
  const stale = staleAsked(db, s.askedWithinMs, REFRESH_VIEWS).find((v) => v.recipe.today === today);
  const stamp = writeStampNow(db);
  if (stale === undefined || stamp === null) return settle(s);
  const job = new AbortController();
  s.inFlight = job;
  s.stats.sent += 1;
  const sentAt = performance.now();
  runInWorker('reports.compute', { file: db.name, recipe: stale.recipe }, undefined, job.signal).then(
    (answer) => {
      if (s.inFlight !== job) return;
      s.inFlight = null;
      // The records closed (the app quitting, a test's end): nothing more to do for this core.
      if (s.core.db === db && !db.open) return stopReportRefresh(s.core);
      // A restore put other records in place meanwhile (core.db is their connection): dropped, kept for no one.
      if (s.core.db !== db) {
        s.stats.dropped += 1;
        return settle(s);
      }
      if (keepComputedElsewhere(db, stale.key, stamp, answer)) {
        s.stats.kept += 1;
        return next(s);
      }
      // Written meanwhile: dropped. The quiet time runs from the latest write (the kernel noted it while this job was
      // out, so no timer was armed then); a commit by another connection, which the kernel never sees, starts it now.
      s.stats.dropped += 1;
      if (s.lastWrite < sentAt) s.lastWrite = performance.now();
      arm(s, Math.max(0, s.quietMs - (performance.now() - s.lastWrite)));
    },
    (err: unknown) => {
      if (s.inFlight !== job) return;
      s.inFlight = null;
      // Not tried again until the next write: the next ask computes, as it would without refreshes.
      s.stats.failed += 1;
      s.core.log.error('report refresh failed', err, { report: stale.recipe.report });
      settle(s);
    },
  );
  s.onSent();
}
