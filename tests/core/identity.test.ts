// One "same person" rule: conversion draft, duplicate finder and web-form import agree on the same pair of people.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type {
  ConversionDraft,
  ConversionResult,
  DuplicateCheck,
  DuplicatePair,
  Inquiry,
  MatchReason,
  Patient,
  StageResult,
} from '../../db/contract';
import type { InquiryFieldsInput, PatientFieldsInput } from '../../db/contract';
import { matchReasons, nameKey, normalizeEmail, phoneDigits, phoneKey, sameKeys } from '../../db/services/identity';
import { inquiryInput, makeCore, patientInput, staff } from './support';

const SAMPLE_CSV = fs.readFileSync(
  fileURLToPath(new URL('../../db/seed/samples/web-form-submissions.csv', import.meta.url)),
  'utf8',
);
const COLUMNS = (SAMPLE_CSV.split('\r\n', 1)[0] ?? '').split(',');

/** Someone already registered, and a newcomer who writes in: no shared key unless a case sets one. */
interface Case {
  name: string;
  patient: Partial<PatientFieldsInput>;
  newcomer: Partial<InquiryFieldsInput>;
  reasons: MatchReason[];
}

const NOBODY: Partial<PatientFieldsInput> = {
  email: null,
  phone: null,
  passportNumber: null,
  birthDate: '1940-01-01',
  nativeName: null,
};
const STRANGER: Partial<InquiryFieldsInput> = {
  contactEmail: null,
  contactPhone: null,
  messagingHandle: '@someone',
  patientName: 'Aigerim Nurlanovna',
  patientBirthDate: '1990-06-06',
};

const CASES: Case[] = [
  {
    name: 'e-mail in another case',
    patient: { ...NOBODY, email: 'Olga.Sokolova@Example.org' },
    newcomer: { ...STRANGER, contactEmail: 'OLGA.SOKOLOVA@example.ORG' },
    reasons: ['email'],
  },
  {
    name: 'phone written another way',
    patient: { ...NOBODY, phone: '+7 (701) 555-01-42' },
    newcomer: { ...STRANGER, contactPhone: '+7 701 555 0142' },
    reasons: ['phone'],
  },
  {
    name: 'whole name in another order and case, same birth date',
    patient: { ...NOBODY, familyName: 'Sokolov', givenName: 'Nikolai', birthDate: '1958-04-12' },
    newcomer: { ...STRANGER, patientName: 'SOKOLOV  nikolai', patientBirthDate: '1958-04-12' },
    reasons: ['name_birth'],
  },
  {
    name: 'family name and birth date, given name spelled another way',
    patient: { ...NOBODY, familyName: 'Sokolov', givenName: 'Nikolai', birthDate: '1958-04-12' },
    newcomer: { ...STRANGER, patientName: 'Nikolay Sokolov', patientBirthDate: '1958-04-12' },
    reasons: ['name_birth'],
  },
  {
    name: 'same name, another birth date',
    patient: { ...NOBODY, familyName: 'Sokolov', givenName: 'Nikolai', birthDate: '1958-04-12' },
    newcomer: { ...STRANGER, patientName: 'Nikolai Sokolov', patientBirthDate: '1958-04-13' },
    reasons: [],
  },
  {
    name: 'short phone numbers (an extension) are not matched',
    patient: { ...NOBODY, phone: '12-34-5' },
    newcomer: { ...STRANGER, contactPhone: '12345' },
    reasons: [],
  },
  {
    // Decision (repos/identity-keys.ts): no trunk-prefix folding, so +7 and 8 in front are different numbers.
    name: '+7 701… and 8 701… are different keys',
    patient: { ...NOBODY, phone: '+7 701 555 0142' },
    newcomer: { ...STRANGER, contactPhone: '8 701 555 0142' },
    reasons: [],
  },
];

function csvRow(f: InquiryFieldsInput): string {
  const values: Partial<Record<string, string>> = {
    submission_id: 'ID-1',
    submitted_at: '2026-11-20T10:00:00Z',
    contact_name: f.contactName,
    relation: f.contactRelation,
    email: f.contactEmail ?? '',
    phone: f.contactPhone ?? '',
    messaging: f.messagingHandle ?? '',
    country: f.country ?? '',
    patient_name: f.patientName,
    patient_birth_date: f.patientBirthDate ?? '',
    consent_contact: 'yes',
    consent_data_processing: 'yes',
  };
  return [COLUMNS.join(','), COLUMNS.map((c) => values[c] ?? '').join(',')].join('\r\n') + '\r\n';
}

/** What each of the three callers says about the pair. */
async function threeWays(c: Case): Promise<{ conversion: string[]; duplicates: string[]; importCheck: string[] }> {
  const newcomer = inquiryInput(c.newcomer);

  const core = makeCore();
  const { coordinator, doctor } = await staff(core);
  const patient = await coordinator.ok<Patient>('patients.create', patientInput(c.patient));
  let inquiry = await coordinator.ok<Inquiry>('inquiries.create', newcomer);
  for (const to of ['contacted', 'under_review'] as const) {
    inquiry = await coordinator.ok<Inquiry>('inquiries.changeStatus', {
      id: inquiry.id,
      version: inquiry.version,
      to,
      reason: null,
    });
  }
  inquiry = await doctor.ok<Inquiry>('inquiries.changeStatus', {
    id: inquiry.id,
    version: inquiry.version,
    to: 'accepted',
    reason: null,
  });
  const draft = await coordinator.ok<ConversionDraft>('patients.conversionDraft', { inquiryId: inquiry.id });
  const conversion = draft.matches.find((m) => m.patient.id === patient.id)?.reasons ?? [];

  // Registered anyway: the duplicate finder looks at the two patients.
  const converted = await coordinator.ok<ConversionResult>('patients.convertInquiry', {
    inquiryId: inquiry.id,
    version: inquiry.version,
    target: { kind: 'new', fields: draft.fields },
  });
  const pairs = await coordinator.ok<DuplicatePair[]>('patients.duplicates', {});
  const pair = pairs.find((p) => p.a.id === patient.id && p.b.id === converted.patient.id);
  const duplicates = pair?.reasons ?? [];

  // The same newcomer in a web-form file, checked against a clinic holding only the patient.
  const other = makeCore();
  const { coordinator: coord2 } = await staff(other);
  const registered = await coord2.ok<Patient>('patients.create', patientInput(c.patient));
  const staged = await coord2.ok<StageResult>('imports.stage', {
    fileName: 'f.csv',
    format: 'csv',
    text: csvRow(newcomer),
  });
  if (!staged.ok) throw new Error(`staging refused: ${JSON.stringify(staged.errors)}`);
  const check = await coord2.ok<DuplicateCheck>('imports.checkDuplicates', {
    batchId: staged.batchId,
    offset: 0,
    limit: 10,
  });
  const importCheck = check.rows[0]?.matches.find((m) => m.kind === 'patient' && m.id === registered.id)?.reasons ?? [];

  return { conversion, duplicates, importCheck };
}

describe('identity keys', () => {
  it('normalises e-mail, phone and names, and needs six digits to match a phone', () => {
    expect(normalizeEmail('  Olga.Sokolova@Example.ORG ')).toBe('olga.sokolova@example.org');
    expect(normalizeEmail('  ')).toBeNull();
    expect(phoneDigits('+86 (138) 0013-8000')).toBe('8613800138000');
    expect(phoneDigits('12345')).toBe('12345');
    expect(phoneKey('12345')).toBeNull();
    expect(phoneKey('123-456')).toBe('123456');
    expect(phoneKey('+7 701 555 0142')).not.toBe(phoneKey('8 701 555 0142'));
    expect(nameKey('SOKOLOV,  Nikolai')).toBe(nameKey('Nikolái Sokolov'));
  });

  it('matches a known family name inside a free-text name, but not another family with the same given name', () => {
    const patient = sameKeys({
      email: null,
      phone: null,
      passport: null,
      birthDate: '1958-04-12',
      familyName: 'Sokolov',
      names: ['Sokolov Nikolai'],
    });
    const form = (name: string) =>
      sameKeys({ email: null, phone: null, passport: null, birthDate: '1958-04-12', familyName: null, names: [name] });
    expect(matchReasons(patient, form('Nikolay Sokolov'))).toEqual(['name_birth']);
    expect(matchReasons(patient, form('Nikolai Petrov'))).toEqual([]);
    // Two free-text names know no family name: the whole name must agree.
    expect(matchReasons(form('Nikolai Sokolov'), form('sokolov NIKOLAI'))).toEqual(['name_birth']);
    expect(matchReasons(form('Nikolai Sokolov'), form('Nikolay Sokolov'))).toEqual([]);
  });
});

describe('conversion, duplicates and import agree', () => {
  for (const c of CASES) {
    it(c.name, async () => {
      expect(await threeWays(c)).toEqual({ conversion: c.reasons, duplicates: c.reasons, importCheck: c.reasons });
    });
  }
});
