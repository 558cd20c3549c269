// The bench's closing table: a target is met only at or under its percentile, and two runs compare figure by figure.
import { describe, expect, it } from 'vitest';
import { compareSummaries } from '../bench/compare';
import { type Target, formatSummary, record, setDomain, summary } from '../bench/summary';

const timing = (name: string, p50: number, p95: number, p99: number) => ({ name, runs: 10, p50, p95, p99 });

describe('bench summary', () => {
  it('marks each target met or missed on its own percentile and ratio, and prints the baseline ratio', () => {
    const targets: Target[] = [
      { domain: 'treatment', match: /^week/, bounds: [{ stat: 'p95', ms: 3 }] },
      { domain: 'treatment', match: /^booking/, bounds: [{ stat: 'p99', ms: 2 }], minRatio: 5 },
      { domain: 'reception', match: /^booking/, bounds: [{ stat: 'p50', ms: 0 }] },
    ];
    setDomain('treatment');
    record(timing('week, one room', 0.3, 0.5, 2.5), { targets });
    record(timing('booking', 1, 1.5, 2.5), { targets, baseline: timing('full scan', 250, 260, 270) });
    record(timing('booking fast', 1, 1.5, 1.9), { targets, baseline: timing('full scan', 4, 4, 4) });
    record(timing('no target', 1, 2, 3), { targets });
    const s = summary({ procedures: 1_000_000 });
    const mine = s.figures.slice(-4);
    expect(mine.map((f) => f.met)).toEqual([true, false, false, null]);
    expect(mine[2]?.targets).toEqual(['p99 ≤ 2', '≥ 5× base']);
    // An informational figure recorded without targets, though its name matches one (the UI bench's computed opens).
    setDomain('ui');
    record(timing('open Reports, computed after a save', 900, 1100, 1100), { targets: [] });
    expect(summary({}).figures.at(-1)).toMatchObject({ targets: [], met: null });
    const text = formatSummary({ ...s, figures: mine });
    expect(text).toContain('procedures 1,000,000');
    expect(text).toMatch(/booking .*p99 ≤ 2, ≥ 5× base\s+NO\s+250×/);
    expect(text).toContain('1 of 3 targets met; missed: booking; booking fast');
    // A figure without a target (a baseline, the UI bench's informational figures) says so instead of a blank.
    expect(text).toMatch(/no target(\s+\d\.\d\d){3}\s+—\s+—/);
    expect(s.cores).toBeGreaterThan(0);
  });

  it('compares two runs by domain and name, and lists figures only one run has', () => {
    const base = { at: 'a', cores: 2, cpu: 'x', node: 'v20', sizes: {} };
    const fig = (name: string, p95: number) => ({
      domain: 'd',
      name,
      runs: 1,
      p50: p95,
      p95,
      p99: p95,
      targets: [],
      baseline: null,
      met: null,
    });
    const text = compareSummaries(
      { ...base, figures: [fig('same', 4), fig('old only', 1)] },
      { ...base, figures: [fig('same', 2), fig('new only', 1)] },
    );
    expect(text).toMatch(/d same\s+4\.00\s+2\.00\s+0\.50/);
    expect(text).toMatch(/d new only\s+1\.00\s+added/);
    expect(text).toMatch(/d old only\s+gone/);
  });
});
