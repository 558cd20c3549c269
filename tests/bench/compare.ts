// Two `npm run bench` JSON files side by side: each figure's p50/p95/p99 then and now, and now ÷ then at p95
// (below 1 is faster). Figures only one run has are listed as added or gone.
import fs from 'node:fs';
import type { BenchSummary, Figure } from './summary';

export function compareSummaries(before: BenchSummary, after: BenchSummary): string {
  const key = (f: Figure) => `${f.domain} ${f.name}`;
  const old = new Map(before.figures.map((f) => [key(f), f]));
  const lines = [
    `before: ${before.at} (${before.cores} cores)   after: ${after.at} (${after.cores} cores)`,
    `${'figure'.padEnd(60)}${'p95 before'.padStart(11)}${'p95 after'.padStart(11)}${'after÷before'.padStart(14)}`,
  ];
  for (const f of after.figures) {
    const b = old.get(key(f));
    old.delete(key(f));
    const r = b ? (f.p95 / b.p95).toFixed(2) : 'added';
    lines.push(
      `${key(f).slice(0, 59).padEnd(60)}${(b ? b.p95.toFixed(2) : '').padStart(11)}` +
        `${f.p95.toFixed(2).padStart(11)}${r.padStart(14)}`,
    );
  }
  for (const k of old.keys()) lines.push(`${k.slice(0, 59).padEnd(60)}${'gone'.padStart(36)}`);
  return lines.join('\n');
}

// Run as a script (not when a test imports compareSummaries).
if (process.argv[1]?.endsWith('compare.ts')) {
  const [a, b] = process.argv.slice(2);
  if (a && b) {
    const read = (f: string) => JSON.parse(fs.readFileSync(f, 'utf8')) as BenchSummary;
    console.log(compareSummaries(read(a), read(b)));
  } else {
    console.error('usage: npx tsx tests/bench/compare.ts <before.json> <after.json>');
    process.exitCode = 2;
  }
}
