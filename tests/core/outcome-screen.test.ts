// The outcomes screen's one call (every grouping from outcome_values and the stored bands, migration 0210) against a
// straightforward recomputation from the raw item rows, on a seeded clinic with amendments, drafts and missed points.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  IMPROVEMENT_V1,
  INSTRUMENTS,
  type ItemValues,
  OUTCOME_INSTRUMENTS,
  type OutcomeScreen,
  type OutcomeTimePoint,
  STRATIFICATIONS,
} from '../../db/contract';
import * as repo from '../../db/repos/outcomes';
import { insertVersion, signVersion } from '../../db/repos/assessments';
import { SEVERITY_BANDS, applyFilters, domainTable, outcomeTables } from '../../db/reports/outcomes';
import { seedAssessmentBenchmark, seedClinic, seedTreatmentBenchmark } from '../../db/seed/generate';
import { clinicToday } from '../../db/services/clinic-time';
import type { Core } from '../../db/services/core';
import { type TotalsReader, treatedPatients } from '../../db/services/outcomes';
import { bulkWritable } from '../../db/sqlite/handles';
import { REBUILD_OUTCOME_VALUES } from '../../db/sqlite/migrations/0210-outcome-values';
import { type Caller, fixedClock, makeCore, staff } from './support';

/** Course id → total by parsing each signed item map and scoring it with its own definition version. */
const rawTotals: TotalsReader = (db, id, timePoint) => {
  const instrument = id as (typeof OUTCOME_INSTRUMENTS)[number];
  const rows = db
    .prepare(
      `SELECT a.course_id AS courseId, a.instrument_version AS version, v.item_values AS items FROM assessments a
         JOIN assessment_versions v ON v.assessment_id = a.id AND v.n = a.signed_n
        WHERE a.instrument_id = ? AND a.time_point = ? AND a.course_id IS NOT NULL`,
    )
    .all(instrument, timePoint) as { courseId: number; version: number; items: string }[];
  const out = new Map<number, number>();
  for (const r of rows) {
    const def = INSTRUMENTS.get(instrument, r.version) ?? INSTRUMENTS.latest(instrument);
    const total = def.score(JSON.parse(r.items) as ItemValues).total;
    if (total !== null) out.set(r.courseId, total);
  }
  return out;
};

type Filters = { from: string | null; to: string | null; transplants: 'any' | '1' | '2' | '3+' };

/** The report as the one-grouping code computes it, once per grouping, from the raw rows. */
function fromRawRows(
  core: Core,
  instrument: (typeof OUTCOME_INSTRUMENTS)[number],
  point: OutcomeTimePoint,
  f: Filters,
) {
  const patients = treatedPatients(core, instrument, point, rawTotals);
  const ratings = repo.signedRatings(core.db, point);
  const def = INSTRUMENTS.latest(instrument);
  const today = clinicToday(core);
  const strata = Object.fromEntries(
    STRATIFICATIONS.map((stratifyBy) => {
      const o = {
        better: def.better,
        threshold: { nihss: 4, mrs: 1, barthel: 10, 'fm-ue': 9, 'fm-le': 6, berg: 6 }[instrument],
        goodOutcome: def.goodOutcome,
        severityBands: SEVERITY_BANDS[instrument] ?? null,
        stratifyBy,
        today,
        ...f,
      };
      return [stratifyBy, { tables: outcomeTables(patients, o), o }];
    }),
  );
  const none = strata.none;
  if (!none) throw new Error('no overall');
  const domains = IMPROVEMENT_V1.items.map((i) => i.code);
  return {
    overall: none.tables.overall,
    severityBands: none.tables.severityBands,
    strata: Object.fromEntries(Object.entries(strata).map(([k, v]) => [k, v.tables.strata])),
    domains: domainTable(applyFilters(patients, none.o), ratings, domains, today),
  };
}

let core: Core;
let doctor: Caller;

beforeAll(async () => {
  core = makeCore({ clock: fixedClock('2026-11-25T03:00:00.000Z') });
  const s = await staff(core);
  doctor = s.doctor;
  await seedClinic(core, { inquiries: 30, patients: 200 });
  seedTreatmentBenchmark(core, { procedures: 600, years: 2 });
  const seeded = seedAssessmentBenchmark(core, { itemScores: 12_000 });
  expect(seeded.amendments).toBeGreaterThan(0);
  // Global impressions for some courses at m3 (the seed writes none), one of them amended: signed by the repo's own
  // sign path, which the triggers follow.
  const courses = core.db
    .prepare(
      `SELECT a.id, a.patient_id AS patientId, a.course_id AS courseId FROM assessments a
        WHERE a.instrument_id = 'barthel' AND a.time_point = 'm3' AND a.signed_n IS NOT NULL ORDER BY a.id LIMIT 40`,
    )
    .all() as { id: number; patientId: number; courseId: number }[];
  const meta = { at: '2026-06-01T00:00:00.000Z', by: s.ids.doctor };
  const w = bulkWritable(core.db);
  courses.forEach((c, i) => {
    const id = Number(
      core.db
        .prepare(
          `INSERT INTO assessments (patient_id, course_id, time_point, instrument_id, instrument_version, mode,
             assessor_id, assessed_on, created_by, created_at) VALUES (?, ?, 'm3', 'improvement', 1, 'in_person', ?,
             '2026-06-01', ?, ?)`,
        )
        .run(c.patientId, c.courseId, s.ids.doctor, s.ids.doctor, meta.at).lastInsertRowid,
    );
    const values = Object.fromEntries(
      IMPROVEMENT_V1.items.flatMap((item, k) => (k === i % 9 ? [] : [[item.code, 1 + ((i + k) % 7)]])),
    );
    const score = { sum: 0, total: null, complete: true, subscores: {} };
    insertVersion(w, id, 1, { values, notes: {}, amendReason: null }, meta);
    signVersion(w, id, 1, score, meta);
    if (i % 5 === 0) {
      insertVersion(w, id, 2, { values: { ...values, standing: 7 }, notes: {}, amendReason: 'Misread' }, meta);
      signVersion(w, id, 2, score, meta);
    }
  });
});

describe('outcomes screen', () => {
  it('gives, for every grouping, the figures recomputed from the raw item rows', async () => {
    const cases: [(typeof OUTCOME_INSTRUMENTS)[number], OutcomeTimePoint, Filters][] = [
      ['barthel', 'm3', { from: null, to: null, transplants: 'any' }],
      ['nihss', 'm6', { from: null, to: null, transplants: 'any' }],
      ['mrs', 'discharge', { from: null, to: null, transplants: '2' }],
      ['fm-ue', 'm3', { from: '2025-06-01', to: '2026-03-31', transplants: 'any' }],
    ];
    for (const [instrument, timePoint, f] of cases) {
      const screen = await doctor.ok<OutcomeScreen>('reports.outcomeScreen', { instrument, timePoint, ...f });
      const raw = fromRawRows(core, instrument, timePoint, f);
      expect(screen.overall.assessed).toBeGreaterThan(0);
      expect({ ...screen, instrument: undefined, timePoint: undefined }).toMatchObject(raw);
      expect(screen.strata).toEqual(raw.strata);
      expect(screen.domains).toEqual(raw.domains);
    }
    const barthel = await doctor.ok<OutcomeScreen>('reports.outcomeScreen', { instrument: 'barthel', timePoint: 'm3' });
    expect(barthel.overall.missingFollowUp).toBeGreaterThan(0);
    expect(barthel.overall.missingBaseline + barthel.overall.notYetDue).toBeGreaterThanOrEqual(0);
    expect(barthel.domains.every((d) => d.assessed > 0 && d.missing > 0)).toBe(true);
  });

  it('keeps outcome_values as a rebuild from every signed assessment would (amendments read at their latest)', () => {
    const dump = () => core.db.prepare('SELECT * FROM outcome_values ORDER BY 1, 2, 3').all();
    const kept = dump();
    core.db.exec(REBUILD_OUTCOME_VALUES);
    expect(dump()).toEqual(kept);
    const amended = core.db
      .prepare("SELECT count(*) AS n FROM assessments WHERE signed_n > 1 AND instrument_id <> 'improvement'")
      .get() as { n: number };
    expect(amended.n).toBeGreaterThan(0);
  });

  it('reads one scan of outcome_treated with keyed reads of outcome_values, never the assessment rows', () => {
    const q = repo.outcomeGroupsSql({
      instrument: 'barthel',
      timePoint: 'm3',
      offsetMinutes: 480,
      notPastFrom: '2026-08-01',
      from: null,
      to: null,
      minTransplants: 0,
      maxTransplants: 9,
    });
    const plan = (core.db.prepare(`EXPLAIN QUERY PLAN ${q.text}`).all(...q.values) as { detail: string }[]).map(
      (r) => r.detail,
    );
    expect(plan.filter((d) => /^(SCAN|SEARCH)/.test(d))).toEqual([
      'SCAN t',
      expect.stringMatching(/^SEARCH b USING PRIMARY KEY/),
      expect.stringMatching(/^SEARCH f USING PRIMARY KEY/),
      expect.stringMatching(/^SEARCH r USING PRIMARY KEY/),
    ]);
  });
});
