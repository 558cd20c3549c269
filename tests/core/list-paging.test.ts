// Seek paging and capped counts: walking a list by its cursors gives the same rows in the same order as one long page,
// for every sort, and a count past COUNT_CAP says "more than" instead of reading every row (the follow-up worklist's
// paging: follow-up-points.test.ts).
import { describe, expect, it } from 'vitest';
import { COUNT_CAP, PATIENT_SORTS, type PatientPage } from '../../db/contract';
import { seedClinic } from '../../db/seed/generate';
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
