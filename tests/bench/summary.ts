// One table for every domain at the end of `npm run bench`: each figure beside its target and its same-run baseline,
// the machine's cores, written as JSON too so two runs (two machines, two commits) can be compared with compare.ts.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Timing } from './stats';

export type Stat = 'p50' | 'p95' | 'p99';

/** An issue's target for the figures of one domain whose name matches: a percentile bound and/or a same-run ratio. */
export interface Target {
  domain: string;
  match: RegExp;
  bounds?: { stat: Stat; ms: number }[];
  /** Baseline p50 ÷ ours p50 at least this (e.g. 1: never slower than the scan; 5: five times faster). */
  minRatio?: number;
}

/** Every target the issues set, in one place (#9 treatment, #10 assessments, #11 outcomes, #12 audit, #13 lists, ui). */
export const TARGETS: readonly Target[] = [
  { domain: 'reception', match: /^(inquiries\.worklist|list |inquiries\.list|patients\.list)/, bounds: [p95(20)] },
  { domain: 'reception', match: /^search\.global: all kinds$/, bounds: [p95(1), { stat: 'p99', ms: 3 }] },
  { domain: 'reception', match: /^search index: /, minRatio: 1 },
  { domain: 'treatment', match: /^calendar week/, bounds: [p95(3)] },
  { domain: 'treatment', match: /^procedures\.book/, bounds: [{ stat: 'p99', ms: 2 }] },
  { domain: 'assessments', match: /^save 50 item scores/, bounds: [{ stat: 'p99', ms: 2 }] },
  { domain: 'assessments', match: /^autosave/, bounds: [{ stat: 'p99', ms: 1 }] },
  { domain: 'assessments', match: /^history \+ chart/, bounds: [p95(5)] },
  { domain: 'outcomes', match: /^(all 6 groupings|every view|one view)/, bounds: [p95(400)] },
  { domain: 'outcomes', match: /^all 6 groupings/, minRatio: 5 },
  { domain: 'outcomes', match: /^clinic numbers, (all time|one year)$/, bounds: [p95(400)] },
  { domain: 'audit', match: /^audit chain: full verification in 2 workers/, bounds: [{ stat: 'p50', ms: 1000 }] },
  { domain: 'lists', match: /^(?!scan)/, bounds: [p95(20)] },
  // #13: seeding the 10-year clinic (clinic, ward, assessments) in a minute, wall time.
  { domain: 'seed', match: /^the clinic, all 3 parts/, bounds: [{ stat: 'p50', ms: 60_000 }] },
  // #13: the renderer in Chromium (tests/e2e-bench), from the input event to the frame that paints the result.
  { domain: 'ui', match: /^keystroke → painted/, bounds: [p95(60)] },
  { domain: 'ui', match: /^open /, bounds: [p95(150)] },
];

function p95(ms: number): { stat: Stat; ms: number } {
  return { stat: 'p95', ms };
}

export interface Figure {
  domain: string;
  name: string;
  runs: number;
  p50: number;
  p95: number;
  p99: number;
  /** The targets for this figure, as printed ("p95 ≤ 3", "≥ 5× base"); empty when it has none. */
  targets: string[];
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
let domain = 'reception';

/** The part of the bench now running: the figures recorded from here on belong to it. */
export function setDomain(name: string): void {
  domain = name;
}

/**
 * Records a figure for the closing table, with the targets TARGETS sets for it (matched on the trimmed name in the
 * current domain); baselines pass `targets: []`.
 */
export function record(timing: Timing, options: { baseline?: Timing; targets?: readonly Target[] } = {}): Timing {
  const name = timing.name.trim();
  const mine = (options.targets ?? TARGETS).filter((t) => t.domain === domain && t.match.test(name));
  const baseline = options.baseline
    ? { name: options.baseline.name.trim(), p50: options.baseline.p50, p99: options.baseline.p99 }
    : null;
  const targets: string[] = [];
  let met: boolean | null = null;
  for (const t of mine) {
    for (const b of t.bounds ?? []) {
      targets.push(`${b.stat} ≤ ${b.ms}`);
      met = (met ?? true) && timing[b.stat] <= b.ms;
    }
    if (t.minRatio !== undefined && baseline) {
      targets.push(`≥ ${t.minRatio}× base`);
      met = (met ?? true) && baseline.p50 / timing.p50 >= t.minRatio;
    }
  }
  figures.push({
    domain,
    name,
    runs: timing.runs,
    p50: timing.p50,
    p95: timing.p95,
    p99: timing.p99,
    targets,
    baseline,
    met,
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
      `  ${'target'.padEnd(24)}${'met'.padEnd(6)}base÷ours (p50)`,
  ];
  for (const f of s.figures) {
    // A figure without a target (a baseline, an informational figure) says so.
    const target = f.targets.join(', ') || '—';
    const met = f.met === null ? '—' : f.met ? 'yes' : 'NO';
    lines.push(
      `${f.domain.padEnd(12)}${f.name.slice(0, 47).padEnd(48)}${n(f.p50)}${n(f.p95)}${n(f.p99)}  ` +
        `${target.padEnd(24)}${met.padEnd(6)}${ratio(f)}`,
    );
  }
  const targets = s.figures.filter((f) => f.met !== null);
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
