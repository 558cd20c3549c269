// The duplicate finder's kept candidate pairs (migration 0250) hold exactly what the old join over every patient
// brought, after a seed and after registrations, edits and merges; the finder's answer (pairs, order, reasons) is the
// one the old computation gives, and its reads go through the kept table's key, not a pass over the patients.
import { beforeAll, describe, expect, it } from 'vitest';
import type { DuplicatePair, Patient, PatientFieldsInput } from '../../db/contract';
import { seedClinic } from '../../db/seed/generate';
import { duplicatePairs } from '../../db/services/identity';
import type { Core } from '../../db/services/core';
import { referenceCandidatePairs } from './duplicates-reference';
import { atScale, planOf, slowSteps, statementsOf } from './plans';
import { type Caller, caller, fixedClock, makeCore, patientInput } from './support';

const EVERY = 1_000_000_000;
let core: Core;
let coord: Caller;

const kept = () =>
  core.db.prepare('SELECT a, b FROM patient_duplicate_candidates ORDER BY a, b').all() as { a: number; b: number }[];

/** The kept pairs are the old join's, and the finder answers as the old computation did at every page size. */
async function expectSameAsReference(): Promise<void> {
  expect(kept()).toEqual(referenceCandidatePairs(core.db, EVERY));
  for (const limit of [1, 3, 10, 100, 500]) {
    const now = await coord.ok<DuplicatePair[]>('patients.duplicates', { limit });
    expect(now).toEqual(duplicatePairs(core.db, limit, referenceCandidatePairs));
  }
}

const create = (fields: Partial<PatientFieldsInput>) => coord.ok<Patient>('patients.create', patientInput(fields));

beforeAll(async () => {
  core = makeCore({ clock: fixedClock('2026-11-25T03:00:00.000Z') });
  await seedClinic(core, { inquiries: 400, patients: 300 });
  coord = caller(core);
  await coord.ok('auth.signIn', { username: 'coord.li', password: 'demo-coord-2026' });
}, 60_000);

describe('patients.duplicates from the kept candidate pairs', () => {
  it('holds the old join after a seed', async () => {
    expect(kept().length).toBeGreaterThan(3);
    await expectSameAsReference();
  });

  it('follows registrations, edits and merges', async () => {
    const base = { email: null, phone: null, passportNumber: null, nativeName: null } as const;
    const a = await create({ ...base, familyName: 'Quill', givenName: 'Ada', birthDate: '1951-02-03' });
    // Family and given name swapped on the same day; the same e-mail; the same phone; the same passport.
    const b = await create({ ...base, familyName: 'ADA', givenName: 'Quill', birthDate: '1951-02-03' });
    const c = await create({ ...base, familyName: 'Zed', givenName: 'Ro', email: 'kept.pairs@example.org' });
    const d = await create({ ...base, familyName: 'Yew', givenName: 'Bo', email: 'kept.pairs@example.org' });
    const e = await create({ ...base, familyName: 'Xu', givenName: 'Li', phone: '+86 138 0000 9999' });
    const f = await create({ ...base, familyName: 'Wu', givenName: 'Mei', passportNumber: 'E7654321' });
    await create({ ...base, familyName: 'Vo', givenName: 'An', passportNumber: 'E7654321', birthDate: '1962' });
    await expectSameAsReference();
    expect(kept()).toContainEqual({ a: a.id, b: b.id });
    expect(kept()).toContainEqual({ a: c.id, b: d.id });

    // An edit that takes a key away, one that gives one, one that changes nothing a pair stands on.
    const edit = (p: Patient, fields: Partial<PatientFieldsInput>) =>
      coord.ok<Patient>('patients.update', { id: p.id, version: p.version, fields: patientInput({ ...p, ...fields }) });
    await edit(d, { email: null });
    await edit(e, { email: 'kept.pairs@example.org' });
    await edit(f, { address: 'Elsewhere' });
    await expectSameAsReference();
    expect(kept()).not.toContainEqual({ a: c.id, b: d.id });

    // A merge: the merged-away record leaves every pair; the survivor keeps (or gains) its own.
    const [survivor, merged] = [await fresh(c.id), await fresh(e.id)];
    await coord.ok('patients.merge', {
      survivorId: survivor.id,
      survivorVersion: survivor.version,
      mergedId: merged.id,
      mergedVersion: merged.version,
    });
    await expectSameAsReference();
    expect(kept().some((p) => p.a === e.id || p.b === e.id)).toBe(false);
  });

  it('reads the kept pairs in key order and the patients by id, at the 10-year size', async () => {
    atScale(core.db, { patients: 100_000, patient_duplicate_candidates: 2_000 });
    const ran = await statementsOf(core.db, () => coord.ok('patients.duplicates', {}));
    const reads = ran.filter((r) => /^\s*SELECT/i.test(r.sql));
    expect(reads.some((r) => r.sql.includes('patient_duplicate_candidates'))).toBe(true);
    for (const r of reads) {
      const plan = planOf(core.db, r.sql, r.params);
      // The kept table is read from its first key on and stops at the LIMIT: no sort, no pass over the patients.
      expect(slowSteps(plan, { scannable: ['patient_duplicate_candidates'] }), plan.join('\n')).toEqual([]);
    }
  });
});

const fresh = async (id: number) => (await coord.ok<{ patient: Patient }>('patients.get', { id })).patient;
