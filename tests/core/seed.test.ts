// The synthetic clinic: every status, converted inquiries linked to patients with MRNs, duplicates to find, search in step.
import { describe, expect, it } from 'vitest';
import { INQUIRY_STATUSES } from '../../db/contract';
import { duplicatePairs } from '../../db/services/identity';
import { DEMO_SIZE, parseSeedSize, seedClinic, seedTreatmentBenchmark } from '../../db/seed/generate';
import { fixedClock, makeCore } from './support';

const count = (core: ReturnType<typeof makeCore>, q: string) => (core.db.prepare(q).get() as { n: number }).n;

/** Pairs of bookings that hold a slot and overlap ([start, end), touching allowed) on the same room, doctor or patient. */
const clashes = (core: ReturnType<typeof makeCore>, column: 'room_id' | 'doctor_id' | 'patient_id') =>
  count(
    core,
    `SELECT count(*) AS n FROM procedures a JOIN procedures b
       ON b.${column} = a.${column} AND b.id <> a.id AND b.starts_at < a.ends_at AND a.starts_at < b.ends_at
      -- Bookings last at most 12 hours (checked below), so this bound loses nothing and lets the index range-scan.
      AND b.starts_at >= strftime('%Y-%m-%dT%H:%M:%fZ', a.starts_at, '-12 hours')
     WHERE a.status IN ('scheduled', 'completed') AND b.status IN ('scheduled', 'completed')`,
  );

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

  it('gives the demo clinic rooms, courses, consents and conflict-free procedures around today', async () => {
    const core = makeCore({ clock: fixedClock('2026-11-25T03:00:00.000Z') });
    const { treatment } = await seedClinic(core, DEMO_SIZE);
    expect(treatment).not.toBeNull();
    const rooms = core.db.prepare('SELECT name, active FROM rooms ORDER BY id').all() as { name: string }[];
    expect(rooms.map((r) => r.name)).toEqual(expect.arrayContaining(['Procedure room 1', 'Operating theatre']));
    expect(count(core, 'SELECT count(*) AS n FROM rooms WHERE active = 0')).toBe(1);
    for (const column of ['room_id', 'doctor_id', 'patient_id'] as const) expect(clashes(core, column)).toBe(0);
    const statuses = (q: string) => (core.db.prepare(q).all() as { status: string }[]).map((r) => r.status).sort();
    expect(statuses('SELECT DISTINCT status FROM courses')).toEqual(['admitted', 'cancelled', 'discharged', 'planned']);
    expect(statuses('SELECT DISTINCT status FROM procedures')).toEqual([
      'cancelled',
      'completed',
      'no_show',
      'postponed',
      'scheduled',
    ]);
    // Most patients treated, some twice; transplants #1 and #2.
    const treated = count(core, "SELECT count(DISTINCT patient_id) AS n FROM courses WHERE status <> 'cancelled'");
    expect(treated).toBeGreaterThan(90 * 0.6);
    expect(
      count(core, 'SELECT count(*) AS n FROM (SELECT 1 FROM courses GROUP BY patient_id HAVING count(*) > 1)'),
    ).toBeGreaterThan(2);
    expect(count(core, 'SELECT max(sequence) AS n FROM procedures')).toBe(2);
    // Bookings today, tomorrow and in the coming two weeks (clinic day in Shanghai, UTC+8).
    const onDay = (day: string) =>
      count(
        core,
        `SELECT count(*) AS n FROM procedures WHERE status = 'scheduled'
           AND date(starts_at, '+8 hours') = '${day}'`,
      );
    expect(onDay('2026-11-25')).toBeGreaterThan(0);
    expect(onDay('2026-11-26')).toBeGreaterThan(0);
    expect(count(core, "SELECT count(*) AS n FROM procedures WHERE status = 'scheduled'")).toBeGreaterThan(5);
    expect(
      count(core, "SELECT count(*) AS n FROM procedures WHERE status = 'completed' AND starts_at > '2026-11-25'"),
    ).toBe(0);
    // Every completed procedure's course has a valid treatment consent; a few consents are withdrawn.
    expect(
      count(
        core,
        `SELECT count(*) AS n FROM procedures p WHERE p.status = 'completed' AND NOT EXISTS (SELECT 1 FROM consents c
           WHERE c.course_id = p.course_id AND c.type = 'treatment' AND c.withdrawn_on IS NULL)`,
      ),
    ).toBe(0);
    expect(count(core, 'SELECT count(*) AS n FROM consents WHERE withdrawn_on IS NOT NULL')).toBeGreaterThan(0);
    // Lots are shared: some lot went to 3 or more patients.
    const lots = core.db
      .prepare(
        `SELECT lot_number, count(DISTINCT patient_id) AS patients FROM procedures WHERE lot_number IS NOT NULL
          GROUP BY lot_number`,
      )
      .all() as { lot_number: string; patients: number }[];
    expect(lots.every((l) => /^(MSC|NSC)-20\d\d-\d{4}$/.test(l.lot_number))).toBe(true);
    expect(Math.max(...lots.map((l) => l.patients))).toBeGreaterThanOrEqual(3);
    // Cancelled courses cancelled their bookings with the same reason.
    expect(
      count(
        core,
        `SELECT count(*) AS n FROM procedures p JOIN courses c ON c.id = p.course_id
          WHERE c.status = 'cancelled' AND (p.status <> 'cancelled' OR p.reason IS NOT c.cancel_reason)`,
      ),
    ).toBe(0);
  });

  it('adds a benchmark-size ward, conflict-free, on top of a seeded clinic', async () => {
    const core = makeCore({ clock: fixedClock('2026-11-25T03:00:00.000Z') });
    // Above the demo ward's size, so the clinic has patients but no ward yet.
    const { treatment } = await seedClinic(core, { inquiries: 60, patients: 1200 });
    expect(treatment).toBeNull();
    const result = seedTreatmentBenchmark(core, { procedures: 20_000, years: 2 });
    expect(result.procedures).toBeGreaterThanOrEqual(20_000);
    expect(result.procedures).toBeLessThan(20_010);
    for (const column of ['room_id', 'doctor_id', 'patient_id'] as const) expect(clashes(core, column)).toBe(0);
    expect(
      count(core, 'SELECT count(*) AS n FROM procedures WHERE julianday(ends_at) - julianday(starts_at) > 0.5'),
    ).toBe(0);
    // Two years up to today and the coming two weeks (a few of the last stays reach a little further).
    expect(count(core, "SELECT count(*) AS n FROM procedures WHERE starts_at < '2024-11-20'")).toBe(0);
    expect(count(core, "SELECT count(*) AS n FROM procedures WHERE starts_at > '2026-12-10'")).toBeLessThan(200);
    expect(count(core, "SELECT count(*) AS n FROM procedures WHERE starts_at > '2027-01-15'")).toBe(0);
    expect(count(core, 'SELECT count(DISTINCT lot_number) AS n FROM procedures')).toBeGreaterThan(100);
    expect(core.db.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
    expect(core.db.pragma('foreign_keys', { simple: true })).toBe(1);
  });

  it('reads sizes as demo, inquiries, or inquiries:patients', () => {
    expect(parseSeedSize('demo')).toBe(DEMO_SIZE);
    expect(parseSeedSize('300_000')).toEqual({ inquiries: 300_000, patients: 100_000 });
    expect(parseSeedSize('300000:100000')).toEqual({ inquiries: 300_000, patients: 100_000 });
    expect(() => parseSeedSize('lots')).toThrow(/--seed takes/);
    expect(() => parseSeedSize('10:x')).toThrow(/--seed takes/);
  });
});
