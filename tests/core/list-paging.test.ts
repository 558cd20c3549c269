// Seek paging and capped counts: walking a list by its cursors gives the same rows in the same order as one long page,
// for every sort, and a count past COUNT_CAP says "more than" instead of reading every row; the follow-up worklist's
// narrow discharge ranges find every open point.
import { describe, expect, it } from 'vitest';
import {
  COUNT_CAP,
  FOLLOW_UP_HORIZON_DAYS,
  OPEN_FOLLOW_UP_STATES,
  PATIENT_SORTS,
  type PatientPage,
} from '../../db/contract';
import { worklist } from '../../db/repos/follow-ups';
import { seedClinic } from '../../db/seed/generate';
import { addDays, addMonths } from '../../db/services/assessment-schedule';
import { MONTH_POINTS, openDischarges } from '../../db/services/follow-ups';
import { readable } from '../../db/sqlite/handles';
import { caller, fixedClock, makeCore } from './support';

describe('patients.list paging', () => {
  it('walks every sort both ways by cursor, and caps the count', async () => {
    const core = makeCore({ clock: fixedClock('2026-11-25T03:00:00.000Z') });
    await seedClinic(core, { inquiries: 30, patients: 1100 });
    // Unknown birth dates sort last both ways: make some, and some ties on the name.
    core.db.exec(
      "UPDATE patients SET birth_date = NULL WHERE id % 9 = 0; UPDATE patients SET family_name = 'Tie' WHERE id % 13 = 0",
    );
    const coord = caller(core);
    await coord.ok('auth.signIn', { username: 'coord.li', password: 'demo-coord-2026' });
    const live = (
      core.db.prepare('SELECT count(*) AS n FROM patients WHERE merged_into_id IS NULL').get() as {
        n: number;
      }
    ).n;
    expect(live).toBeGreaterThan(COUNT_CAP);
    for (const sort of PATIENT_SORTS) {
      for (const direction of ['asc', 'desc'] as const) {
        const walked: number[] = [];
        let after: string | null = null;
        let pages = 0;
        do {
          const page: PatientPage = await coord.ok<PatientPage>('patients.list', {
            sort,
            direction,
            after,
            limit: 200,
          });
          expect(page).toMatchObject({ total: COUNT_CAP, capped: true });
          walked.push(...page.rows.map((r) => r.id));
          after = page.next;
          pages += 1;
        } while (after !== null && pages < 20);
        expect(new Set(walked).size, `${sort} ${direction}`).toBe(live);
        // The same order as the offsets of the old paging (one page at a time, no row twice or skipped).
        const offsets: number[] = [];
        for (let offset = 0; offset < live; offset += 200) {
          const page = await coord.ok<PatientPage>('patients.list', { sort, direction, offset, limit: 200 });
          offsets.push(...page.rows.map((r) => r.id));
        }
        expect(walked, `${sort} ${direction}`).toEqual(offsets);
        if (sort === 'birthDate') {
          const last = await coord.ok<PatientPage>('patients.list', { sort, direction, offset: live - 5, limit: 5 });
          expect(last.rows.map((r) => r.birthDate)).toEqual([null, null, null, null, null]);
        }
      }
    }
    const searched = await coord.ok<PatientPage>('patients.list', { text: 'Tie', limit: 5 });
    expect(searched.capped).toBe(false);
    expect(searched.total).toBeGreaterThan(5);
    const rest = await coord.ok<PatientPage>('patients.list', { text: 'Tie', limit: 200, after: searched.next });
    expect(rest.rows.length).toBe(searched.total - 5);
    expect(rest.next).toBeNull();
    const bad = await coord.call('patients.list', { after: '["x"]' });
    expect(bad.ok ? null : bad.error.code).toBe('VALIDATION');
  }, 120_000);
});

describe('followUps.worklist open states', () => {
  it('finds the same open points through the narrow discharge ranges as through every course of 14 months', async () => {
    const core = makeCore({ clock: fixedClock('2026-11-25T03:00:00.000Z') });
    await seedClinic(core, { inquiries: 30, patients: 40 });
    const patient = (core.db.prepare('SELECT min(id) AS id FROM patients').get() as { id: number }).id;
    const add = core.db.prepare(
      `INSERT INTO courses (patient_id, status, planned_admission, planned_discharge, discharged_on, planned_transplants,
         planned_routes, created_at, updated_at)
       VALUES (?, 'discharged', ?, ?, ?, 6, '["intrathecal"]', '2024-01-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z')`,
    );
    // A course discharged on every day of two years and a half: every month end, every leap day.
    for (let day = Date.parse('2024-06-01'); day <= Date.parse('2026-12-31'); day += 86_400_000) {
      const d = new Date(day).toISOString().slice(0, 10);
      add.run(patient, d, d, d);
    }
    for (const today of ['2025-01-31', '2025-02-28', '2025-03-31', '2026-02-28', '2026-05-31', '2026-11-25']) {
      const horizon = addDays(today, FOLLOW_UP_HORIZON_DAYS);
      const query = {
        today,
        horizon,
        openSince: addMonths(today, -14),
        states: [...OPEN_FOLLOW_UP_STATES],
        timePoint: null,
        limit: 100_000,
        offset: 0,
      };
      const key = (r: { course_id: number; time_point: string; state: string }) =>
        `${r.course_id} ${r.time_point} ${r.state}`;
      const wide = worklist(readable(core.db), { ...query, points: MONTH_POINTS }).rows.map(key);
      const narrow = worklist(readable(core.db), {
        ...query,
        points: MONTH_POINTS.map((p) => ({ ...p, discharged: openDischarges(p, today, horizon) })),
      }).rows.map(key);
      expect(wide.length, today).toBeGreaterThan(20);
      expect(narrow, today).toEqual(wide);
    }
  }, 60_000);
});
