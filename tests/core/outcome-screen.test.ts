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
import { putSetting } from '../../db/repos/settings';
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

  it('gives the same figures in a zone behind UTC and one far ahead (first transplant on the day before or after)', async () => {
    const w = bulkWritable(core.db);
    try {
      for (const zone of ['America/Los_Angeles', 'Pacific/Kiritimati']) {
        putSetting(w, 'clinic.timeZone', zone);
        for (const [instrument, timePoint] of [
          ['barthel', 'm3'],
          ['nihss', 'discharge'],
        ] as const) {
          const f: Filters = { from: null, to: null, transplants: 'any' };
          const screen = await doctor.ok<OutcomeScreen>('reports.outcomeScreen', { instrument, timePoint, ...f });
          const raw = fromRawRows(core, instrument, timePoint, f);
          expect(screen.overall).toEqual(raw.overall);
          expect(screen.strata).toEqual(raw.strata);
          expect(screen.domains).toEqual(raw.domains);
        }
      }
    } finally {
      putSetting(w, 'clinic.timeZone', 'Asia/Shanghai');
    }
  });

  it('groups exactly as one grouped join of every treated patient would, for any band choice and filter', () => {
    // The reference: the single statement the two reads replaced (every treated patient joined, then grouped).
    const reference = (q: repo.FactsQuery) =>
      core.db
        .prepare(
          `SELECT CASE WHEN t.first_minute + :off < 0 THEN t.bands_prev
                       WHEN t.first_minute + :off >= 1440 THEN t.bands_next ELSE t.bands_same END,
                  t.stroke_type, t.comorbid, t.discharge < :past, b.value, f.value, r.value, count(*)
             FROM outcome_treated t
             LEFT JOIN outcome_values b ON b.instrument_id = :i AND b.time_point = 'baseline' AND b.course_id = t.course_id
             LEFT JOIN outcome_values f ON f.instrument_id = :i AND f.time_point = :tp AND f.course_id = t.course_id
             LEFT JOIN outcome_values r
               ON r.instrument_id = 'improvement' AND r.time_point = :tp AND r.course_id = t.course_id
            WHERE t.live = 1 AND t.transplants BETWEEN :lo AND :hi
              AND (:from IS NULL OR date(t.first_at, :shift) >= :from) AND (:to IS NULL OR date(t.first_at, :shift) <= :to)
            GROUP BY 1, 2, 3, 4, 5, 6, 7`,
        )
        .raw()
        .all({
          off: q.offsetMinutes,
          past: q.notPastFrom,
          i: q.instrument,
          tp: q.timePoint,
          lo: q.minTransplants,
          hi: q.maxTransplants,
          from: q.from,
          to: q.to,
          shift: `${q.offsetMinutes >= 0 ? '+' : ''}${q.offsetMinutes} minutes`,
        });
    const sorted = (rows: unknown[]) => rows.map((r) => JSON.stringify(r)).sort();
    core.db.exec('BEGIN');
    try {
      // Bands that differ on the day before and after (the seed's rarely do), and first transplants at every hour.
      core.db.exec(`UPDATE outcome_treated SET bands_prev = (bands_same + 7) % 25, bands_next = (bands_same + 13) % 25,
                      first_minute = (patient_id * 97) % 1440`);
      const base = {
        instrument: 'barthel',
        timePoint: 'm3',
        from: null,
        to: null,
        minTransplants: 0,
        maxTransplants: 9,
      };
      const cases: repo.FactsQuery[] = [-480, 0, 330, 480, 840].flatMap((offsetMinutes) => [
        { ...base, offsetMinutes, notPastFrom: '2026-06-01' },
        { ...base, offsetMinutes, notPastFrom: '2025-01-01', instrument: 'nihss', timePoint: 'discharge' },
        { ...base, offsetMinutes, notPastFrom: '2026-06-01', from: '2025-06-01', to: '2026-03-31', minTransplants: 2 },
      ]);
      for (const q of cases) {
        const groups = repo.outcomeGroups(core.db, q);
        expect(sorted(groups)).toEqual(sorted(reference(q)));
        expect(groups.some((g) => g[4] === null && g[5] === null && g[6] === null)).toBe(true);
      }
    } finally {
      core.db.exec('ROLLBACK');
    }
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

  it('counts everyone along a covering index and joins only the assessed, never the assessment rows', () => {
    const q = {
      instrument: 'barthel',
      timePoint: 'm3',
      offsetMinutes: 480,
      notPastFrom: '2026-08-01',
      from: '2025-01-01',
      to: null,
      minTransplants: 0,
      maxTransplants: 9,
    };
    const plan = (s: { text: string; values: readonly unknown[] }) =>
      (core.db.prepare(`EXPLAIN QUERY PLAN ${s.text}`).all(...s.values) as { detail: string }[]).map((r) => r.detail);
    // Everyone: one range of the covering index, grouped in its order (no temporary b-tree).
    expect(plan(repo.treatedCountsSql(q))).toEqual(['SEARCH t USING COVERING INDEX outcome_treated_groups (live=?)']);
    // The assessed: outcome_values' own ranges, each reached by its course, three keyed reads.
    const assessed = plan(repo.assessedGroupsSql(q)).filter((d) => /^(SCAN|SEARCH)/.test(d));
    expect(assessed).toEqual([
      expect.stringMatching(/^SEARCH outcome_values USING PRIMARY KEY \(instrument_id=\? AND time_point=\?\)/),
      expect.stringMatching(/^SEARCH outcome_values USING PRIMARY KEY \(instrument_id=\? AND time_point=\?\)/),
      'SCAN a',
      'SEARCH t USING INDEX outcome_treated_by_course (course_id=?)',
      expect.stringMatching(/^SEARCH b USING PRIMARY KEY/),
      expect.stringMatching(/^SEARCH f USING PRIMARY KEY/),
      expect.stringMatching(/^SEARCH r USING PRIMARY KEY/),
    ]);
  });
});
