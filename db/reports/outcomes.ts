// The outcomes report as pure functions over totals read once: who was treated, who was assessed, who improved, who is
// missing, per stratum (issue #11). No database here: db/repos/outcomes.ts reads, db/services/outcomes.ts calls this.
import type { DomainRow, OutcomeRow, Proportion, Stratification } from '../contract/outcomes';
import { isImproved, quantile, spread, wilson } from './statistics';

export type StrokeType = 'ischemic' | 'hemorrhagic' | 'unknown';

/** One treated patient, by their first treated course (the first with a completed procedure). */
export interface TreatedPatient {
  patientId: number;
  courseId: number;
  /** Day of the first completed transplant of that course. */
  firstTransplant: string;
  /** Completed transplants in that course. */
  transplants: number;
  strokeType: StrokeType;
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; null when unknown. */
  onset: string | null;
  birth: string | null;
  comorbid: boolean;
  /** Last day of the follow-up's window: after it, a missing follow-up counts as missing. */
  windowEnd: string;
  /** Totals of the latest signed versions; null when not signed (or incomplete). */
  baseline: number | null;
  followUp: number | null;
}

export interface Band {
  key: string;
  min: number;
  max: number;
}

export interface OutcomeOptions {
  better: 'higher' | 'lower';
  /** Positive magnitude of the change that counts as improved. */
  threshold: number;
  goodOutcome: { min: number; max: number } | null;
  /** Published severity bands of the instrument; null: tertiles of the baseline totals. */
  severityBands: readonly { min: number; max: number }[] | null;
  stratifyBy: Stratification;
  today: string;
  from: string | null;
  to: string | null;
  transplants: 'any' | '1' | '2' | '3+';
}

/** Published baseline severity bands (NIHSS: Brott/Adams; mRS; Barthel: Shah 1989; Berg: Berg 1992). */
export const SEVERITY_BANDS: Readonly<Record<string, readonly { min: number; max: number }[] | null>> = {
  nihss: [
    { min: 0, max: 4 },
    { min: 5, max: 15 },
    { min: 16, max: 20 },
    { min: 21, max: 42 },
  ],
  mrs: [
    { min: 0, max: 2 },
    { min: 3, max: 3 },
    { min: 4, max: 5 },
  ],
  barthel: [
    { min: 0, max: 20 },
    { min: 21, max: 60 },
    { min: 61, max: 90 },
    { min: 91, max: 100 },
  ],
  berg: [
    { min: 0, max: 20 },
    { min: 21, max: 40 },
    { min: 41, max: 56 },
  ],
  'fm-ue': null,
  'fm-le': null,
};

const proportion = (k: number, n: number): Proportion => ({ k, n, ci: wilson(k, n) });

/** Digits of `s` from `at` as a number, read without allocating (this runs for every treated patient per view). */
function digits(s: string, at: number, length: number): number {
  let n = 0;
  for (let i = at; i < at + length; i++) n = n * 10 + s.charCodeAt(i) - 48;
  return n;
}

/** A partial date read at its middle: `2024` as 1 July, `2024-03` as the 15th (the error is at most half the unit). */
function dayParts(date: string): [number, number, number] {
  if (date.length === 10) return [digits(date, 0, 4), digits(date, 5, 2), digits(date, 8, 2)];
  const [y = 0, m, d] = date.split('-').map(Number);
  if (m === undefined) return [y, 7, 1];
  return [y, m, d ?? 15];
}

/** Whole months from `a` to `b` (negative when b is earlier). */
export function monthsBetween(a: string, b: string): number {
  const [y1, m1, d1] = dayParts(a);
  const [y2, m2, d2] = dayParts(b);
  return (y2 - y1) * 12 + (m2 - m1) - (d2 < d1 ? 1 : 0);
}

export const STRATA_KEYS: Readonly<Record<Exclude<Stratification, 'severity'>, readonly string[]>> = {
  none: ['all'],
  strokeType: ['ischemic', 'hemorrhagic', 'unknown'],
  onset: ['lt6m', '6to12m', '1to2y', 'gt2y', 'unknown'],
  age: ['lt40', '40to59', '60to74', 'ge75', 'unknown'],
  comorbidity: ['none', 'any'],
};

function onsetKey(p: TreatedPatient): string {
  if (p.onset === null) return 'unknown';
  const m = monthsBetween(p.onset, p.firstTransplant);
  return m < 6 ? 'lt6m' : m < 12 ? '6to12m' : m < 24 ? '1to2y' : 'gt2y';
}

function ageKey(p: TreatedPatient): string {
  if (p.birth === null) return 'unknown';
  const years = Math.floor(monthsBetween(p.birth, p.firstTransplant) / 12);
  return years < 40 ? 'lt40' : years < 60 ? '40to59' : years < 75 ? '60to74' : 'ge75';
}

/** Severity bands: the published ones, or tertiles of the baseline totals present (cut points at the 1/3 and 2/3
 * quantiles, each band named by the totals it holds). */
export function severityBands(patients: readonly TreatedPatient[], published: OutcomeOptions['severityBands']): Band[] {
  const key = (b: { min: number; max: number }) => `${b.min}-${b.max}`;
  if (published) return published.map((b) => ({ key: key(b), ...b }));
  const totals = patients.flatMap((p) => (p.baseline === null ? [] : [p.baseline])).sort((a, b) => a - b);
  const t1 = quantile(totals, 1 / 3);
  const t2 = quantile(totals, 2 / 3);
  if (t1 === null || t2 === null) return [];
  const groups = [totals.filter((v) => v <= t1), totals.filter((v) => v > t1 && v <= t2), totals.filter((v) => v > t2)];
  return groups.flatMap((g) => {
    const min = g[0];
    const max = g.at(-1);
    return min === undefined || max === undefined ? [] : [{ key: key({ min, max }), min, max }];
  });
}

function stratumOf(p: TreatedPatient, by: Stratification, bands: readonly Band[]): string {
  switch (by) {
    case 'none':
      return 'all';
    case 'strokeType':
      return p.strokeType;
    case 'onset':
      return onsetKey(p);
    case 'age':
      return ageKey(p);
    case 'comorbidity':
      return p.comorbid ? 'any' : 'none';
    case 'severity': {
      if (p.baseline === null) return 'unknown';
      const v = p.baseline;
      return bands.find((b) => v >= b.min && v <= b.max)?.key ?? 'unknown';
    }
  }
}

/** The treatment-period and transplant-count filters. */
export function applyFilters<T extends TreatedPatient>(patients: readonly T[], o: OutcomeOptions): readonly T[] {
  if (o.from === null && o.to === null && o.transplants === 'any') return patients;
  return patients.filter((p) => {
    if (o.from !== null && p.firstTransplant < o.from) return false;
    if (o.to !== null && p.firstTransplant > o.to) return false;
    if (o.transplants === '1') return p.transplants === 1;
    if (o.transplants === '2') return p.transplants === 2;
    if (o.transplants === '3+') return p.transplants >= 3;
    return true;
  });
}

/** One row: each patient falls in exactly one of assessed / missing follow-up / missing baseline / not yet due. */
export function outcomeRow(key: string, patients: readonly TreatedPatient[], o: OutcomeOptions): OutcomeRow {
  const changes: number[] = [];
  let improved = 0;
  let good = 0;
  let missingFollowUp = 0;
  let missingBaseline = 0;
  let notYetDue = 0;
  for (const p of patients) {
    if (p.followUp !== null && p.baseline !== null) {
      const change = p.followUp - p.baseline;
      changes.push(change);
      if (isImproved(change, o.threshold, o.better)) improved++;
      if (o.goodOutcome && p.followUp >= o.goodOutcome.min && p.followUp <= o.goodOutcome.max) good++;
    } else if (p.followUp !== null) missingBaseline++;
    else if (p.windowEnd < o.today) missingFollowUp++;
    else notYetDue++;
  }
  const assessed = changes.length;
  const s = spread(changes);
  return {
    key,
    treated: patients.length,
    assessed,
    improved: proportion(improved, assessed),
    change: { mean: s.mean, sd: s.sd, median: s.median, q1: s.q1, q3: s.q3 },
    missingFollowUp,
    missingBaseline,
    notYetDue,
    sensitivity: proportion(improved, assessed + missingFollowUp + missingBaseline),
    goodOutcome: o.goodOutcome ? proportion(good, assessed) : null,
  };
}

export interface OutcomeTables {
  overall: OutcomeRow;
  strata: OutcomeRow[];
  severityBands: Band[];
}

/** The whole report for one instrument and time point: filters, then the overall row and one row per stratum. */
export function outcomeTables(all: readonly TreatedPatient[], o: OutcomeOptions): OutcomeTables {
  const patients = applyFilters(all, o);
  const bands = severityBands(patients, o.severityBands);
  const keys = o.stratifyBy === 'severity' ? [...bands.map((b) => b.key), 'unknown'] : [...STRATA_KEYS[o.stratifyBy]];
  const groups = new Map<string, TreatedPatient[]>(keys.map((k) => [k, []]));
  for (const p of patients) groups.get(stratumOf(p, o.stratifyBy, bands))?.push(p);
  return {
    overall: outcomeRow('all', patients, o),
    strata: o.stratifyBy === 'none' ? [] : keys.map((k) => outcomeRow(k, groups.get(k) ?? [], o)),
    severityBands: bands,
  };
}

/** Global impression (1–7): 1–3 improved, 4 unchanged, 5–7 worse. */
export const IMPROVED_MAX = 3;
export const UNCHANGED = 4;

/**
 * Improvement by domain for the same treated group: per domain, of the patients with a rating, how many improved;
 * `missing` counts those past the window without one (the same rule as the main table).
 */
export function domainTable(
  patients: readonly TreatedPatient[],
  ratings: ReadonlyMap<number, Readonly<Record<string, number>>>,
  domains: readonly string[],
  today: string,
): DomainRow[] {
  return domains.map((domain) => {
    let assessed = 0;
    let improved = 0;
    let unchanged = 0;
    let worse = 0;
    let missing = 0;
    for (const p of patients) {
      const v = ratings.get(p.courseId)?.[domain];
      if (v === undefined) {
        if (p.windowEnd < today) missing++;
        continue;
      }
      assessed++;
      if (v <= IMPROVED_MAX) improved++;
      else if (v === UNCHANGED) unchanged++;
      else worse++;
    }
    return {
      domain,
      treated: patients.length,
      assessed,
      improved: proportion(improved, assessed),
      unchanged,
      worse,
      missing,
    };
  });
}
