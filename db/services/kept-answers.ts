// Heavy report answers kept until the records change: the outcomes report and the clinic's numbers (each 100–200 ms at
// the 10-year size) asked again with nothing written since answer from memory. "Nothing written" is SQLite's own
// account (db/sqlite/write-stamp.ts), so no write path can forget to clear it. Each answer is kept with the inputs it
// was computed from (the caller puts the clinic's day and offset in the key), a few per file; the answers are shared,
// so callers never change them.
// A report asked by its recipe (keptReport) is also noted as asked, so that report-refresh.ts can compute it again off
// the calling thread after a write, and keep that answer here under the stamp it was computed at.
import type { Database } from 'better-sqlite3';
import { writeStamp } from '../sqlite/write-stamp';
import type { ReportRecipe } from './report-recipes';

/** Answers kept per records file: a handful of report views (instrument × time point, a period) at once. */
export const KEPT_ANSWERS = 16;

/** Reports remembered as asked (most recently asked last): more than the answers kept, few enough to walk. */
const ASKED_REMEMBERED = 2 * KEPT_ANSWERS;

interface Asked {
  recipe: ReportRecipe;
  /** performance.now() of the latest ask. */
  at: number;
}

interface Kept {
  stamp: string;
  answers: Map<string, unknown>;
  /** Reports asked by recipe, by key, the most recent last. */
  asked: Map<string, Asked>;
  stats: KeptStats;
}
const keptByFile = new WeakMap<Database, Kept>();

/** How asks were answered on one connection (tests and the bench tell a kept answer from a computed one). */
export interface KeptStats {
  /** Computed on the calling thread when asked. */
  computed: number;
  /** Answered from memory. */
  fromMemory: number;
  /** Answers computed elsewhere (a worker) and kept here. */
  keptFromElsewhere: number;
}

function keptOf(db: Database): Kept {
  let kept = keptByFile.get(db);
  if (!kept) {
    const stats = { computed: 0, fromMemory: 0, keptFromElsewhere: 0 };
    kept = { stamp: '', answers: new Map(), asked: new Map(), stats };
    keptByFile.set(db, kept);
  }
  return kept;
}

/**
 * `compute()`'s answer for `key`, from memory when nothing was written since it was computed. Inside a transaction it
 * is always computed (a rollback would leave a kept answer showing rows that never were).
 */
export function keptAnswer<T>(db: Database, key: readonly unknown[], compute: () => T): T {
  return keep(db, JSON.stringify(key), compute);
}

/**
 * A report's answer kept as `keptAnswer` keeps it, its key being the recipe (report, input, the clinic's day and
 * offset): noted as asked now, so that it is kept fresh after writes for as long as someone asks for it.
 */
export function keptReport<T>(db: Database, recipe: ReportRecipe, compute: () => T): T {
  const k = JSON.stringify(recipe);
  if (db.open) {
    const { asked } = keptOf(db);
    asked.delete(k);
    asked.set(k, { recipe, at: performance.now() });
    if (asked.size > ASKED_REMEMBERED) {
      const oldest = asked.keys().next().value;
      if (oldest !== undefined) asked.delete(oldest);
    }
  }
  return keep(db, k, compute);
}

function keep<T>(db: Database, k: string, compute: () => T): T {
  if (db.inTransaction || !db.open) return compute();
  const kept = keptOf(db);
  const stamp = currentStamp(kept, db);
  if (kept.answers.has(k)) {
    kept.stats.fromMemory += 1;
    return kept.answers.get(k) as T;
  }
  kept.stats.computed += 1;
  const answer = compute();
  // The reads themselves write nothing; should one ever, the answer is not kept under a stamp it has moved.
  if (writeStamp(db) !== stamp) return answer;
  put(kept, k, answer);
  return answer;
}

/** The stamp now, the answers kept under an older one forgotten. */
function currentStamp(kept: Kept, db: Database): string {
  const stamp = writeStamp(db);
  if (stamp !== kept.stamp) {
    kept.answers.clear();
    kept.stamp = stamp;
  }
  return stamp;
}

function put(kept: Kept, k: string, answer: unknown): void {
  kept.answers.delete(k);
  if (kept.answers.size >= KEPT_ANSWERS) {
    const oldest = kept.answers.keys().next().value;
    if (oldest !== undefined) kept.answers.delete(oldest);
  }
  kept.answers.set(k, answer);
}

/** Where the records stand now (null inside a transaction, whose rows may yet roll back, or once closed). */
export function writeStampNow(db: Database): string | null {
  if (db.inTransaction || !db.open) return null;
  return currentStamp(keptOf(db), db);
}

/**
 * Of the `most` reports asked most recently, those asked within `withinMs` whose answer is not kept for the records
 * as they stand now, the most recently asked first: what a refresh computes. Nothing inside a transaction.
 */
export function staleAsked(db: Database, withinMs: number, most: number): { key: string; recipe: ReportRecipe }[] {
  if (writeStampNow(db) === null) return [];
  const kept = keptOf(db);
  const since = performance.now() - withinMs;
  const recent = [...kept.asked].slice(-most).reverse();
  return recent
    .filter(([key, a]) => a.at >= since && !kept.answers.has(key))
    .map(([key, a]) => ({ key, recipe: a.recipe }));
}

/**
 * Keeps an answer computed elsewhere (a worker's own connection) for `key`, only when the records still stand at
 * `stamp`, the stamp read before that computation began: then nothing was written by anyone in between, and the
 * answer is the one a computation here would give now. Returns whether it was kept.
 */
export function keepComputedElsewhere(db: Database, key: string, stamp: string, answer: unknown): boolean {
  if (writeStampNow(db) !== stamp) return false;
  const kept = keptOf(db);
  put(kept, key, answer);
  kept.stats.keptFromElsewhere += 1;
  return true;
}

/** How asks on this connection were answered so far. */
export const keptStats = (db: Database): KeptStats => ({ ...keptOf(db).stats });
