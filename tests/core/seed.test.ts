// The synthetic clinic: every status, converted inquiries linked to patients with MRNs, duplicates to find, search in step.
import { describe, expect, it } from 'vitest';
import { INQUIRY_STATUSES } from '../../db/contract';
import { duplicatePairs } from '../../db/services/identity';
import { DEMO_SIZE, parseSeedSize, seedClinic } from '../../db/seed/generate';
import { fixedClock, makeCore } from './support';

const count = (core: ReturnType<typeof makeCore>, q: string) => (core.db.prepare(q).get() as { n: number }).n;

describe('seedClinic', () => {
  it('makes a demo clinic with every status, linked patients and a few duplicates', async () => {
    const core = makeCore({ clock: fixedClock('2026-11-25T03:00:00.000Z') });
    const result = await seedClinic(core, DEMO_SIZE);
    expect(result).toMatchObject({ inquiries: 400, patients: 90 });
    expect(result.accounts.map((a) => a.username)).toContain('coord.li');
    const statuses = (core.db.prepare('SELECT DISTINCT status FROM inquiries').all() as { status: string }[]).map(
      (r) => r.status,
    );
    expect(statuses.sort()).toEqual([...INQUIRY_STATUSES].sort());
    expect(count(core, 'SELECT count(*) AS n FROM patients')).toBe(90);
    // Every patient made from a converted inquiry is linked back to it, and no converted inquiry lacks its patient.
    expect(count(core, "SELECT count(*) AS n FROM inquiries WHERE status = 'converted' AND patient_id IS NULL")).toBe(
      0,
    );
    expect(count(core, 'SELECT count(*) AS n FROM inquiries WHERE patient_id IS NOT NULL')).toBeGreaterThan(10);
    expect(
      count(core, "SELECT count(*) AS n FROM patients WHERE mrn NOT GLOB 'SD-20[0-9][0-9]-[0-9][0-9][0-9][0-9][0-9]'"),
    ).toBe(0);
    expect(
      count(core, "SELECT count(*) AS n FROM patients WHERE native_name GLOB '*[王李张刘陈杨黄赵吴周徐孙]*'"),
    ).toBeGreaterThan(0);
    expect(count(core, 'SELECT count(*) AS n FROM patients_fts')).toBe(90);
    expect(count(core, 'SELECT count(*) AS n FROM inquiries_fts')).toBe(400);
    expect(duplicatePairs(core.db, 50).length).toBeGreaterThan(0);
  });

  it('reads sizes as demo, inquiries, or inquiries:patients', () => {
    expect(parseSeedSize('demo')).toBe(DEMO_SIZE);
    expect(parseSeedSize('300_000')).toEqual({ inquiries: 300_000, patients: 100_000 });
    expect(parseSeedSize('300000:100000')).toEqual({ inquiries: 300_000, patients: 100_000 });
    expect(() => parseSeedSize('lots')).toThrow(/--seed takes/);
    expect(() => parseSeedSize('10:x')).toThrow(/--seed takes/);
  });
});
