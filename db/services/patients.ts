// Rules for patients: registration with an MRN, edits, audited viewing, conversion from an accepted inquiry, duplicates and merge.
import {
  type ConversionDraft,
  type ConversionResult,
  type DuplicatePair,
  type Inquiry,
  type Patient,
  type PatientDetail,
  PatientFields,
  type PatientPage,
  type PatientQuery,
} from '../contract';
import * as inquiryRepo from '../repos/inquiries';
import * as repo from '../repos/patients';
import { planSearch, searchPatientIds } from '../repos/search';
import { type CallContext, requireActor } from './context';
import { type Core, audit, clinicToday, diff, nowIso, write } from './core';
import { DomainError, fieldError, notFound } from './errors';
import * as identity from './identity';
import { nextMrn } from './mrn';

const ENTITY = 'patient';

function load(core: Core, id: number): Patient {
  const patient = repo.findPatient(core.db, id);
  if (!patient) throw notFound('Patient', id);
  return patient;
}

function loadLive(core: Core, id: number): Patient {
  const patient = load(core, id);
  if (patient.mergedIntoId !== null) {
    throw new DomainError('CONFLICT', `Patient ${patient.mrn} was merged into another record; open that one instead.`, {
      mergedIntoId: patient.mergedIntoId,
    });
  }
  return patient;
}

function checkVersion(patient: Patient, version: number): void {
  if (patient.version !== version) {
    throw new DomainError(
      'CONFLICT',
      `Someone else changed ${patient.familyName} ${patient.givenName}'s record after you opened it. Reload to see their change; what you typed is kept.`,
      { currentVersion: patient.version },
    );
  }
}

function checkDates(core: Core, fields: PatientFields): void {
  const today = clinicToday(core);
  if (fields.birthDate !== null && fields.birthDate > today) throw fieldError('birthDate', 'The date of birth is in the future');
  if (fields.strokeOnsetDate !== null && fields.strokeOnsetDate > today) throw fieldError('strokeOnsetDate', 'The onset date is in the future');
}

function insert(core: Core, fields: PatientFields, actorId: number): number {
  checkDates(core, fields);
  return repo.insertPatient(core.db, fields, { mrn: nextMrn(core), at: nowIso(core), by: actorId });
}

export function create(ctx: CallContext, fields: PatientFields): Patient {
  const actor = requireActor(ctx);
  const { core } = ctx;
  return write(core, () => {
    const id = insert(core, fields, actor.id);
    const created = load(core, id);
    audit(core, actor, 'patients.create', ENTITY, id, null, created);
    return created;
  });
}

export function update(ctx: CallContext, input: { id: number; version: number; fields: PatientFields }): Patient {
  const actor = requireActor(ctx);
  const { core } = ctx;
  return write(core, () => {
    const before = loadLive(core, input.id);
    checkVersion(before, input.version);
    checkDates(core, input.fields);
    repo.updatePatientFields(core.db, input.id, input.fields, nowIso(core));
    const after = load(core, input.id);
    const changed = diff(before, after);
    audit(core, actor, 'patients.update', ENTITY, input.id, changed?.before ?? null, changed?.after ?? null);
    return after;
  });
}

/** Opening a record is itself recorded: who viewed which patient, when. */
export function get(ctx: CallContext, input: { id: number }): PatientDetail {
  const actor = requireActor(ctx);
  const { core } = ctx;
  return write(core, () => {
    const patient = load(core, input.id);
    audit(core, actor, 'patients.view', ENTITY, input.id, null, null);
    return { patient, inquiries: inquiryRepo.inquiriesOfPatient(core.db, input.id), today: clinicToday(core) };
  });
}

export function list(ctx: CallContext, q: PatientQuery): PatientPage {
  const plan = planSearch(q.text);
  const ids = plan.mode === 'none' ? null : searchPatientIds(ctx.core.db, plan, 1000);
  return repo.listPatients(ctx.core.db, q, ids);
}

const FAMILY_FIRST = new Set(['CN', 'TW', 'HK', 'MO', 'SG', 'JP', 'KR', 'KP', 'VN', 'HU', 'MN', 'KH']);
const RELATION_WORDS: Record<Inquiry['contactRelation'], string> = { self: 'Self', spouse: 'Spouse', child: 'Child', parent: 'Parent', other: 'Other' };

/** Splits a name as written in the inquiry; the coordinator checks it before converting. */
export function splitName(name: string, country: string | null): { familyName: string; givenName: string; nativeName: string | null } {
  const trimmed = name.trim().replace(/\s+/g, ' ');
  if (!/[A-Za-z\u00C0-\u024F\u0400-\u04FF]/.test(trimmed) && !trimmed.includes(' ')) {
    // A name in a script without spaces (Chinese, Japanese, Korean): family name first, one character as a rule.
    const chars = [...trimmed];
    return { familyName: chars[0] ?? trimmed, givenName: chars.slice(1).join('') || trimmed, nativeName: trimmed };
  }
  const words = trimmed.split(' ');
  if (words.length === 1) return { familyName: trimmed, givenName: trimmed, nativeName: null };
  if (country !== null && FAMILY_FIRST.has(country)) {
    return { familyName: words[0] ?? trimmed, givenName: words.slice(1).join(' '), nativeName: null };
  }
  return { familyName: words.at(-1) ?? trimmed, givenName: words.slice(0, -1).join(' '), nativeName: null };
}

/** What the inquiry knew, as a new patient's fields. */
export function fieldsFromInquiry(inquiry: Inquiry): PatientFields {
  const name = splitName(inquiry.patientName, inquiry.country);
  const family = inquiry.contactRelation !== 'self';
  return {
    ...name,
    sex: inquiry.patientSex,
    birthDate: inquiry.patientBirthDate,
    nationality: inquiry.country,
    languages: inquiry.preferredLanguage ? [inquiry.preferredLanguage] : [],
    email: inquiry.contactEmail,
    phone: inquiry.contactPhone,
    messagingHandle: inquiry.messagingHandle,
    address: null,
    emergencyName: family ? inquiry.contactName : null,
    emergencyRelation: family ? RELATION_WORDS[inquiry.contactRelation] : null,
    emergencyPhone: family ? inquiry.contactPhone : null,
    passportNumber: null,
    strokeType: inquiry.diagnosis,
    strokeOnsetDate: inquiry.strokeOnsetDate,
    lesionSide: null,
    lesionSite: null,
    priorTreatments: null,
    comorbidities: inquiry.conditions,
    comorbiditiesOther: inquiry.conditionsOther,
    ecog: null,
    asa: null,
    healthNotes: null,
  };
}

function loadInquiry(core: Core, id: number): Inquiry {
  const inquiry = inquiryRepo.findInquiry(core.db, id);
  if (!inquiry) throw notFound('Inquiry', id);
  return inquiry;
}

export function conversionDraft(ctx: CallContext, input: { inquiryId: number }): ConversionDraft {
  const inquiry = loadInquiry(ctx.core, input.inquiryId);
  const fields = fieldsFromInquiry(inquiry);
  // Matched as the inquiry wrote the name, not as the draft splits it: the split is a guess the coordinator checks.
  return { fields, matches: identity.matchingPatients(ctx.core.db, identity.personFromInquiry(inquiry)) };
}

/** One step: a new patient (or an existing one), the inquiry linked to it and Converted, all in one transaction. */
export function convertInquiry(
  ctx: CallContext,
  input: { inquiryId: number; version: number; target: { kind: 'new'; fields: PatientFields } | { kind: 'existing'; patientId: number } },
): ConversionResult {
  const actor = requireActor(ctx);
  const { core } = ctx;
  return write(core, () => {
    const before = loadInquiry(core, input.inquiryId);
    if (before.version !== input.version) {
      throw new DomainError('CONFLICT', 'Someone else changed this inquiry after you opened it. Reload and convert again.', { currentVersion: before.version });
    }
    if (before.status !== 'accepted') {
      throw new DomainError('INVALID_TRANSITION', 'Only an accepted inquiry can be converted into a patient. A doctor accepts it first.', {
        from: before.status,
        to: 'converted',
        allowed: [],
      });
    }
    let patientId: number;
    if (input.target.kind === 'new') {
      patientId = insert(core, input.target.fields, actor.id);
      audit(core, actor, 'patients.create', ENTITY, patientId, null, { fromInquiryId: before.id, ...load(core, patientId) });
    } else {
      patientId = loadLive(core, input.target.patientId).id;
    }
    const at = nowIso(core);
    inquiryRepo.setInquiryPatient(core.db, before.id, { patientId, status: 'converted', at });
    inquiryRepo.insertStatusChange(core.db, { inquiryId: before.id, at, from: before.status, to: 'converted', reason: null, authorId: actor.id });
    audit(core, actor, 'inquiries.convert', 'inquiry', before.id, { status: before.status }, { status: 'converted', patientId });
    return { inquiry: loadInquiry(core, before.id), patient: load(core, patientId) };
  });
}

export function duplicates(ctx: CallContext, input: { limit: number }): DuplicatePair[] {
  return identity.duplicatePairs(ctx.core.db, input.limit);
}

type Scalar = Exclude<keyof PatientFields, 'languages' | 'comorbidities'>;

/** The survivor keeps what it has; what it lacks is taken from the merged record, so no fact is lost. */
export function mergedFields(survivor: PatientFields, merged: PatientFields): PatientFields {
  const out: PatientFields = { ...survivor };
  for (const key of Object.keys(survivor) as (keyof PatientFields)[]) {
    if (key === 'languages' || key === 'comorbidities') continue;
    const k = key as Scalar;
    if (out[k] === null && merged[k] !== null) (out as Record<Scalar, unknown>)[k] = merged[k];
  }
  if (out.strokeType === 'unknown' && merged.strokeType !== 'unknown') out.strokeType = merged.strokeType;
  if (out.sex === 'unknown' && merged.sex !== 'unknown') out.sex = merged.sex;
  out.languages = [...new Set([...survivor.languages, ...merged.languages])].slice(0, 6);
  out.comorbidities = [...new Set([...survivor.comorbidities, ...merged.comorbidities])];
  if (out.comorbidities.includes('other') && out.comorbiditiesOther === null) out.comorbiditiesOther = merged.comorbiditiesOther;
  return out;
}

export function merge(ctx: CallContext, input: { survivorId: number; survivorVersion: number; mergedId: number; mergedVersion: number }): Patient {
  const actor = requireActor(ctx);
  const { core } = ctx;
  if (input.survivorId === input.mergedId) throw fieldError('mergedId', 'Pick two different patients');
  return write(core, () => {
    const survivor = loadLive(core, input.survivorId);
    const merged = loadLive(core, input.mergedId);
    checkVersion(survivor, input.survivorVersion);
    checkVersion(merged, input.mergedVersion);
    const at = nowIso(core);
    const fields = mergedFields(PatientFields.parse(survivor), PatientFields.parse(merged));
    repo.updatePatientFields(core.db, survivor.id, fields, at);
    const moved = repo.moveLinks(core.db, merged.id, survivor.id);
    repo.insertAlias(core.db, { patientId: survivor.id, kind: 'mrn', value: merged.mrn, fromPatientId: merged.id, at });
    if (merged.passportNumber !== null && merged.passportNumber !== fields.passportNumber) {
      repo.insertAlias(core.db, { patientId: survivor.id, kind: 'passport', value: merged.passportNumber, fromPatientId: merged.id, at });
    }
    repo.markMerged(core.db, merged.id, survivor.id, at);
    const after = load(core, survivor.id);
    const changed = diff(survivor, after);
    audit(core, actor, 'patients.merge', ENTITY, survivor.id, { survivor: changed?.before ?? null, merged }, {
      survivor: changed?.after ?? null,
      mergedId: merged.id,
      moved,
    });
    audit(core, actor, 'patients.mergedInto', ENTITY, merged.id, null, { mergedIntoId: survivor.id });
    return after;
  });
}
