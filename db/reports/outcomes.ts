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

const onsetBand = (m: number) => (m < 6 ? 'lt6m' : m < 12 ? '6to12m' : m < 24 ? '1to2y' : 'gt2y');
const ageBand = (years: number) => (years < 40 ? 'lt40' : years < 60 ? '40to59' : years < 75 ? '60to74' : 'ge75');

function onsetKey(p: TreatedPatient): string {
  return p.onset === null ? 'unknown' : onsetBand(monthsBetween(p.onset, p.firstTransplant));
}

function ageKey(p: TreatedPatient): string {
  return p.birth === null ? 'unknown' : ageBand(Math.floor(monthsBetween(p.birth, p.firstTransplant) / 12));
}

/** Severity bands: the published ones, or tertiles of the baseline totals present (cut points at the 1/3 and 2/3
 * quantiles, each band named by the totals it holds). */
export function severityBands(patients: readonly TreatedPatient[], published: OutcomeOptions['severityBands']): Band[] {
  return bandsOf(
    patients.flatMap((p) => (p.baseline === null ? [] : [p.baseline])),
    published,
  );
}

/** The bands from the baseline totals present (any order). */
function bandsOf(baselines: number[], published: OutcomeOptions['severityBands']): Band[] {
  const key = (b: { min: number; max: number }) => `${b.min}-${b.max}`;
  if (published) return published.map((b) => ({ key: key(b), ...b }));
  const totals = baselines.sort((a, b) => a - b);
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

const bandOf = (baseline: number | null, bands: readonly Band[]): string =>
  baseline === null ? 'unknown' : (bands.find((b) => baseline >= b.min && baseline <= b.max)?.key ?? 'unknown');

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
    case 'severity':
      return bandOf(p.baseline, bands);
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

/** What a row counts, filled one patient at a time (the same tally for the one-grouping and the all-groupings paths). */
interface Tally {
  treated: number;
  improved: number;
  good: number;
  missingFollowUp: number;
  missingBaseline: number;
  notYetDue: number;
  changes: number[];
}

const emptyTally = (): Tally => ({
  treated: 0,
  improved: 0,
  good: 0,
  missingFollowUp: 0,
  missingBaseline: 0,
  notYetDue: 0,
  changes: [],
});

type Judged = Pick<OutcomeOptions, 'better' | 'threshold' | 'goodOutcome'>;

/** Each patient falls in exactly one of assessed / missing follow-up / missing baseline / not yet due. */
function tally(t: Tally, baseline: number | null, followUp: number | null, past: boolean, o: Judged, n = 1): void {
  t.treated += n;
  if (followUp !== null && baseline !== null) {
    const change = followUp - baseline;
    for (let i = 0; i < n; i++) t.changes.push(change);
    if (isImproved(change, o.threshold, o.better)) t.improved += n;
    if (o.goodOutcome && followUp >= o.goodOutcome.min && followUp <= o.goodOutcome.max) t.good += n;
  } else if (followUp !== null) t.missingBaseline += n;
  else if (past) t.missingFollowUp += n;
  else t.notYetDue += n;
}

function rowOf(key: string, t: Tally, o: Judged): OutcomeRow {
  const assessed = t.changes.length;
  const s = spread(t.changes);
  return {
    key,
    treated: t.treated,
    assessed,
    improved: proportion(t.improved, assessed),
    change: { mean: s.mean, sd: s.sd, median: s.median, q1: s.q1, q3: s.q3 },
    missingFollowUp: t.missingFollowUp,
    missingBaseline: t.missingBaseline,
    notYetDue: t.notYetDue,
    sensitivity: proportion(t.improved, assessed + t.missingFollowUp + t.missingBaseline),
    goodOutcome: o.goodOutcome ? proportion(t.good, assessed) : null,
  };
}

/** One row over the given patients. */
export function outcomeRow(key: string, patients: readonly TreatedPatient[], o: OutcomeOptions): OutcomeRow {
  const t = emptyTally();
  for (const p of patients) tally(t, p.baseline, p.followUp, p.windowEnd < o.today, o);
  return rowOf(key, t, o);
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
  const tallies = domains.map(emptyDomainTally);
  for (const p of patients) {
    const r = ratings.get(p.courseId);
    const past = p.windowEnd < today;
    tallies.forEach((t) => tallyDomain(t, r?.[t.domain], past));
  }
  return tallies.map(domainRow);
}

interface DomainTally {
  domain: string;
  treated: number;
  assessed: number;
  improved: number;
  unchanged: number;
  worse: number;
  missing: number;
}

const emptyDomainTally = (domain: string): DomainTally => ({
  domain,
  treated: 0,
  assessed: 0,
  improved: 0,
  unchanged: 0,
  worse: 0,
  missing: 0,
});

/** `missing` counts those past the window without a rating (the same rule as the main table). */
function tallyDomain(t: DomainTally, v: number | undefined, past: boolean, n = 1): void {
  t.treated += n;
  if (v === undefined) {
    if (past) t.missing += n;
    return;
  }
  t.assessed += n;
  if (v <= IMPROVED_MAX) t.improved += n;
  else if (v === UNCHANGED) t.unchanged += n;
  else t.worse += n;
}

const domainRow = ({ domain, treated, assessed, improved, unchanged, worse, missing }: DomainTally): DomainRow => ({
  domain,
  treated,
  assessed,
  improved: proportion(improved, assessed),
  unchanged,
  worse,
  missing,
});

/**
 * Treated patients alike in everything the report counts, as the all-groupings read returns them (filters applied in
 * SQL): onset and age bands packed as onset + 5·age (indexes into STRATA_KEYS.onset / .age), stroke type, comorbid
 * (0/1), past the follow-up's window (0/1), baseline total, follow-up total, packed domain ratings (rating r of the
 * k-th packed domain is r·8^k; null: no signed impression), and how many patients share these.
 */
export type PatientGroup = [number, StrokeType, number, number, number | null, number | null, number | null, number];

export type ScreenOptions = Judged & Pick<OutcomeOptions, 'severityBands'>;

export interface OutcomeScreenTables {
  overall: OutcomeRow;
  strata: Record<Stratification, OutcomeRow[]>;
  severityBands: Band[];
  domains: DomainRow[];
}

const GROUPED = ['strokeType', 'onset', 'severity', 'age', 'comorbidity'] as const;

/**
 * Every grouping of the report and the domain table from one pass over the groups of alike patients: the same tallies
 * as outcomeTables/domainTable (each group counted as its patients), so the figures are those of six one-grouping
 * reports. `packedDomains` is the order the ratings were packed in; `domains` the order the table lists them.
 */
export function outcomeScreenTables(
  rows: readonly PatientGroup[],
  o: ScreenOptions,
  domains: readonly string[],
  packedDomains: readonly string[],
): OutcomeScreenTables {
  const baselines: number[] = [];
  for (const r of rows) {
    const baseline = r[4];
    if (baseline !== null) for (let i = 0; i < r[7]; i++) baselines.push(baseline);
  }
  const bands = bandsOf(baselines, o.severityBands);
  const keysOf = (by: (typeof GROUPED)[number]) =>
    by === 'severity' ? [...bands.map((b) => b.key), 'unknown'] : STRATA_KEYS[by];
  const groups = GROUPED.map((by) => new Map(keysOf(by).map((k) => [k, emptyTally()])));
  const [byStroke, byOnset, bySeverity, byAge, byComorbid] = groups;
  const overall = emptyTally();
  const domainTallies = domains.map(emptyDomainTally);
  const places = domains.map((d) => {
    const k = packedDomains.indexOf(d);
    return k < 0 ? 0 : 8 ** k;
  });
  for (const [packedBands, strokeType, comorbid, pastFlag, baseline, followUp, ratings, n] of rows) {
    const past = pastFlag === 1;
    const at = (g: Map<string, Tally> | undefined, key: string | undefined) => {
      const t = key === undefined ? undefined : g?.get(key);
      if (t) tally(t, baseline, followUp, past, o, n);
    };
    tally(overall, baseline, followUp, past, o, n);
    at(byStroke, strokeType);
    at(byOnset, STRATA_KEYS.onset[packedBands % 5]);
    at(bySeverity, bandOf(baseline, bands));
    at(byAge, STRATA_KEYS.age[Math.floor(packedBands / 5)]);
    at(byComorbid, comorbid ? 'any' : 'none');
    domainTallies.forEach((t, d) => {
      const place = places[d] ?? 0;
      const v = ratings === null || place === 0 ? 0 : Math.floor(ratings / place) % 8;
      tallyDomain(t, v === 0 ? undefined : v, past, n);
    });
  }
  const rowsOf = (g: Map<string, Tally> | undefined) => [...(g ?? [])].map(([key, t]) => rowOf(key, t, o));
  return {
    overall: rowOf('all', overall, o),
    strata: {
      none: [],
      strokeType: rowsOf(byStroke),
      onset: rowsOf(byOnset),
      severity: rowsOf(bySeverity),
      age: rowsOf(byAge),
      comorbidity: rowsOf(byComorbid),
    },
    severityBands: bands,
    domains: domainTallies.map(domainRow),
  };
}
