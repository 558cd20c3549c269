// One table for every domain at the end of `npm run bench`: each figure beside its target and its same-run baseline,
// the machine's cores, written as JSON too so two runs (two machines, two commits) can be compared with compare.ts.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Timing } from './stats';

export type Stat = 'p50' | 'p95' | 'p99';

export interface Figure {
  domain: string;
  name: string;
  runs: number;
  p50: number;
  p95: number;
  p99: number;
  /** The target: this percentile at or under this many milliseconds. */
  target: { stat: Stat; ms: number } | null;
  /** What the same figure costs without our index/design, measured in the same run. */
  baseline: { name: string; p50: number; p99: number } | null;
  met: boolean | null;
}

export interface BenchSummary {
  at: string;
  cores: number;
  cpu: string;
  node: string;
  sizes: Record<string, number>;
  figures: Figure[];
}

const figures: Figure[] = [];

/** Records a figure for the closing table; `target` and `baseline` are optional, as not every figure has one. */
export function record(
  domain: string,
  timing: Timing,
  options: { target?: { stat: Stat; ms: number }; baseline?: Timing } = {},
): Timing {
  const target = options.target ?? null;
  figures.push({
    domain,
    name: timing.name.trim(),
    runs: timing.runs,
    p50: timing.p50,
    p95: timing.p95,
    p99: timing.p99,
    target,
    baseline: options.baseline
      ? { name: options.baseline.name.trim(), p50: options.baseline.p50, p99: options.baseline.p99 }
      : null,
    met: target ? timing[target.stat] <= target.ms : null,
  });
  return timing;
}

export function summary(sizes: Record<string, number>): BenchSummary {
  return {
    at: new Date().toISOString(),
    cores: os.cpus().length,
    cpu: os.cpus()[0]?.model ?? 'unknown',
    node: process.version,
    sizes,
    figures: [...figures],
  };
}

const n = (v: number) => (v >= 100 ? v.toFixed(0) : v.toFixed(2)).padStart(8);
const ratio = (f: Figure) => {
  if (!f.baseline) return '';
  const r = f.baseline.p50 / f.p50;
  return `${r >= 10 ? r.toFixed(0) : r.toFixed(2)}×`;
};

/** The closing table: one line per figure, its target and whether it was met, and base ÷ ours at p50. */
export function formatSummary(s: BenchSummary): string {
  const lines = [
    `\nall domains — ${s.cores} cores (${s.cpu}), Node ${s.node}; sizes: ` +
      Object.entries(s.sizes)
        .map(([k, v]) => `${k} ${v.toLocaleString('en')}`)
        .join(', '),
    `${'domain'.padEnd(12)}${'figure'.padEnd(48)}${'p50'.padStart(8)}${'p95'.padStart(8)}${'p99'.padStart(8)}` +
      `  ${'target'.padEnd(12)}${'met'.padEnd(6)}base÷ours (p50)`,
  ];
  for (const f of s.figures) {
    const target = f.target ? `${f.target.stat} ≤ ${f.target.ms}` : '';
    const met = f.met === null ? '' : f.met ? 'yes' : 'NO';
    lines.push(
      `${f.domain.padEnd(12)}${f.name.slice(0, 47).padEnd(48)}${n(f.p50)}${n(f.p95)}${n(f.p99)}  ` +
        `${target.padEnd(12)}${met.padEnd(6)}${ratio(f)}`,
    );
  }
  const targets = s.figures.filter((f) => f.target);
  const missed = targets.filter((f) => !f.met);
  lines.push(
    `${targets.length - missed.length} of ${targets.length} targets met` +
      (missed.length ? `; missed: ${missed.map((f) => f.name).join('; ')}` : ''),
  );
  return lines.join('\n');
}

/** Prints the closing table and writes it as JSON (BENCH_JSON, or bench-results/<time>.json). Returns the path. */
export function writeSummary(sizes: Record<string, number>): string {
  const s = summary(sizes);
  console.log(formatSummary(s));
  const file =
    process.env.BENCH_JSON ?? path.join('bench-results', `bench-${s.at.replace(/[:.]/g, '-').slice(0, 19)}.json`);
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(s, null, 2)}\n`);
  console.log(`written: ${file} (compare two runs: npx tsx tests/bench/compare.ts <old.json> <new.json>)`);
  return file;
}
