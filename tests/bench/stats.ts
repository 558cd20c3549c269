// Percentiles and a timing loop for benchmarks (figures are printed, never asserted).
import fs from 'node:fs';
import { PerformanceObserver } from 'node:perf_hooks';
import type { Database } from 'better-sqlite3';
import { bulkSteps } from '../../db/seed/bulk';
import { CHECKPOINT_PAGES, walPagesPending } from '../../db/sqlite/checkpoint';
import { record, setDomain } from './summary';
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}

export interface Timing {
  name: string;
  runs: number;
  p50: number;
  p95: number;
  p99: number;
}

/**
 * BENCH_GC=1: garbage collections seen inside each timing's calls, printed under it (what a tail is made of: a GC
 * that lands in a call is that call's extra milliseconds). The entries arrive on a later turn of the event loop, so
 * each timing then ends with a short wait, which also lets the deferred WAL checkpoint run between timings.
 */
const gcs: { start: number; end: number; kind: number }[] = [];
if (process.env.BENCH_GC === '1') {
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      const kind = (e as unknown as { detail?: { kind?: number } }).detail?.kind ?? 0;
      gcs.push({ start: e.startTime, end: e.startTime + e.duration, kind });
    }
  }).observe({ entryTypes: ['gc'] });
}

async function reportGc(name: string, spans: readonly { start: number; end: number; ms: number }[]): Promise<void> {
  await new Promise((r) => setTimeout(r, 20));
  const hit = spans.filter((s) => gcs.some((g) => g.end > s.start && g.start < s.end));
  if (hit.length === 0) return;
  const inside = (s: { start: number; end: number }) =>
    gcs
      .filter((g) => g.end > s.start && g.start < s.end)
      .map(
        (g) => `${g.kind === 1 ? 'minor' : g.kind === 4 ? 'major' : `kind ${g.kind}`} ${(g.end - g.start).toFixed(1)}`,
      );
  const worst = [...hit].sort((a, b) => b.ms - a.ms).slice(0, 4);
  console.log(
    `  gc in ${name}: ${hit.length} of ${spans.length} calls; slowest: ` +
      worst.map((s) => `${s.ms.toFixed(2)} ms (${inside(s).join(', ')})`).join('; '),
  );
}

/**
 * The write-ahead log as the app keeps it (db/sqlite/checkpoint.ts), for the `between` of a write loop: copied back
 * once CHECKPOINT_PAGES are pending, its file then written again from the start. The loops never yield, so the app's
 * own timer never runs in them; without this a loop measures a log that only ever grows (the app's first minutes
 * after opening, when each commit also extends the file: on ext4 such a sync now and then takes 2–6 ms).
 */
export const appCheckpoint = (db: Database) => () => {
  const pending = walPagesPending(db);
  if (pending === null || pending >= CHECKPOINT_PAGES) db.pragma('wal_checkpoint(PASSIVE)');
};

/**
 * `runs` timed calls of `fn` after five warm-ups. `between`, when given, runs after each call outside the timing: what
 * the app does between two calls on its event loop (the loops here never yield, so its timers never run in them).
 */
export async function time(
  name: string,
  runs: number,
  fn: (i: number) => unknown | Promise<unknown>,
  /** Untimed work after each run (a checkpoint, or the keystroke before the next run's), told the next run's index. */
  between?: (next: number) => unknown | Promise<unknown>,
): Promise<Timing> {
  const warm = Math.min(5, runs);
  for (let i = 0; i < warm; i++) {
    await fn(i); // warm the statement cache and the page cache
    await between?.(i + 1 < warm ? i + 1 : 0);
  }
  const samples: number[] = [];
  const spans: { start: number; end: number; ms: number }[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn(i);
    const end = performance.now();
    samples.push(end - start);
    if (process.env.BENCH_GC === '1') spans.push({ start, end, ms: end - start });
    await between?.(i + 1);
  }
  if (process.env.BENCH_GC === '1') await reportGc(name, spans);
  samples.sort((a, b) => a - b);
  return { name, runs, p50: percentile(samples, 50), p95: percentile(samples, 95), p99: percentile(samples, 99) };
}

export function printTable(rows: readonly Timing[], baseline: Timing): void {
  record(baseline, { targets: [] });
  for (const r of rows) record(r, { baseline });
  const f = (n: number) => n.toFixed(2).padStart(9);
  console.log(
    `${'operation'.padEnd(44)}${'runs'.padStart(6)}${'p50 ms'.padStart(9)}${'p95 ms'.padStart(9)}${'p99 ms'.padStart(9)}  p50 vs baseline`,
  );
  for (const r of [baseline, ...rows]) {
    const ratio = r === baseline ? 'baseline' : `${(r.p50 / baseline.p50).toFixed(3)}×`;
    console.log(`${r.name.padEnd(44)}${String(r.runs).padStart(6)}${f(r.p50)}${f(r.p95)}${f(r.p99)}  ${ratio}`);
  }
}

/** Index-backed search beside the same search as a LIKE scan: how many times faster the index answers. */
export function printComparison(
  pairs: readonly { fts: Timing; like: Timing }[],
  header = 'LIKE ÷ index (p50, p99)',
): void {
  const f = (n: number) => n.toFixed(2).padStart(9);
  console.log(
    `${'operation'.padEnd(44)}${'runs'.padStart(6)}${'p50 ms'.padStart(9)}${'p95 ms'.padStart(9)}${'p99 ms'.padStart(9)}  ${header}`,
  );
  // Below 1 the scan won: a piece common enough to fill the first 8 hits stops a LIMIT 8 scan early.
  const ratio = (a: number, b: number) => {
    const r = a / b;
    return `${r >= 10 ? r.toFixed(0) : r.toFixed(2)}×`;
  };
  for (const { fts, like } of pairs) {
    record(fts, { baseline: like });
    record(like, { targets: [] });
    console.log(
      `${fts.name.padEnd(44)}${String(fts.runs).padStart(6)}${f(fts.p50)}${f(fts.p95)}${f(fts.p99)}  ${ratio(like.p50, fts.p50)}, ${ratio(like.p99, fts.p99)}`,
    );
    console.log(`${like.name.padEnd(44)}${String(like.runs).padStart(6)}${f(like.p50)}${f(like.p95)}${f(like.p99)}`);
  }
}

/** Figures with a bound but no baseline of their own (a whole call whose parts are compared elsewhere). */
export function printCalls(rows: readonly Timing[]): void {
  const f = (n: number) => n.toFixed(2).padStart(9);
  console.log(
    `${'operation'.padEnd(44)}${'runs'.padStart(6)}${'p50 ms'.padStart(9)}${'p95 ms'.padStart(9)}${'p99 ms'.padStart(9)}`,
  );
  for (const r of rows) {
    record(r);
    console.log(`${r.name.padEnd(44)}${String(r.runs).padStart(6)}${f(r.p50)}${f(r.p95)}${f(r.p99)}`);
  }
}

export interface SeedTiming {
  part: string;
  seconds: number;
  /** This process's CPU seconds: on a shared machine the wall clock also counts the other engineers' work. */
  cpuSeconds: number;
  /** Seconds the main thread was ready to run but waited for a core (Linux; null elsewhere): the other processes. */
  waitSeconds: number | null;
  /** The bulk load's steps in this part (load, reference check, index builds, rebuilds). */
  steps: { step: string; seconds: number; cpuSeconds: number }[];
}
const seedTimings: SeedTiming[] = [];

/** Nanoseconds this thread has waited on the run queue (the second field of /proc/thread-self/schedstat). */
function runQueueWait(): number | null {
  try {
    return Number(fs.readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[1]);
  } catch {
    return null;
  }
}

/** Times one part of the seed, prints it, and keeps it for the summary (printSeedTimes). */
export async function timeSeed<T>(part: string, seed: () => T | Promise<T>): Promise<T> {
  const cpu = process.cpuUsage();
  const waited = runQueueWait();
  const firstStep = bulkSteps.length;
  const start = performance.now();
  const result = await seed();
  const used = process.cpuUsage(cpu);
  const waitedAfter = runQueueWait();
  const t: SeedTiming = {
    part,
    seconds: (performance.now() - start) / 1000,
    cpuSeconds: (used.user + used.system) / 1e6,
    waitSeconds: waited === null || waitedAfter === null ? null : (waitedAfter - waited) / 1e9,
    steps: bulkSteps.slice(firstStep),
  };
  seedTimings.push(t);
  console.log(`seed: ${part} in ${t.seconds.toFixed(1)} s (CPU ${t.cpuSeconds.toFixed(1)} s)`);
  return result;
}

/** The seed's parts, their bulk steps and their sum beside the issue #13 target (the 10-year clinic in a minute). */
export function printSeedTimes(targetSeconds = 60, parts = seedTimings.length): void {
  const total = seedTimings.reduce((s, t) => ({ seconds: s.seconds + t.seconds, cpu: s.cpu + t.cpuSeconds }), {
    seconds: 0,
    cpu: 0,
  });
  const f = (n: number | null) => (n === null ? '-' : n.toFixed(1)).padStart(9);
  console.log(`\n${'seed part'.padEnd(60)}${'wall s'.padStart(9)}${'CPU s'.padStart(9)}${'CPU wait s'.padStart(11)}`);
  for (const t of seedTimings) {
    console.log(`${t.part.padEnd(60)}${f(t.seconds)}${f(t.cpuSeconds)}${f(t.waitSeconds).padStart(11)}`);
    for (const s of t.steps) console.log(`  ${s.step.slice(0, 56).padEnd(58)}${f(s.seconds)}${f(s.cpuSeconds)}`);
  }
  const met = total.seconds <= targetSeconds ? 'met' : 'MISSED';
  // The total in the closing table too (one sample: its p50, p95 and p99 are the same figure), target beside it.
  setDomain('seed');
  const ms = total.seconds * 1000;
  // `parts`: the clinic's parts the timings cover (seedBenchClinic seeds all three in one timing).
  record({ name: `the clinic, all ${parts} parts (wall)`, runs: 1, p50: ms, p95: ms, p99: ms });
  console.log(
    `${'all parts'.padEnd(60)}${f(total.seconds)}${f(total.cpu)}` + `  (target ≤ ${targetSeconds} s wall: ${met})`,
  );
  // Wall time on a shared machine is CPU + waiting for a core + waiting for the disk; the wait says how much was others.
  const wait = seedTimings.reduce((s, t) => s + (t.waitSeconds ?? 0), 0);
  if (wait > 0) console.log(`(the main thread waited ${wait.toFixed(1)} s for a core taken by other processes)`);
}
