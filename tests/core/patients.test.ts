// Core tests on real SQLite: patients with MRNs, audited viewing, conversion from an accepted inquiry, duplicates and merge.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type {
  ConversionDraft,
  ConversionResult,
  DuplicatePair,
  Inquiry,
  Patient,
  PatientDetail,
  PatientPage,
} from '../../db/contract';
import { PATIENT_LINKS, PATIENT_MERGE_BOOKKEEPING } from '../../db/repos/patients';
import type { Core } from '../../db/services/core';
import { splitName } from '../../db/services/patients';
import { type Caller, PASSWORD, fixedClock, inquiryInput, makeCore, patientInput, staff } from './support';

let core: Core;
let coordinator: Caller;
let doctor: Caller;
let admin: Caller;
const clock = fixedClock('2026-11-25T03:00:00.000Z');

beforeEach(async () => {
  clock.set('2026-11-25T03:00:00.000Z');
  core = makeCore({ clock });
  ({ coordinator, doctor, admin } = await staff(core));
});

const auditRows = (action: string) =>
  core.db
    .prepare('SELECT actor_id, entity, entity_id, before_json, after_json FROM audit_log WHERE action = ? ORDER BY id')
    .all(action) as {
    actor_id: number;
    entity: string;
    entity_id: number;
    before_json: string | null;
    after_json: string | null;
  }[];

async function acceptedInquiry(overrides: Parameters<typeof inquiryInput>[0] = {}): Promise<Inquiry> {
  const created = await coordinator.ok<Inquiry>('inquiries.create', inquiryInput(overrides));
  let current = created;
  for (const to of ['contacted', 'under_review'] as const)
    current = await coordinator.ok<Inquiry>('inquiries.changeStatus', {
      id: current.id,
      version: current.version,
      to,
      reason: null,
    });
  return doctor.ok<Inquiry>('inquiries.changeStatus', {
    id: current.id,
    version: current.version,
    to: 'accepted',
    reason: null,
  });
}

describe('patients', () => {
  it('registers a patient with the next MRN in the clinic format, and audits it', async () => {
    const a = await coordinator.ok<Patient>('patients.create', patientInput());
    const b = await coordinator.ok<Patient>(
      'patients.create',
      patientInput({ familyName: 'Ivanova', email: null, passportNumber: null }),
    );
    expect(a.mrn).toBe('SD-2026-00001');
    expect(b.mrn).toBe('SD-2026-00002');
    expect(a.passportNumber).toBe('N1234567');
    expect(auditRows('patients.create')).toHaveLength(2);
  });

  it('previews the next real number in a typed format without using it up, and refuses two counters', async () => {
    await coordinator.ok<Patient>('patients.create', patientInput());
    await coordinator.ok<Patient>(
      'patients.create',
      patientInput({ familyName: 'Ivanova', email: null, passportNumber: null }),
    );
    expect(await admin.ok('settings.mrn', {})).toEqual({ format: 'SD-{YYYY}-{seq:5}', preview: 'SD-2026-00003' });
    expect(await admin.ok('settings.previewMrn', { format: 'SD-{YYYY}-{seq:6}' })).toEqual({
      format: 'SD-{YYYY}-{seq:6}',
      preview: 'SD-2026-000003',
    });
    expect(await admin.ok('settings.previewMrn', { format: 'KM{YY}/{seq:4}' })).toEqual({
      format: 'KM{YY}/{seq:4}',
      preview: 'KM26/0001',
    });
    expect(
      (
        await coordinator.ok<Patient>(
          'patients.create',
          patientInput({ familyName: 'Third', email: null, passportNumber: null }),
        )
      ).mrn,
    ).toBe('SD-2026-00003');
    const two = await admin.call('settings.setMrnFormat', { format: '{seq:3}-{seq:4}' });
    expect(two.ok || two.error.details?.fields).toEqual([{ path: 'format', message: 'Use {seq:N} only once' }]);
    const none = await admin.call('settings.previewMrn', { format: 'CLINIC' });
    expect(none.ok || none.error.details?.fields?.[0]?.path).toBe('format');
    expect((await coordinator.call('settings.previewMrn', { format: 'X{seq:3}' })).ok).toBe(false);
  });

  it('follows a format an admin sets, restarting the counter per prefix, and refuses formats without a counter', async () => {
    const bad = await admin.call('settings.setMrnFormat', { format: 'CLINIC' });
    expect(bad.ok || bad.error.code).toBe('VALIDATION');
    expect(await admin.ok('settings.setMrnFormat', { format: 'KM{YY}/{seq:4}' })).toEqual({
      format: 'KM{YY}/{seq:4}',
      preview: 'KM26/0001',
    });
    expect((await coordinator.ok<Patient>('patients.create', patientInput())).mrn).toBe('KM26/0001');
    clock.set('2027-01-02T03:00:00.000Z');
    await coordinator.ok('auth.signIn', { username: 'coord', password: PASSWORD });
    expect((await coordinator.ok<Patient>('patients.create', patientInput())).mrn).toBe('KM27/0001');
    expect((await coordinator.call('settings.setMrnFormat', { format: 'X{seq:3}' })).ok).toBe(false);
  });

  it('refuses a bad field with its name and keeps every version check', async () => {
    const r = await coordinator.call(
      'patients.create',
      patientInput({ birthDate: '2030-01-01', strokeOnsetDate: null }),
    );
    expect(r.ok || r.error.details?.fields?.[0]?.path).toBe('birthDate');
    const r2 = await coordinator.call('patients.create', patientInput({ familyName: ' ' }));
    expect(r2.ok || r2.error.details?.fields?.[0]?.path).toBe('familyName');
    const p = await coordinator.ok<Patient>('patients.create', patientInput());
    const moved = await coordinator.ok<Patient>('patients.update', {
      id: p.id,
      version: p.version,
      fields: patientInput({ address: 'Astana' }),
    });
    expect(moved.address).toBe('Astana');
    const stale = await doctor.call('patients.update', { id: p.id, version: p.version, fields: patientInput() });
    expect(stale.ok || stale.error.code).toBe('CONFLICT');
    expect(stale.ok || stale.error.details?.reason).toBe('stale_version');
    expect(JSON.parse(auditRows('patients.update')[0]?.after_json ?? '{}')).toEqual({ address: 'Astana', version: 2 });
  });

  it('writes who opened which record, and when, to the audit log', async () => {
    const p = await coordinator.ok<Patient>('patients.create', patientInput());
    await doctor.ok<PatientDetail>('patients.get', { id: p.id });
    clock.set('2026-11-25T04:00:00.000Z');
    await coordinator.ok<PatientDetail>('patients.get', { id: p.id });
    const views = core.db
      .prepare("SELECT actor_id, at, entity, entity_id FROM audit_log WHERE action = 'patients.view' ORDER BY id")
      .all();
    expect(views).toEqual([
      { actor_id: 3, at: '2026-11-25T03:00:00.000Z', entity: 'patient', entity_id: p.id },
      { actor_id: 2, at: '2026-11-25T04:00:00.000Z', entity: 'patient', entity_id: p.id },
    ]);
    expect((await admin.call('patients.get', { id: p.id })).ok).toBe(false);
  });
});

describe('conversion', () => {
  it('turns an accepted inquiry into a new patient carrying what the inquiry knew, in one step', async () => {
    const inquiry = await acceptedInquiry();
    const draft = await coordinator.ok<ConversionDraft>('patients.conversionDraft', { inquiryId: inquiry.id });
    expect(draft.fields).toMatchObject({
      familyName: 'Sokolov',
      givenName: 'Nikolai',
      sex: 'male',
      birthDate: '1958-04-12',
      nationality: 'KZ',
      languages: ['ru'],
      email: 'olga.sokolova@example.org',
      phone: '+7 701 555 0142',
      emergencyName: 'Olga Sokolova',
      emergencyRelation: 'Child',
      strokeType: 'ischemic',
      strokeOnsetDate: '2025-09-03',
      comorbidities: ['hypertension'],
    });
    expect(draft.matches).toEqual([]);
    const result = await coordinator.ok<ConversionResult>('patients.convertInquiry', {
      inquiryId: inquiry.id,
      version: inquiry.version,
      target: { kind: 'new', fields: { ...draft.fields, passportNumber: 'n 99 88 77' } },
    });
    expect(result.inquiry).toMatchObject({ status: 'converted', patientId: result.patient.id });
    expect(result.patient).toMatchObject({ mrn: 'SD-2026-00001', familyName: 'Sokolov', passportNumber: 'N998877' });
    const detail = await coordinator.ok<PatientDetail>('patients.get', { id: result.patient.id });
    expect(detail.inquiries.map((i) => i.id)).toEqual([inquiry.id]);
    const again = await coordinator.call('inquiries.get', { id: inquiry.id });
    expect(again.ok && (again.value as { timeline: { type: string; to?: string }[] }).timeline[0]).toMatchObject({
      type: 'status',
      to: 'converted',
    });
    expect(auditRows('inquiries.convert')).toHaveLength(1);
  });

  it('links an inquiry to a patient already registered, whom the draft offers as a match', async () => {
    const existing = await coordinator.ok<Patient>(
      'patients.create',
      patientInput({ email: 'olga.sokolova@example.org' }),
    );
    const inquiry = await acceptedInquiry();
    const draft = await coordinator.ok<ConversionDraft>('patients.conversionDraft', { inquiryId: inquiry.id });
    expect(draft.matches).toEqual([
      { patient: expect.objectContaining({ id: existing.id }), reasons: ['email', 'phone', 'name_birth'] },
    ]);
    const result = await coordinator.ok<ConversionResult>('patients.convertInquiry', {
      inquiryId: inquiry.id,
      version: inquiry.version,
      target: { kind: 'existing', patientId: existing.id },
    });
    expect(result.patient.id).toBe(existing.id);
    expect((await coordinator.ok<PatientPage>('patients.list', {})).total).toBe(1);
  });

  it('converts only accepted inquiries, and only once, and leaves nothing behind when refused', async () => {
    const open = await coordinator.ok<Inquiry>('inquiries.create', inquiryInput());
    const refused = await coordinator.call('patients.convertInquiry', {
      inquiryId: open.id,
      version: open.version,
      target: { kind: 'new', fields: patientInput() },
    });
    expect(refused.ok || refused.error.code).toBe('INVALID_TRANSITION');
    expect(core.db.prepare('SELECT count(*) AS n FROM patients').get()).toEqual({ n: 0 });
    const accepted = await acceptedInquiry();
    await coordinator.ok('patients.convertInquiry', {
      inquiryId: accepted.id,
      version: accepted.version,
      target: { kind: 'new', fields: patientInput() },
    });
    const twice = await coordinator.call('patients.convertInquiry', {
      inquiryId: accepted.id,
      version: accepted.version + 1,
      target: { kind: 'new', fields: patientInput() },
    });
    expect(twice.ok || twice.error.code).toBe('INVALID_TRANSITION');
    const status = await coordinator.call('inquiries.changeStatus', {
      id: accepted.id,
      version: accepted.version + 1,
      to: 'converted',
      reason: null,
    });
    expect(status.ok || status.error.code).toBe('INVALID_TRANSITION');
  });

  it('splits names by the custom of the country and keeps a native-script name', () => {
    expect(splitName('Maria del Carmen Lopez', 'ES')).toEqual({
      familyName: 'Lopez',
      givenName: 'Maria del Carmen',
      nativeName: null,
    });
    expect(splitName('Wang Xiaoming', 'CN')).toEqual({ familyName: 'Wang', givenName: 'Xiaoming', nativeName: null });
    expect(splitName('王小明', 'CN')).toEqual({ familyName: '王', givenName: '小明', nativeName: '王小明' });
  });
});

describe('duplicates and merge', () => {
  it('finds pairs sharing an e-mail, phone digits, passport, or family name and birth date', async () => {
    const a = await coordinator.ok<Patient>('patients.create', patientInput());
    const b = await coordinator.ok<Patient>(
      'patients.create',
      patientInput({
        givenName: 'Nikolay',
        email: 'other@example.org',
        phone: '8 (701) 555-0199',
        passportNumber: null,
      }),
    );
    await coordinator.ok<Patient>(
      'patients.create',
      patientInput({ familyName: 'Chen', birthDate: '1970-01-01', email: null, phone: null, passportNumber: null }),
    );
    const pairs = await coordinator.ok<DuplicatePair[]>('patients.duplicates', {});
    expect(pairs).toEqual([
      { a: expect.objectContaining({ id: a.id }), b: expect.objectContaining({ id: b.id }), reasons: ['name_birth'] },
    ]);
  });

  it('moves every linked record to the survivor, keeps the merged identifiers as aliases, and audits it', async () => {
    const survivor = await coordinator.ok<Patient>(
      'patients.create',
      patientInput({ passportNumber: null, address: null, languages: ['ru'] }),
    );
    const merged = await coordinator.ok<Patient>(
      'patients.create',
      patientInput({ givenName: 'Nikolay', address: 'Almaty, Abay St 5', languages: ['kk'] }),
    );
    const inquiry = await acceptedInquiry();
    await coordinator.ok('patients.convertInquiry', {
      inquiryId: inquiry.id,
      version: inquiry.version,
      target: { kind: 'existing', patientId: merged.id },
    });
    // Attachments and aliases are linked records too: put one of each on the merged patient.
    core.db
      .prepare(
        "INSERT INTO files (sha256, size, mime, created_at) VALUES (?, 4, 'application/pdf', '2026-11-25T03:00:00.000Z')",
      )
      .run('a'.repeat(64));
    core.db
      .prepare(
        "INSERT INTO attachments (sha256, patient_id, kind, file_name, added_at, added_by) VALUES (?, ?, 'scan_report', 'mri.pdf', '2026-11-25T03:00:00.000Z', 2)",
      )
      .run('a'.repeat(64), merged.id);
    core.db
      .prepare(
        "INSERT INTO patient_identifiers (patient_id, kind, value, created_at) VALUES (?, 'mrn', 'OLD-77', '2026-01-01T00:00:00.000Z')",
      )
      .run(merged.id);
    // Treatment too: a course with a booking in it moves whole.
    const roomId = core.db.prepare("INSERT INTO rooms (name) VALUES ('Room 1')").run().lastInsertRowid;
    const courseId = core.db
      .prepare(
        `INSERT INTO courses (patient_id, status, planned_admission, planned_discharge, planned_transplants,
           planned_routes, created_at, updated_at)
         VALUES (?, 'admitted', '2026-12-01', '2026-12-10', 1, '["intrathecal"]', '2026-11-25T03:00:00.000Z',
           '2026-11-25T03:00:00.000Z')`,
      )
      .run(merged.id).lastInsertRowid;
    core.db
      .prepare(
        `INSERT INTO procedures (course_id, patient_id, type_id, sequence, starts_at, ends_at, room_id, doctor_id,
           status, created_at, updated_at)
         VALUES (?, ?, 1, 1, '2026-12-02T01:00:00.000Z', '2026-12-02T02:00:00.000Z', ?, 3, 'scheduled',
           '2026-11-25T03:00:00.000Z', '2026-11-25T03:00:00.000Z')`,
      )
      .run(courseId, merged.id, roomId);

    const after = await doctor.ok<Patient>('patients.merge', {
      survivorId: survivor.id,
      survivorVersion: survivor.version,
      mergedId: merged.id,
      mergedVersion: merged.version,
    });
    expect(after).toMatchObject({
      givenName: 'Nikolai',
      passportNumber: 'N1234567',
      address: 'Almaty, Abay St 5',
      languages: ['ru', 'kk'],
    });
    expect(after.aliases).toEqual([
      { kind: 'mrn', value: 'OLD-77', fromPatientId: null },
      { kind: 'mrn', value: merged.mrn, fromPatientId: merged.id },
    ]);
    for (const link of PATIENT_LINKS) {
      const left = core.db
        .prepare(`SELECT count(*) AS n FROM ${link.table} WHERE ${link.column} = ?`)
        .get(merged.id) as { n: number };
      expect(left.n, `${link.table}.${link.column} still points at the merged patient`).toBe(0);
    }
    const detail = await coordinator.ok<PatientDetail>('patients.get', { id: survivor.id });
    expect(detail.inquiries.map((i) => i.id)).toEqual([inquiry.id]);
    const ghost = await coordinator.ok<PatientDetail>('patients.get', { id: merged.id });
    expect(ghost.patient.mergedIntoId).toBe(survivor.id);
    const audit = auditRows('patients.merge')[0];
    expect(JSON.parse(audit?.after_json ?? '{}')).toMatchObject({
      mergedId: merged.id,
      moved: { inquiries: 1, attachments: 1, patient_identifiers: 1, courses: 1, procedures: 1 },
    });
    const stale = await coordinator.call('patients.update', {
      id: merged.id,
      version: merged.version + 1,
      fields: patientInput(),
    });
    expect(stale.ok || stale.error.code).toBe('CONFLICT');
    // Merged, whatever the version: the reason is the merge, not an edit by someone else.
    expect(stale.ok || stale.error.details?.reason).toBe('merged');
    const self = await coordinator.call('patients.merge', {
      survivorId: survivor.id,
      survivorVersion: after.version,
      mergedId: survivor.id,
      mergedVersion: after.version,
    });
    expect(self.ok || self.error.code).toBe('VALIDATION');
  });

  it('knows every table that points at a patient, so a merge cannot forget a later one', () => {
    const tables = core.db
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '%fts%' AND name NOT LIKE 'sqlite_%'",
      )
      .all() as { name: string }[];
    const links = tables.flatMap(({ name }) =>
      (core.db.pragma(`foreign_key_list(${name})`) as { table: string; from: string }[])
        .filter((fk) => fk.table === 'patients')
        .map((fk) => `${name}.${fk.from}`),
    );
    const known = [...PATIENT_LINKS, ...PATIENT_MERGE_BOOKKEEPING].map((l) => `${l.table}.${l.column}`);
    expect(links.sort()).toEqual(known.sort());
  });
});

describe('attachments of merged patients', () => {
  it('moves them to the survivor and refuses new ones on the merged record', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'strokedesk-merge-files-'));
    const filesCore = makeCore({ clock, attachmentsDir: dir });
    const { coordinator: coord } = await staff(filesCore);
    const a = await coord.ok<Patient>('patients.create', patientInput());
    const b = await coord.ok<Patient>('patients.create', patientInput({ givenName: 'Nikolay', passportNumber: null }));
    const pdf = Buffer.from('%PDF-1.4\n%\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n').toString('base64');
    await coord.ok('attachments.add', {
      owner: { kind: 'patient', id: b.id },
      kind: 'scan_report',
      fileName: 'mri.pdf',
      mime: 'application/pdf',
      contentBase64: pdf,
      note: null,
    });
    await coord.ok('patients.merge', {
      survivorId: a.id,
      survivorVersion: a.version,
      mergedId: b.id,
      mergedVersion: b.version,
    });
    expect(await coord.ok<unknown[]>('attachments.list', { owner: { kind: 'patient', id: a.id } })).toHaveLength(1);
    expect(await coord.ok<unknown[]>('attachments.list', { owner: { kind: 'patient', id: b.id } })).toHaveLength(0);
    const refused = await coord.call('attachments.add', {
      owner: { kind: 'patient', id: b.id },
      kind: 'photo',
      fileName: 'x.pdf',
      mime: 'application/pdf',
      contentBase64: pdf,
      note: null,
    });
    expect(refused.ok || refused.error.code).toBe('CONFLICT');
    expect(refused.ok || refused.error.details?.reason).toBe('merged');
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
