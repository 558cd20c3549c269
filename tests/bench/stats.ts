// Percentiles and a timing loop for benchmarks (figures are printed, never asserted).
import { record } from './summary';
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

export async function time(name: string, runs: number, fn: (i: number) => unknown | Promise<unknown>): Promise<Timing> {
  for (let i = 0; i < Math.min(5, runs); i++) await fn(i); // warm the statement cache and the page cache
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn(i);
    samples.push(performance.now() - start);
  }
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
}
const seedTimings: SeedTiming[] = [];

/** Times one part of the seed, prints it, and keeps it for the summary (printSeedTimes). */
export async function timeSeed<T>(part: string, seed: () => T | Promise<T>): Promise<T> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const result = await seed();
  const used = process.cpuUsage(cpu);
  const t = { part, seconds: (performance.now() - start) / 1000, cpuSeconds: (used.user + used.system) / 1e6 };
  seedTimings.push(t);
  console.log(`seed: ${part} in ${t.seconds.toFixed(1)} s (CPU ${t.cpuSeconds.toFixed(1)} s)`);
  return result;
}

/** The seed's parts and their sum beside the issue #13 target (the 10-year clinic seeded in a minute). */
export function printSeedTimes(targetSeconds = 60): void {
  const total = seedTimings.reduce((s, t) => ({ seconds: s.seconds + t.seconds, cpu: s.cpu + t.cpuSeconds }), {
    seconds: 0,
    cpu: 0,
  });
  console.log(`\n${'seed part'.padEnd(44)}${'wall s'.padStart(9)}${'CPU s'.padStart(9)}`);
  for (const t of seedTimings)
    console.log(`${t.part.padEnd(44)}${t.seconds.toFixed(1).padStart(9)}${t.cpuSeconds.toFixed(1).padStart(9)}`);
  const met = total.seconds <= targetSeconds ? 'met' : 'MISSED';
  console.log(
    `${'all parts'.padEnd(44)}${total.seconds.toFixed(1).padStart(9)}${total.cpu.toFixed(1).padStart(9)}` +
      `  (target ≤ ${targetSeconds} s wall: ${met})`,
  );
}
