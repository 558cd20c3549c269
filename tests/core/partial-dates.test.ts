// Core tests on real SQLite: approximate and partial dates, the age kept through conversion, weakness side, import.
import { beforeEach, describe, expect, it } from 'vitest';
import type {
  CommitResult,
  ConversionDraft,
  ConversionResult,
  DuplicateCheck,
  DuplicatePair,
  Inquiry,
  Patient,
  PatientMatch,
  PatientPage,
  StageResult,
} from '../../db/contract';
import type { Core } from '../../db/services/core';
import { type Caller, fixedClock, inquiryInput, makeCore, patientInput, staff } from './support';

let core: Core;
let coordinator: Caller;
let doctor: Caller;
const clock = fixedClock('2026-11-25T03:00:00.000Z');

beforeEach(async () => {
  clock.set('2026-11-25T03:00:00.000Z');
  core = makeCore({ clock });
  ({ coordinator, doctor } = await staff(core));
});

async function accepted(overrides: Parameters<typeof inquiryInput>[0]): Promise<Inquiry> {
  let i = await coordinator.ok<Inquiry>('inquiries.create', inquiryInput(overrides));
  for (const to of ['contacted', 'under_review'] as const) {
    i = await coordinator.ok<Inquiry>('inquiries.changeStatus', { id: i.id, version: i.version, to, reason: null });
  }
  return doctor.ok<Inquiry>('inquiries.changeStatus', { id: i.id, version: i.version, to: 'accepted', reason: null });
}

async function convertNew(i: Inquiry): Promise<Patient> {
  const draft = await coordinator.ok<ConversionDraft>('patients.conversionDraft', { inquiryId: i.id });
  const r = await coordinator.ok<ConversionResult>('patients.convertInquiry', {
    inquiryId: i.id,
    version: i.version,
    target: { kind: 'new', fields: draft.fields },
  });
  return r.patient;
}

describe('partial and approximate dates', () => {
  it('stores an approximate onset as given (the month, marked approximate) and returns it unchanged', async () => {
    const created = await coordinator.ok<Inquiry>(
      'inquiries.create',
      inquiryInput({
        strokeOnsetDate: '2026-03',
        strokeOnsetDateApprox: true,
        weaknessSide: 'left',
      }),
    );
    const read = await coordinator.ok<{ inquiry: Inquiry }>('inquiries.get', { id: created.id });
    expect(read.inquiry).toMatchObject({
      strokeOnsetDate: '2026-03',
      strokeOnsetDateApprox: true,
      weaknessSide: 'left',
    });
    const raw = core.db
      .prepare('SELECT stroke_onset_date, stroke_onset_approx FROM inquiries WHERE id = ?')
      .get(created.id);
    expect(raw).toEqual({ stroke_onset_date: '2026-03', stroke_onset_approx: 1 });
  });

  it('keeps older callers exact: no flag means an exact date, and an estimate flag without a date is not stored', async () => {
    const plain = await coordinator.ok<Inquiry>('inquiries.create', inquiryInput());
    expect(plain).toMatchObject({ patientBirthDateApprox: false, strokeOnsetDateApprox: false, weaknessSide: null });
    const odd = await coordinator.ok<Inquiry>(
      'inquiries.create',
      inquiryInput({ strokeOnsetDate: null, strokeOnsetDateApprox: true }),
    );
    expect(odd.strokeOnsetDateApprox).toBe(false);
  });

  it('refuses a month that does not exist and an onset surely before the birth, but not one in the birth month', async () => {
    const bad = await coordinator.call('inquiries.create', inquiryInput({ strokeOnsetDate: '2026-13' }));
    expect(bad.ok || bad.error.details?.fields).toEqual([
      { path: 'strokeOnsetDate', message: 'Not a real calendar date' },
    ]);
    const before = await coordinator.call(
      'inquiries.create',
      inquiryInput({ patientBirthDate: '1958-04-12', strokeOnsetDate: '1958-03' }),
    );
    expect(before.ok || before.error.details?.fields?.[0]?.path).toBe('strokeOnsetDate');
    const same = await coordinator.call(
      'inquiries.create',
      inquiryInput({ patientBirthDate: '1958-04-12', strokeOnsetDate: '1958-04' }),
    );
    expect(same.ok).toBe(true);
  });

  it('converts an inquiry with an age and no birth date into an estimated birth year, with the weak side', async () => {
    // 2025-12-31 20:00 UTC is already 2026-01-01 in the clinic (Asia/Shanghai): the age was given in 2026.
    const inquiry = await accepted({
      receivedAt: '2025-12-31T20:00:00.000Z',
      patientBirthDate: null,
      patientAge: 64,
      weaknessSide: 'right',
      strokeOnsetDate: '2025-06',
      strokeOnsetDateApprox: true,
    });
    const patient = await convertNew(inquiry);
    expect(patient).toMatchObject({
      birthDate: '1962',
      birthDateApprox: true,
      weaknessSide: 'right',
      lesionSide: null,
      strokeOnsetDate: '2025-06',
      strokeOnsetDateApprox: true,
    });
    const list = await coordinator.ok<PatientPage>('patients.list', {});
    expect(list.rows.map((r) => [r.birthDate, r.birthDateApprox])).toEqual([['1962', true]]);
  });

  it('keeps an exact birth date exact through conversion', async () => {
    const patient = await convertNew(await accepted({ patientBirthDate: '1958-04-12', patientAge: null }));
    expect(patient).toMatchObject({ birthDate: '1958-04-12', birthDateApprox: false });
  });

  it('matches on name and birth only for the exact same day, never on an estimated year', async () => {
    const noContact = { email: null, phone: null, passportNumber: null };
    await coordinator.ok<Patient>(
      'patients.create',
      patientInput({ ...noContact, birthDate: '1962', birthDateApprox: true }),
    );
    await coordinator.ok<Patient>(
      'patients.create',
      patientInput({ ...noContact, birthDate: '1962', birthDateApprox: true }),
    );
    await coordinator.ok<Patient>(
      'patients.create',
      patientInput({ ...noContact, birthDate: '1958-04-12', birthDateApprox: true }),
    );
    await coordinator.ok<Patient>(
      'patients.create',
      patientInput({ ...noContact, birthDate: '1958-04-12', birthDateApprox: true }),
    );
    expect(await coordinator.ok<DuplicatePair[]>('patients.duplicates', {})).toEqual([]);

    const exact = await coordinator.ok<Patient>(
      'patients.create',
      patientInput({ ...noContact, birthDate: '1958-04-12' }),
    );
    const twin = await coordinator.ok<Patient>(
      'patients.create',
      patientInput({ ...noContact, birthDate: '1958-04-12' }),
    );
    const pairs = await coordinator.ok<DuplicatePair[]>('patients.duplicates', {});
    expect(pairs.map((p) => [p.a.id, p.b.id, p.reasons])).toEqual([[exact.id, twin.id, ['name_birth']]]);

    const fromAge = await accepted({
      contactEmail: null,
      contactPhone: null,
      messagingHandle: '@x',
      patientBirthDate: null,
      patientAge: 64,
    });
    const draft = await coordinator.ok<ConversionDraft>('patients.conversionDraft', { inquiryId: fromAge.id });
    expect(draft.matches.map((m: PatientMatch) => m.patient.id)).toEqual([]);
  });

  it('imports a web form with a month-and-year onset and a birth year', async () => {
    const header =
      'submission_id,submitted_at,contact_name,relation,email,patient_name,patient_birth_date,onset_date,' +
      'consent_contact,consent_data_processing';
    const row = 'W-1,2026-11-20T10:00:00Z,Test Contact,self,t@example.org,Test Contact,1961,2026-04,yes,yes';
    const staged = await coordinator.ok<StageResult>('imports.stage', {
      fileName: 'f.csv',
      format: 'csv',
      text: `${header}\r\n${row}\r\n`,
    });
    if (!staged.ok) throw new Error(JSON.stringify(staged.errors));
    const check = await coordinator.ok<DuplicateCheck>('imports.checkDuplicates', {
      batchId: staged.batchId,
      offset: 0,
      limit: 10,
    });
    const decisions = check.rows.map((r) => ({ row: r.row, action: 'import', mergeInquiryId: null, mergeRow: null }));
    await coordinator.ok<CommitResult>('imports.commit', { batchId: staged.batchId, decisions });
    const row1 = core.db.prepare('SELECT patient_birth_date, stroke_onset_date FROM inquiries').get();
    expect(row1).toEqual({ patient_birth_date: '1961', stroke_onset_date: '2026-04' });
  });
});
