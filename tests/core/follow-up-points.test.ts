// The kept follow-up points (migration 0240) give the worklist the same rows in the same order as computing every
// course's month points on each call did: a seeded ward with assessments (amended ones too), cancelled procedures and
// patients never transplanted, courses discharged on every day of two years and a half, attempts (lost, a later call
// promised, one dated before the latest), then points changed after the fact: a discharge undone, assessments moved
// and removed. Also: the bulk seed's rebuild equals the triggers' table, and the migration's windows are the schedule's.
import { describe, expect, it } from 'vitest';
import { COUNT_CAP, FOLLOW_UP_HORIZON_DAYS, FOLLOW_UP_STATES, type FollowUpWorklist } from '../../db/contract';
import { DERIVED_REBUILDS } from '../../db/seed/bulk';
import { seedAssessmentBenchmark, seedClinic, seedTreatmentBenchmark } from '../../db/seed/generate';
import { addDays } from '../../db/services/assessment-schedule';
import { MONTH_POINTS } from '../../db/services/follow-ups';
import { readable } from '../../db/sqlite/handles';
import { POINTS_AT_240, REBUILD_FOLLOW_UP_POINTS } from '../../db/sqlite/migrations/0240-follow-up-points';
import { computedWorklist } from './follow-up-reference';
import { caller, fixedClock, makeCore } from './support';

const at = (day: string) => `${day}T03:00:00.000Z`;

async function clinic() {
  const clock = fixedClock(at('2026-11-25'));
  const core = makeCore({ clock });
  await seedClinic(core, { inquiries: 30, patients: 60 });
  seedTreatmentBenchmark(core, { procedures: 800, years: 3, bulk: false });
  seedAssessmentBenchmark(core, { itemScores: 10_000, bulk: false });
  const db = core.db;
  const patients = (db.prepare('SELECT id FROM patients ORDER BY id').all() as { id: number }[]).map((r) => r.id);
  const add = db.prepare(
    `INSERT INTO courses (patient_id, status, planned_admission, planned_discharge, discharged_on, planned_transplants,
       planned_routes, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, 6, '["intrathecal"]', '2024-01-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z')`,
  );
  // A course discharged on every day (every month end, every leap day), none of them transplanted; every 17th one
  // cancelled instead, which has no points whatever its dates say.
  let n = 0;
  for (let day = Date.parse('2024-06-01'); day <= Date.parse('2026-12-31'); day += 86_400_000) {
    const d = new Date(day).toISOString().slice(0, 10);
    n += 1;
    add.run(patients[n % patients.length] ?? 1, n % 17 === 0 ? 'cancelled' : 'discharged', d, d, d);
  }
  const staff = (db.prepare("SELECT id FROM accounts WHERE role = 'coordinator' LIMIT 1").get() as { id: number }).id;
  const attempt = db.prepare(
    `INSERT INTO follow_up_contacts (patient_id, course_id, time_point, at, by_id, outcome, next_try_on)
     SELECT patient_id, id, ?, ?, ?, ?, ? FROM courses WHERE id = ?`,
  );
  const courses = (
    db.prepare("SELECT id FROM courses WHERE status = 'discharged' ORDER BY id").all() as { id: number }[]
  ).map((r) => r.id);
  courses.forEach((id, i) => {
    if (i % 7 === 0) attempt.run('m1', at('2026-10-01'), staff, 'no_answer', '2026-12-10', id);
    if (i % 11 === 0) attempt.run('m3', at('2026-09-01'), staff, 'lost_to_follow_up', null, id);
    // Reached later, then an attempt typed in afterwards but dated before it: the later one stays the latest.
    if (i % 13 === 0) {
      attempt.run('m6', at('2026-11-20'), staff, 'reached', null, id);
      attempt.run('m6', at('2026-11-01'), staff, 'lost_to_follow_up', null, id);
    }
    if (i % 19 === 0) attempt.run('m12', at('2026-11-24'), staff, 'no_answer', '2026-11-20', id);
  });
  return { core, clock, courses };
}

const STATE_SETS = [[], ['missed'], ['lost'], ['upcoming'], ['due', 'overdue'], [...FOLLOW_UP_STATES]] as const;

async function expectSame(c: Awaited<ReturnType<typeof clinic>>, days: readonly string[]) {
  const coord = caller(c.core);
  for (const today of days) {
    c.clock.set(at(today));
    await coord.ok('auth.signIn', { username: 'coord.li', password: 'demo-coord-2026' });
    for (const states of STATE_SETS) {
      for (const timePoint of [null, 'm3'] as const) {
        const q = { states: [...states], timePoint };
        const label = `${today} ${states.join(',') || 'open'} ${timePoint ?? 'all'}`;
        const old = computedWorklist(readable(c.core.db), {
          today,
          horizon: addDays(today, FOLLOW_UP_HORIZON_DAYS),
          points: MONTH_POINTS,
          states: states.length === 0 ? ['overdue', 'due', 'upcoming'] : states,
          timePoint,
          limit: 100_000,
          offset: 0,
        });
        const key = (r: { course_id: number; time_point: string; state: string; target: string; to_day: string }) =>
          `${r.course_id} ${r.time_point} ${r.state} ${r.target} ${r.to_day}`;
        const got: string[] = [];
        for (let offset = 0; offset < old.length + 200; offset += 200) {
          const page = await coord.ok<FollowUpWorklist>('followUps.worklist', { ...q, limit: 200, offset });
          const total = old.length;
          expect(page.total, label).toBe(Math.min(total, COUNT_CAP));
          expect(page.capped, label).toBe(total > COUNT_CAP);
          got.push(
            ...page.rows.map((r) =>
              key({ course_id: r.courseId, time_point: r.timePoint, state: r.state, target: r.target, to_day: r.to }),
            ),
          );
          if (offset === 0 && page.rows[0]) {
            expect(page.rows[0].lastAttempt?.id ?? null, label).toBe(old[0]?.last_id ?? null);
            expect(page.rows[0].patientId, label).toBe(old[0]?.patient_id);
          }
        }
        expect(got, label).toEqual(old.map(key));
      }
    }
  }
}

describe('follow_up_points', () => {
  it('lists the same points in the same order as the computed worklist, as the clinic changes', async () => {
    const c = await clinic();
    const { db } = c.core;
    const kinds = db.prepare('SELECT count(*) AS n FROM assessment_versions WHERE n > 1').get() as { n: number };
    expect(kinds.n, 'amended assessments in the seed').toBeGreaterThan(0);
    await expectSame(c, ['2025-02-28', '2026-11-25']);

    // Changed after the fact, by the statements the commands run: a discharge undone and redone on another day,
    // assessments moved to another point or course, removed, added.
    const [a, b, d] = [c.courses[3], c.courses[40], c.courses[100]];
    db.prepare("UPDATE courses SET status = 'admitted', discharged_on = NULL WHERE id = ?").run(a);
    db.prepare("UPDATE courses SET discharged_on = '2026-08-31' WHERE id = ?").run(b);
    const monthly = (from: string, to: string) =>
      db
        .prepare(
          `SELECT a.id FROM assessments a WHERE a.time_point = ? AND a.course_id IS NOT NULL AND NOT EXISTS (
             SELECT 1 FROM assessments b WHERE b.patient_id = a.patient_id AND b.course_id = a.course_id
                AND b.time_point = ? AND b.instrument_id = a.instrument_id) ORDER BY a.id LIMIT 2`,
        )
        .all(from, to) as { id: number }[];
    const [m0, m1] = monthly('m3', 'm6');
    const [m2] = monthly('m1', 'none');
    expect(m1, 'month-point assessments in the seed').toBeDefined();
    if (m0) db.prepare("UPDATE assessments SET time_point = 'm6' WHERE id = ?").run(m0.id);
    if (m1) db.prepare('UPDATE assessments SET course_id = ? WHERE id = ?').run(d, m1.id);
    expect(m2).toBeDefined();
    if (m2) {
      db.prepare('DELETE FROM assessment_versions WHERE assessment_id = ?').run(m2.id);
      db.prepare('DELETE FROM assessments WHERE id = ?').run(m2.id);
    }
    await expectSame(c, ['2026-11-25']);

    // The bulk seed's rebuild makes the same table the triggers kept.
    const table = () => db.prepare('SELECT * FROM follow_up_points ORDER BY course_id, time_point').all();
    const kept = table();
    db.exec(REBUILD_FOLLOW_UP_POINTS);
    expect(table()).toEqual(kept);
    // And so does the bulk seed's faster one (each window worked out once per discharge day).
    db.exec(DERIVED_REBUILDS.follow_up_points ?? '');
    expect(table()).toEqual(kept);
  }, 120_000);

  it("keeps the schedule's month points and windows (a change to them needs a migration that rebuilds the table)", () => {
    expect(POINTS_AT_240.map(([timePoint, months, before, after]) => ({ timePoint, months, before, after }))).toEqual(
      MONTH_POINTS.map(({ timePoint, months, before, after }) => ({ timePoint, months, before, after })),
    );
  });
});
