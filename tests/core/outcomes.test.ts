// The outcomes report on a tiny real clinic with every number worked by hand: proportions and Wilson intervals,
// missing follow-ups counted, strata that add up, filters, first treated course, thresholds as settings, roles.
import { beforeEach, describe, expect, it } from 'vitest';
import type { OutcomeReport, Stratification } from '../../db/contract';
import { STRATIFICATIONS } from '../../db/contract';
import { signedTotalsSql, treatedCoursesSql } from '../../db/repos/outcomes';
import { monthsBetween, severityBands } from '../../db/reports/outcomes';
import type { Core } from '../../db/services/core';
import { type TinyPatient, TinyClinic } from './outcomes-support';
import { type Caller, fixedClock, makeCore, staff } from './support';

const BARTHEL_M3 = { instrument: 'barthel', timePoint: 'm3' } as const;
const later = { firstTransplant: '2026-09-20', discharge: '2026-10-01' };

let core: Core;
let doctor: Caller;
let coordinator: Caller;
let admin: Caller;
let clinic: TinyClinic;

const barthel = (baseline: number | null, m3: number | null): Record<string, Record<string, number>> => ({
  barthel: { ...(baseline === null ? {} : { baseline }), ...(m3 === null ? {} : { m3 }) },
});

/** 16 treated: 10 assessed (7 improved by ≥ 10), 3 past the window without m3, 1 without baseline, 2 not yet due. */
function buildClinic(): void {
  const changes: [number, TinyPatient][] = [
    [20, { onset: '2025-12-01', birth: '1990', transplants: 2 }],
    [15, { onset: '2025-06', birth: '1950-01', strokeType: 'hemorrhagic', transplants: 2 }],
    [10, { onset: '2020', birth: null, comorbidities: ['diabetes'], transplants: 2 }],
    [10, { onset: null, birth: '1980-03-03', transplants: 3 }],
    [25, {}],
    [30, {}],
    [10, {}],
    [5, { strokeType: 'hemorrhagic' }],
    [0, {}],
    [-5, { strokeType: 'unknown' }],
  ];
  changes.forEach(([change, p], i) => {
    const ratings = [
      { 'muscle-tension': 1, standing: 4 },
      { 'muscle-tension': 5, standing: 2 },
    ][i];
    const scores: NonNullable<TinyPatient['scores']> = barthel(40, 40 + change);
    if (ratings) scores.improvement = { m3: ratings };
    const { patientId } = clinic.patient({ ...p, scores });
    // A second, later treated course that got worse: the report reads each patient's FIRST treated course only.
    if (i === 0) clinic.course(patientId, { ...later, scores: barthel(60, 30) });
  });
  for (let i = 0; i < 3; i++) clinic.patient({ scores: barthel(40, null) });
  clinic.patient({ scores: barthel(null, 50) });
  for (let i = 0; i < 2; i++) clinic.patient({ ...later, scores: barthel(40, null) });
}

const report = (c: Caller, extra: Record<string, unknown> = {}) =>
  c.ok<OutcomeReport>('reports.outcomes', { ...BARTHEL_M3, ...extra });

beforeEach(async () => {
  core = makeCore({ clock: fixedClock('2026-11-25T03:00:00.000Z') });
  const s = await staff(core);
  ({ doctor, coordinator, admin } = s);
  clinic = new TinyClinic(core, s.ids.doctor);
});

describe('outcomes report', () => {
  it('counts n improved / n assessed with the Wilson interval, the spread, and who is missing', async () => {
    buildClinic();
    const r = await report(doctor);
    const o = r.overall;
    expect(r.threshold).toBe(10);
    expect(r.asOf).toBe('2026-11-25');
    expect(o.treated).toBe(16);
    expect(o.assessed).toBe(10);
    expect(o.improved.k).toBe(7);
    expect(o.improved.ci?.low).toBeCloseTo(0.397, 3);
    expect(o.improved.ci?.high).toBeCloseTo(0.892, 3);
    expect([o.missingFollowUp, o.missingBaseline, o.notYetDue]).toEqual([3, 1, 2]);
    // Changes −5 0 5 10 10 10 15 20 25 30: mean 12, median 10, quartiles 6.25 and 18.75 (type 7), SD √(1060/9).
    expect(o.change.mean).toBeCloseTo(12, 9);
    expect(o.change.median).toBe(10);
    expect(o.change.q1).toBeCloseTo(6.25, 9);
    expect(o.change.q3).toBeCloseTo(18.75, 9);
    expect(o.change.sd).toBeCloseTo(Math.sqrt(1060 / 9), 9);
    // The missing counted as not improved: 7 of 14, Wilson 0.268–0.732.
    expect([o.sensitivity.k, o.sensitivity.n]).toEqual([7, 14]);
    expect(o.sensitivity.ci?.low).toBeCloseTo(0.268, 3);
    expect(o.sensitivity.ci?.high).toBeCloseTo(0.732, 3);
    expect(o.goodOutcome).toBeNull();
  });

  it('stratifies so that every stratification adds up to the whole group', async () => {
    buildClinic();
    const whole = (await report(doctor)).overall;
    for (const by of STRATIFICATIONS.filter((s): s is Exclude<Stratification, 'none'> => s !== 'none')) {
      const r = await report(doctor, { stratifyBy: by });
      const sum = (f: (row: OutcomeReport['overall']) => number) => r.strata.reduce((s, row) => s + f(row), 0);
      expect(
        sum((x) => x.treated),
        by,
      ).toBe(whole.treated);
      expect(
        sum((x) => x.assessed),
        by,
      ).toBe(whole.assessed);
      expect(
        sum((x) => x.improved.k),
        by,
      ).toBe(whole.improved.k);
      expect(
        sum((x) => x.missingFollowUp),
        by,
      ).toBe(whole.missingFollowUp);
      expect(
        sum((x) => x.missingBaseline),
        by,
      ).toBe(whole.missingBaseline);
      expect(
        sum((x) => x.notYetDue),
        by,
      ).toBe(whole.notYetDue);
    }
  });

  it('puts patients in the onset, age, stroke type and comorbidity bands worked by hand', async () => {
    buildClinic();
    const rows = async (by: Stratification) =>
      Object.fromEntries(
        (await report(doctor, { stratifyBy: by })).strata.map((x) => [x.key, [x.treated, x.improved.k, x.assessed]]),
      );
    // Onset to first transplant (2026-03-02): 2025-12-01 → 3 months; 2025-06 (read as the 15th) → 8; 2020 → > 2 years.
    expect(await rows('onset')).toEqual({
      lt6m: [1, 1, 1],
      '6to12m': [1, 1, 1],
      '1to2y': [12, 3, 6],
      gt2y: [1, 1, 1],
      unknown: [1, 1, 1],
    });
    // Born 1990 (read as 1 July) → 35; 1950-01 → 76; 1980-03-03 → 45 (a day short of 46); the rest 1960-05-05 → 65.
    expect(await rows('age')).toEqual({
      lt40: [1, 1, 1],
      '40to59': [1, 1, 1],
      '60to74': [12, 3, 6],
      ge75: [1, 1, 1],
      unknown: [1, 1, 1],
    });
    expect(await rows('strokeType')).toEqual({ ischemic: [13, 6, 7], hemorrhagic: [2, 1, 2], unknown: [1, 0, 1] });
    expect(await rows('comorbidity')).toEqual({ none: [15, 6, 9], any: [1, 1, 1] });
    // Barthel's published bands (Shah 1989): every baseline is 40 (21–60); the one without a baseline is "unknown".
    const severity = await rows('severity');
    expect(severity['21-60']).toEqual([15, 7, 10]);
    expect(severity.unknown).toEqual([1, 0, 0]);
  });

  it('filters by number of transplants and by treatment period', async () => {
    buildClinic();
    const two = (await report(doctor, { transplants: '2' })).overall;
    expect([two.treated, two.assessed, two.improved.k]).toEqual([3, 3, 3]);
    const three = (await report(doctor, { transplants: '3+' })).overall;
    expect([three.treated, three.improved.k]).toEqual([1, 1]);
    const autumn = (await report(doctor, { from: '2026-09-01', to: '2026-12-31' })).overall;
    expect([autumn.treated, autumn.assessed, autumn.notYetDue]).toEqual([2, 0, 2]);
    expect(autumn.improved.ci).toBeNull();
    const spring = (await report(doctor, { to: '2026-03-31' })).overall;
    expect(spring.treated).toBe(14);
  });

  it('reads the threshold from the settings an admin saves', async () => {
    buildClinic();
    expect((await admin.ok('reports.thresholds')) as Record<string, number>).toMatchObject({ barthel: 10, nihss: 4 });
    const saved = await admin.ok<Record<string, number>>('reports.saveThresholds', {
      nihss: 4,
      mrs: 1,
      barthel: 15,
      'fm-ue': 9,
      'fm-le': 6,
      berg: 6,
    });
    expect(saved.barthel).toBe(15);
    const r = await report(doctor);
    expect(r.threshold).toBe(15);
    expect([r.overall.improved.k, r.overall.assessed]).toEqual([4, 10]);
    const refused = await doctor.call('reports.saveThresholds', { ...saved, barthel: 5 });
    expect(refused.ok ? null : refused.error.code).toBe('FORBIDDEN');
    const zero = await admin.call('reports.saveThresholds', { ...saved, barthel: 0 });
    expect(zero.ok ? null : zero.error.code).toBe('VALIDATION');
  });

  it('is for doctors and coordinators', async () => {
    buildClinic();
    expect((await report(coordinator)).overall.assessed).toBe(10);
    const r = await admin.call('reports.outcomes', BARTHEL_M3);
    expect(r.ok ? null : r.error.code).toBe('FORBIDDEN');
  });

  it('tabulates the global impression per domain with the same treated group', async () => {
    buildClinic();
    const r = await report(doctor);
    const tension = r.domains.find((d) => d.domain === 'muscle-tension');
    const standing = r.domains.find((d) => d.domain === 'standing');
    expect(r.domains).toHaveLength(9);
    // 16 treated; 2 rated; 2 not yet due; so 12 past the window without a rating.
    expect(tension).toMatchObject({ treated: 16, assessed: 2, unchanged: 0, worse: 1, missing: 12 });
    expect(tension?.improved.k).toBe(1);
    expect(standing).toMatchObject({ assessed: 2, unchanged: 1, worse: 0 });
    expect(standing?.improved.k).toBe(1);
  });

  it('judges NIHSS downwards in its published severity bands, and mRS good outcome (0–2)', async () => {
    for (const [b, m] of [
      [3, 1],
      [10, 5],
      [18, 14],
      [25, 25],
    ] as const)
      clinic.patient({ scores: { nihss: { baseline: b, m3: m } } });
    const n = await doctor.ok<OutcomeReport>('reports.outcomes', {
      instrument: 'nihss',
      timePoint: 'm3',
      stratifyBy: 'severity',
    });
    expect([n.overall.improved.k, n.overall.assessed]).toEqual([2, 4]);
    expect(n.strata.map((s) => [s.key, s.improved.k, s.assessed])).toEqual([
      ['0-4', 0, 1],
      ['5-15', 1, 1],
      ['16-20', 1, 1],
      ['21-42', 0, 1],
      ['unknown', 0, 0],
    ]);
    for (const [b, m] of [
      [4, 2],
      [3, 3],
      [5, 4],
    ] as const)
      clinic.patient({ scores: { mrs: { baseline: b, m3: m } } });
    const mrs = await doctor.ok<OutcomeReport>('reports.outcomes', { instrument: 'mrs', timePoint: 'm3' });
    expect([mrs.overall.improved.k, mrs.overall.assessed]).toEqual([2, 3]);
    expect([mrs.overall.goodOutcome?.k, mrs.overall.goodOutcome?.n]).toEqual([1, 3]);
  });
});

describe('outcome helpers', () => {
  it('counts whole months between partial dates read at their middle', () => {
    expect(monthsBetween('2025-12-01', '2026-03-02')).toBe(3);
    expect(monthsBetween('2025-06', '2026-03-02')).toBe(8);
    expect(monthsBetween('1980-03-03', '2026-03-02')).toBe(45 * 12 + 11);
  });

  it('draws tertiles of the baseline totals when an instrument has no published bands', () => {
    const p = (baseline: number | null) => ({ baseline }) as Parameters<typeof severityBands>[0][number];
    const bands = severityBands([1, 2, 3, 4, 5, 6, 7, 8, 9, null].map(p), null);
    expect(bands).toEqual([
      { key: '1-3', min: 1, max: 3 },
      { key: '4-6', min: 4, max: 6 },
      { key: '7-9', min: 7, max: 9 },
    ]);
  });
});

describe('outcome reads', () => {
  it('read one instrument at one time point from its own index, not by scanning patients', () => {
    const { db } = makeCore();
    const q = signedTotalsSql('barthel', 'm3');
    const plan = (db.prepare(`EXPLAIN QUERY PLAN ${q.text}`).all(...q.values) as { detail: string }[])
      .map((r) => r.detail)
      .join(' | ');
    expect(plan).toContain('USING COVERING INDEX assessments_outcomes');
    db.close();
  });

  it('reads the treated group in one scan of outcome_treated, never touching procedures or the wide patient rows', () => {
    const { db } = makeCore();
    const q = treatedCoursesSql(480);
    const plan = (db.prepare(`EXPLAIN QUERY PLAN ${q.text}`).all(...q.values) as { detail: string }[]).map(
      (r) => r.detail,
    );
    expect(plan).toEqual(['SCAN outcome_treated']);
    db.close();
  });
});
