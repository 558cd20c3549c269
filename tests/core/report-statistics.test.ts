// The report's statistics checked against hand-worked and published values.
import { describe, expect, it } from 'vitest';
import { isImproved, quantile, spread, wilson } from '../../db/reports/statistics';

const round3 = (x: number | undefined) => Math.round((x ?? NaN) * 1000) / 1000;

describe('Wilson interval', () => {
  it('matches published values', () => {
    // The 7/10 → 0.397–0.892, and Newcombe (1998) Table I, method 3 (Wilson score, no continuity correction).
    const cases: [number, number, number, number][] = [
      [7, 10, 0.3968, 0.8922],
      [81, 263, 0.2553, 0.3662],
      [15, 148, 0.0624, 0.1605],
      [0, 20, 0, 0.1611],
      [1, 29, 0.0061, 0.1718],
    ];
    const round4 = (x: number | undefined) => Math.round((x ?? NaN) * 10_000) / 10_000;
    for (const [k, n, low, high] of cases) {
      const ci = wilson(k, n);
      expect([k, n, round4(ci?.low), round4(ci?.high)]).toEqual([k, n, low, high]);
    }
  });

  it('stays inside 0–1 at the extremes and is symmetric', () => {
    expect(wilson(10, 10)?.high).toBe(1);
    expect(wilson(0, 10)?.low).toBe(0);
    const a = wilson(3, 10);
    const b = wilson(7, 10);
    expect(round3(a?.low)).toBe(round3(1 - (b?.high ?? 0)));
    expect(wilson(0, 0)).toBeNull();
  });

  it('refuses impossible counts', () => {
    expect(() => wilson(11, 10)).toThrow(RangeError);
    expect(() => wilson(-1, 10)).toThrow(RangeError);
    expect(() => wilson(1.5, 10)).toThrow(RangeError);
  });
});

describe('spread of changes', () => {
  it('computes mean, sample SD, median and quartiles by hand', () => {
    // 2, 4, 4, 4, 5, 5, 7, 9: mean 5, Σ(x−5)² = 32, sample SD = √(32/7) = 2.138; median 4.5; q1 4, q3 5.5 (type 7).
    const s = spread([9, 2, 4, 4, 5, 4, 5, 7]);
    expect(s.n).toBe(8);
    expect(s.mean).toBe(5);
    expect(round3(s.sd ?? undefined)).toBe(2.138);
    expect(s.median).toBe(4.5);
    expect(s.q1).toBe(4);
    expect(s.q3).toBe(5.5);
    expect([s.min, s.max]).toEqual([2, 9]);
  });

  it('has no SD for one value and nothing for none', () => {
    expect(spread([3])).toMatchObject({ n: 1, mean: 3, sd: null, median: 3 });
    expect(spread([])).toMatchObject({ n: 0, mean: null, median: null });
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
  });
});

describe('improved', () => {
  it('reaches the threshold in the better direction only', () => {
    expect(isImproved(10, 10, 'higher')).toBe(true);
    expect(isImproved(5, 10, 'higher')).toBe(false);
    expect(isImproved(-10, 10, 'higher')).toBe(false);
    expect(isImproved(-4, 4, 'lower')).toBe(true);
    expect(isImproved(-3, 4, 'lower')).toBe(false);
    expect(isImproved(4, 4, 'lower')).toBe(false);
  });
});
