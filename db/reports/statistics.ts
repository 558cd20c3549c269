// The report's statistics as pure functions over numbers: proportions with their Wilson interval, and the spread of
// changes. No database here: db/reports/outcomes.ts feeds these with totals read once.

/** z for a two-sided 95 % interval. */
export const Z_95 = 1.959963984540054;

export interface Interval {
  low: number;
  high: number;
}

/**
 * Wilson score interval for k successes in n trials (Wilson 1927; Newcombe 1998, method 3): unlike the textbook
 * p ± z·√(p(1−p)/n), it stays inside 0–1 and is honest for small n and for 0 or n successes. Null when n is 0.
 */
export function wilson(k: number, n: number, z = Z_95): Interval | null {
  if (!Number.isInteger(k) || !Number.isInteger(n) || k < 0 || n < 0 || k > n) {
    throw new RangeError(`wilson: need whole numbers 0 ≤ k ≤ n (got k=${k}, n=${n})`);
  }
  if (n === 0) return null;
  const p = k / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  // Exact ends at 0 and n (the formula gives them up to rounding).
  return { low: k === 0 ? 0 : Math.max(0, centre - half), high: k === n ? 1 : Math.min(1, centre + half) };
}

export interface Spread {
  n: number;
  mean: number | null;
  /** Sample standard deviation (n − 1); null below two values. */
  sd: number | null;
  median: number | null;
  /** First and third quartiles (linear interpolation between order statistics, as R's default type 7). */
  q1: number | null;
  q3: number | null;
  min: number | null;
  max: number | null;
}

/** The p-th quantile (0–1) of sorted values, R type 7. */
export function quantile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const a = sorted[lo] ?? 0;
  const b = sorted[Math.min(sorted.length - 1, lo + 1)] ?? a;
  return a + (h - lo) * (b - a);
}

export function spread(values: readonly number[]): Spread {
  const n = values.length;
  if (n === 0) return { n, mean: null, sd: null, median: null, q1: null, q3: null, min: null, max: null };
  const sorted = [...values].sort((x, y) => x - y);
  const mean = sorted.reduce((s, v) => s + v, 0) / n;
  const sd = n < 2 ? null : Math.sqrt(sorted.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1));
  return {
    n,
    mean,
    sd,
    median: quantile(sorted, 0.5),
    q1: quantile(sorted, 0.25),
    q3: quantile(sorted, 0.75),
    min: sorted[0] ?? null,
    max: sorted[n - 1] ?? null,
  };
}

/**
 * Whether a change from baseline reaches the minimal clinically important difference in the better direction:
 * Barthel +10 from 40 to 50 is improved; NIHSS from 12 to 8 (−4) is improved, to 9 is not.
 */
export function isImproved(change: number, mcid: number, better: 'higher' | 'lower'): boolean {
  return better === 'higher' ? change >= mcid : change <= -mcid;
}
