// The demo clinic's assessments: on each course's real schedule, scored as the definitions score, deterministic.
import { describe, expect, it } from 'vitest';
import {
  type AdverseEvent,
  INSTRUMENTS,
  type HistoryPoint,
  type InstrumentId,
  type ScheduledPoint,
} from '../../db/contract';
import { seedDemoAdverseEvents } from '../../db/seed/adverse-events';
import { writableInTransaction } from '../../db/sqlite/handles';
import { DEMO_SIZE, seedAssessmentBenchmark, seedClinic, seedTreatmentBenchmark } from '../../db/seed/generate';
import { caller, fixedClock, makeCore } from './support';

const NOW = '2026-11-25T03:00:00.000Z';

async function demo(seed: number) {
  const core = makeCore({ clock: fixedClock(NOW) });
  const result = await seedClinic(core, { ...DEMO_SIZE, seed });
  return { core, result };
}

type Core = Awaited<ReturnType<typeof demo>>['core'];

const dump = (core: Core) =>
  JSON.stringify([
    core.db.prepare('SELECT * FROM assessments ORDER BY id').all(),
    core.db.prepare('SELECT * FROM assessment_versions ORDER BY assessment_id, n').all(),
  ]);

describe('demo assessments', () => {
  it('follow the schedule, store what the definitions compute, and come out the same for the same seed', async () => {
    const { core, result } = await demo(1);
    const a = result.assessments;
    expect(a).not.toBeNull();
    if (!a) return;
    expect(a.assessments).toBeGreaterThan(200);
    expect(a.drafts).toBeGreaterThan(0);
    expect(a.amendments).toBeGreaterThan(0);
    expect(a.missed).toBeGreaterThan(0);
    expect(a.outsideWindow).toBeGreaterThan(0);

    // Counts per time point: every course that reached its transplant has a baseline; after-procedure points outnumber
    // baselines (two transplants a course); follow-ups thin out with time (fewer courses are that old, more are missed).
    const perPoint = Object.fromEntries(
      (
        core.db
          .prepare(
            `SELECT time_point AS tp, count(DISTINCT ifnull(procedure_id, course_id)) AS n FROM assessments
              GROUP BY time_point`,
          )
          .all() as { tp: string; n: number }[]
      ).map((r) => [r.tp, r.n]),
    );
    const reached = (
      core.db.prepare("SELECT count(DISTINCT course_id) AS n FROM procedures WHERE status = 'completed'").get() as {
        n: number;
      }
    ).n;
    expect(perPoint.baseline).toBeGreaterThanOrEqual(Math.floor(reached * 0.85));
    expect(perPoint.baseline).toBeLessThanOrEqual(reached + 10);
    expect(perPoint.after_procedure).toBeGreaterThan(perPoint.baseline ?? 0);
    expect(perPoint.discharge).toBeGreaterThan(0);
    expect(perPoint.m1).toBeGreaterThan(0);
    expect(perPoint.m1 ?? 0).toBeGreaterThanOrEqual(perPoint.m12 ?? 0);
    expect(perPoint.discharge ?? 0).toBeGreaterThanOrEqual(perPoint.m3 ?? 0);

    // Assessors are the demo doctors; amendments are second versions with a reason.
    expect(
      core.db.prepare('SELECT DISTINCT ac.role FROM assessments a JOIN accounts ac ON ac.id = a.assessor_id').all(),
    ).toEqual([{ role: 'doctor' }]);
    const amended = core.db.prepare('SELECT n, amend_reason FROM assessment_versions WHERE n > 1').all() as {
      n: number;
      amend_reason: string | null;
    }[];
    expect(amended.length).toBe(a.amendments);
    expect(amended.every((v) => v.n === 2 && (v.amend_reason ?? '').length > 5)).toBe(true);

    // Every signed version stores what its definition computes from its items.
    const signed = core.db
      .prepare(
        `SELECT a.instrument_id AS id, a.instrument_version AS version, v.item_values, v.sum, v.total, v.complete,
                v.subscores
           FROM assessment_versions v JOIN assessments a ON a.id = v.assessment_id WHERE v.status = 'signed'`,
      )
      .all() as {
      id: InstrumentId;
      version: number;
      item_values: string;
      sum: number;
      total: number | null;
      complete: number;
      subscores: string;
    }[];
    expect(signed.length).toBeGreaterThan(150);
    for (const v of signed) {
      const def = INSTRUMENTS.get(v.id, v.version);
      const score = def?.score(JSON.parse(v.item_values) as Record<string, number | string>);
      expect({
        sum: v.sum,
        total: v.total,
        complete: v.complete === 1,
        sub: JSON.parse(v.subscores) as unknown,
      }).toEqual({ sum: score?.sum, total: score?.total, complete: score?.complete, sub: score?.subscores });
    }

    // The core's own schedule agrees: assessed points are done, some closed without one are missed, some late.
    const doctor = caller(core);
    await doctor.ok('auth.signIn', { username: 'dr.zhang', password: 'demo-doctor-2026' });
    const patients = (
      core.db.prepare('SELECT DISTINCT patient_id AS id FROM assessments ORDER BY id').all() as { id: number }[]
    ).map((r) => r.id);
    const states: Record<string, number> = {};
    let late = 0;
    for (const patientId of patients) {
      const points = await doctor.ok<ScheduledPoint[]>('assessments.schedule', { patientId });
      for (const p of points) states[p.state] = (states[p.state] ?? 0) + 1;
      const history = await doctor.ok<HistoryPoint[]>('assessments.forPatient', { patientId });
      late += history.filter((h) => h.outsideWindow === true).length;
      expect(history.every((h) => h.outsideWindow !== null)).toBe(true);
    }
    expect(states.done).toBeGreaterThan(100);
    expect(states.missed).toBeGreaterThan(0);
    expect(late).toBeGreaterThan(0);
    const attached = (
      core.db
        .prepare(
          `SELECT count(*) AS n FROM assessments a LEFT JOIN courses c ON c.id = a.course_id
            WHERE c.id IS NULL OR c.patient_id <> a.patient_id OR a.assessed_on > '2026-11-25'`,
        )
        .get() as { n: number }
    ).n;
    expect(attached).toBe(0);

    // Deterministic: the same seed number gives the same rows; another gives others.
    expect(dump((await demo(1)).core)).toBe(dump(core));
    expect(dump((await demo(2)).core)).not.toBe(dump(core));
  }, 20_000);

  it('fill a benchmark ward with signed assessments up to a number of item scores', async () => {
    const core = makeCore({ clock: fixedClock(NOW) });
    await seedClinic(core, { inquiries: 30, patients: 1100 });
    seedTreatmentBenchmark(core, { procedures: 3000, years: 2 });
    const result = seedAssessmentBenchmark(core, { itemScores: 60_000 });
    const stored = core.db
      .prepare(
        `SELECT count(*) AS versions, sum((SELECT count(*) FROM json_each(item_values))) AS items,
                sum(status = 'draft') AS drafts FROM assessment_versions`,
      )
      .get() as { versions: number; items: number; drafts: number };
    expect(stored).toEqual({ versions: result.versions, items: result.itemScores, drafts: 0 });
    expect(result.itemScores).toBeGreaterThanOrEqual(60_000);
    // Batches of 200 courses: the last one overshoots by less than a batch.
    expect(result.itemScores).toBeLessThan(60_000 + 200 * 600);
    expect(core.db.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
    expect(core.db.pragma('foreign_keys', { simple: true })).toBe(1);
  }, 20_000);
});

describe('demo adverse events', () => {
  const count = (core: Core, q: string) => (core.db.prepare(q).get() as { n: number }).n;
  const done = "FROM procedures p JOIN procedure_types t ON t.id = p.type_id WHERE p.status = 'completed'";

  it('follow completed procedures of the same patient, graded and closed as the rules say, the same per seed', async () => {
    const { core, result } = await demo(1);
    const ae = result.adverseEvents;
    expect(ae).not.toBeNull();
    if (!ae) return;
    const n = (q: string) => count(core, q);
    expect(ae.events).toBeGreaterThan(0);
    expect(n('SELECT count(*) AS n FROM adverse_events')).toBe(ae.events);
    expect(n("SELECT count(*) AS n FROM adverse_events WHERE status = 'open'")).toBe(ae.open);
    // Each follows a completed procedure of the same patient, on or after its day, and not after today.
    const astray = n(
      `SELECT count(*) AS n FROM adverse_events e LEFT JOIN procedures p ON p.id = e.procedure_id
        WHERE p.id IS NULL OR p.patient_id <> e.patient_id OR p.status <> 'completed'
           OR e.onset_on < substr(p.starts_at, 1, 10) OR e.onset_on > '2026-11-25'`,
    );
    expect(astray).toBe(0);
    expect(n('SELECT count(*) AS n FROM adverse_events WHERE (grade >= 3 OR serious) AND follow_up_on IS NULL')).toBe(
      0,
    );

    // The core reads them back in its own shape (outputs are parsed against the contract).
    const doctor = caller(core);
    await doctor.ok('auth.signIn', { username: 'dr.zhang', password: 'demo-doctor-2026' });
    const first = core.db.prepare('SELECT patient_id AS id FROM adverse_events ORDER BY id LIMIT 1').get() as {
      id: number;
    };
    const events = await doctor.ok<AdverseEvent[]>('adverseEvents.forPatient', { patientId: first.id });
    expect(events.length).toBeGreaterThan(0);
    expect((await doctor.ok<AdverseEvent[]>('adverseEvents.open', {})).length).toBe(ae.open);

    const rows = (c: Core) => JSON.stringify(c.db.prepare('SELECT * FROM adverse_events ORDER BY id').all());
    expect(rows((await demo(1)).core)).toBe(rows(core));
    expect(rows((await demo(2)).core)).not.toBe(rows(core));
  }, 30_000);

  it('come at plausible rates and grades over thousands of procedures', async () => {
    // The demo ward has some sixty completed procedures; the rates are checked where there are enough to count.
    const core = makeCore({ clock: fixedClock(NOW) });
    await seedClinic(core, { inquiries: 30, patients: 1100 });
    seedTreatmentBenchmark(core, { procedures: 3000, years: 2 });
    const doctorIds = (
      core.db.prepare("SELECT id FROM accounts WHERE role = 'doctor' AND active = 1").all() as { id: number }[]
    ).map((r) => r.id);
    const ae = core.db
      .transaction(() =>
        seedDemoAdverseEvents({
          w: writableInTransaction(core.db),
          timeZone: 'Asia/Shanghai',
          today: '2026-11-25',
          doctorIds,
          seed: 3,
        }),
      )
      .immediate();
    const n = (q: string) => count(core, q);
    const punctures = n(`SELECT count(*) AS n ${done} AND t.code = 'lumbar_puncture'`);
    const procedures = n(`SELECT count(*) AS n ${done}`);
    expect(punctures).toBeGreaterThan(500);
    // About one lumbar puncture in ten gives a headache, one procedure in twenty a fever; the rest are rare.
    expect(ae.byCategory.post_lp_headache / punctures).toBeGreaterThan(0.07);
    expect(ae.byCategory.post_lp_headache / punctures).toBeLessThan(0.13);
    expect(ae.byCategory.fever / procedures).toBeGreaterThan(0.03);
    expect(ae.byCategory.fever / procedures).toBeLessThan(0.07);
    expect(ae.byCategory.infection + ae.byCategory.seizure).toBeGreaterThan(0);
    expect(ae.byCategory.infection + ae.byCategory.seizure).toBeLessThan(procedures * 0.025);
    expect(ae.byCategory.other).toBe(0);
    // Mostly grade 1–2 and resolved; a few grade 3 or serious, each with a follow-up date; a few still open.
    expect(n('SELECT count(*) AS n FROM adverse_events WHERE grade <= 2')).toBeGreaterThan(ae.events * 0.85);
    expect(ae.severe).toBeGreaterThan(0);
    expect(n('SELECT count(*) AS n FROM adverse_events WHERE (grade >= 3 OR serious) AND follow_up_on IS NULL')).toBe(
      0,
    );
    expect(ae.open).toBeGreaterThan(0);
    expect(ae.open).toBeLessThan(ae.events * 0.15);
    expect(core.db.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
  }, 30_000);
});
