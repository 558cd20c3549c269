// The clinic's numbers from the kept tables (migration 0270) equal the numbers the by-row queries gave before, on a
// seeded clinic and after each kind of change a clinic makes; the kept tables equal their rebuilds; and the new
// statements read no big table whole at the 10-year size (EXPLAIN QUERY PLAN).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ClinicNumbers } from '../../db/contract';
import { seedClinic } from '../../db/seed/generate';
import { clinicNumbersWith } from '../../db/services/clinic-numbers';
import type { Core } from '../../db/services/core';
import * as repo from '../../db/repos/clinic-numbers';
import {
  REBUILD_FOLLOW_UP_POINT_DAYS,
  REBUILD_PROCEDURE_TALLIES,
  REBUILD_TREATED_SPANS,
} from '../../db/sqlite/migrations/0270-clinic-numbers';
import { REBUILD_PROCEDURE_MONTH_TALLIES } from '../../db/sqlite/migrations/0310-inquiry-funnel';
import { baselineClinicNumbers } from '../bench/clinic-numbers-baseline';
import { atScale, planOf, slowSteps, statementsOf } from './plans';
import { fixedClock, makeCore } from './support';

const PERIODS = [
  { from: null, to: null },
  { from: '2026-01-01', to: '2026-12-31' },
  { from: '2025-06-01', to: '2026-02-28' },
  { from: '2026-11-01', to: '2026-11-30' },
] as const;

let core: Core;
beforeEach(async () => {
  core = makeCore({ clock: fixedClock('2026-11-25T03:00:00.000Z') });
  await seedClinic(core, { inquiries: 150, patients: 120, seed: 5 });
});
afterEach(() => core.db.close());

const numbers = (p: { from: string | null; to: string | null }): ClinicNumbers => clinicNumbersWith(core, p, repo);
const expectSame = () => {
  for (const p of PERIODS) expect({ p, n: numbers(p) }).toEqual({ p, n: baselineClinicNumbers(core, p) });
};
const run = (text: string, ...values: unknown[]) => core.db.prepare(text).run(...values);
const one = <T>(text: string): T => core.db.prepare(text).get() as T;

/** The plan steps of a statement that read a big table other than by key or a covering index range. */
function slowReads(text: string, params: unknown[]): string[] {
  const plan = planOf(core.db, text, params);
  // The kept tables are small (a row per quarter hour, treated patient, point and day); adverse events are few.
  const slow = slowSteps(plan, {
    scannable: [
      'procedure_tallies',
      'treated_spans',
      't',
      'follow_up_point_days',
      'adverse_events',
      'e',
      'base',
      'keyed',
      'groups',
      'ranked',
      'medians',
      'picked',
      'g',
      'm',
      'd',
      'v',
      'done',
      'events',
      'treated',
      'top_countries',
      'cells',
      'inquiry_funnel_months',
      'buckets',
      'tallies',
      'procedure_month_tallies',
    ],
    sorts: 'allowed',
  });
  const big = plan.filter((d) => /\b(procedures|inquiries|courses|follow_up_points|inquiry_status_changes)\b/.test(d));
  const ok =
    /^SEARCH .* USING (COVERING INDEX|INTEGER PRIMARY KEY|INDEX \w+ \(\w+=\?)|^SCAN courses USING COVERING INDEX/;
  return [...slow, ...big.filter((d) => !ok.test(d))];
}

describe('clinic numbers from the kept tables', () => {
  it('equal the by-row figures after the seed and after every kind of change', () => {
    const seeded = numbers({ from: null, to: null });
    expect(seeded.patientsTreated).toBeGreaterThan(5);
    expect(seeded.proceduresByMonth.length).toBeGreaterThan(3);
    expect(seeded.followUp.some((f) => f.closed > 0)).toBe(true);
    expect(seeded.funnel.total.inquiries).toBe(150);
    expectSame();

    // Complete a booked slot; cancel a completed one; move one across a month's end (clinic-local) and change its type.
    const booked = one<{ id: number; starts_at: string }>("SELECT * FROM procedures WHERE status = 'scheduled'");
    run(
      "UPDATE procedures SET status = 'completed', lot_number = 'L', performed_start = starts_at WHERE id = ?",
      booked.id,
    );
    expectSame();
    const done = one<{ id: number; patient_id: number }>(
      "SELECT * FROM procedures WHERE status = 'completed' ORDER BY starts_at",
    );
    run("UPDATE procedures SET status = 'cancelled', lot_number = NULL WHERE id = ?", done.id);
    expectSame();
    const moved = one<{ id: number }>("SELECT * FROM procedures WHERE status = 'completed' ORDER BY starts_at DESC");
    run(
      "UPDATE procedures SET starts_at = '2026-10-31T16:05:00.000Z', type_id = (SELECT max(id) FROM procedure_types) WHERE id = ?",
      moved.id,
    );
    expectSame();
    run("UPDATE procedures SET starts_at = '2026-10-31T15:55:00.000Z' WHERE id = ?", moved.id);
    expectSame();
    run(
      "UPDATE procedures SET status = 'no_show' WHERE id = (SELECT min(id) FROM procedures WHERE status = 'scheduled')",
    );
    run(
      "UPDATE procedures SET status = 'postponed' WHERE id = (SELECT max(id) FROM procedures WHERE status = 'scheduled')",
    );
    expectSame();

    // An adverse event linked to a completed procedure, and one unlinked, in the period; one of them graded again.
    const ae = one<{ id: number; patient_id: number }>(
      "SELECT id, patient_id FROM procedures WHERE status = 'completed'",
    );
    run(
      `INSERT INTO adverse_events (patient_id, procedure_id, onset_on, description, category, grade, serious,
         relatedness, outcome, status, resolved_on, reported_by, reported_at, updated_at)
       SELECT ?, ?, '2026-03-02', 'd', 'fever', 3, 0, 'possible', 'recovered', 'resolved', '2026-03-09', id, '2026-03-02T00:00:00Z',
              '2026-03-02T00:00:00Z' FROM accounts LIMIT 1`,
      ae.patient_id,
      ae.id,
    );
    run(
      `INSERT INTO adverse_events (patient_id, procedure_id, onset_on, description, category, grade, serious,
         relatedness, outcome, status, resolved_on, reported_by, reported_at, updated_at)
       SELECT ?, NULL, '2026-04-02', 'd', 'fever', 1, 0, 'possible', 'recovered', 'resolved', '2026-04-09', id, '2026-04-02T00:00:00Z',
              '2026-04-02T00:00:00Z' FROM accounts LIMIT 1`,
      done.patient_id,
    );
    expectSame();

    // A completed procedure moved to another patient (what a merge does), then deleted.
    const other = one<{ id: number }>('SELECT id FROM patients ORDER BY id DESC');
    run('UPDATE procedures SET patient_id = ? WHERE id = ?', other.id, moved.id);
    expectSame();
    core.db.pragma('foreign_keys = OFF');
    run('DELETE FROM adverse_events WHERE procedure_id = ?', moved.id);
    run('DELETE FROM procedures WHERE id = ?', moved.id);
    core.db.pragma('foreign_keys = ON');
    expectSame();

    // Courses: a discharge moved (its month points move), a course's status changed, an assessment added and removed.
    const course = one<{ id: number }>("SELECT id FROM courses WHERE status = 'discharged' ORDER BY id");
    run("UPDATE courses SET discharged_on = '2025-12-30' WHERE id = ?", course.id);
    expectSame();
    run("UPDATE courses SET status = 'cancelled' WHERE id = (SELECT max(id) FROM courses WHERE status = 'discharged')");
    expectSame();
    const a = one<{ id: number; course_id: number; time_point: string }>(
      'SELECT id, course_id, time_point FROM assessments WHERE course_id IS NOT NULL',
    );
    run("UPDATE assessments SET time_point = 'm12' WHERE id = ?", a.id);
    expectSame();

    // Inquiries: one accepted through its history, one answered, one linked to a treated patient.
    const inq = one<{ id: number }>("SELECT id FROM inquiries WHERE status = 'new'");
    run(
      `INSERT INTO inquiry_status_changes (inquiry_id, from_status, to_status, at, author_id)
       SELECT ?, 'new', 'accepted', '2026-05-01T00:00:00Z', id FROM accounts LIMIT 1`,
      inq.id,
    );
    run(
      "UPDATE inquiries SET first_contact_at = '2026-05-01T00:00:00.000Z', patient_id = ? WHERE id = ?",
      ae.patient_id,
      inq.id,
    );
    expectSame();
  });

  it('are the tables their rebuilds give (the bulk seed and the migration fill them this way)', () => {
    const dump = () =>
      ['procedure_tallies', 'treated_spans', 'follow_up_point_days', 'procedure_month_tallies'].map((t) =>
        core.db.prepare(`SELECT * FROM ${t} ORDER BY 1, 2, 3`).all(),
      );
    const kept = dump();
    expect(kept.every((rows) => rows.length > 0)).toBe(true);
    core.db.exec(
      REBUILD_PROCEDURE_TALLIES +
        REBUILD_TREATED_SPANS +
        REBUILD_FOLLOW_UP_POINT_DAYS +
        REBUILD_PROCEDURE_MONTH_TALLIES,
    );
    expect(dump()).toEqual(kept);
  });

  it('read no big table whole at the 10-year size, all time or one year (the by-row queries did)', async () => {
    atScale(core.db, {
      procedures: 1_000_000,
      inquiries: 300_000,
      inquiry_status_changes: 600_000,
      patients: 100_000,
      courses: 500_000,
      follow_up_points: 2_000_000,
      assessments: 1_000_000,
      adverse_events: 2_000,
      procedure_tallies: 120_000,
      treated_spans: 100_000,
      follow_up_point_days: 15_000,
      inquiry_funnel: 300_000,
      inquiry_funnel_months: 4_000,
      inquiry_response_hours: 16_000,
      procedure_month_tallies: 2_000,
    });
    for (const p of [PERIODS[0], PERIODS[1]]) {
      const ran = await statementsOf(core.db, () => numbers(p));
      expect(ran.length).toBeGreaterThanOrEqual(7);
      for (const s of ran)
        expect({ sql: s.sql, slow: slowReads(s.sql, s.params.flat()) }).toEqual({ sql: s.sql, slow: [] });
      // The check can fail: the queries the kept tables replaced read the procedures (and month windows) whole.
      const before = await statementsOf(core.db, () => baselineClinicNumbers(core, p));
      expect(before.flatMap((s) => slowReads(s.sql, s.params.flat())).length).toBeGreaterThan(0);
    }
  });
});
