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
import { formKey } from '../contract';
import * as inquiryRepo from '../repos/inquiries';
import * as repo from '../repos/patients';
import { planSearch, searchPatientIds } from '../repos/search';
import { DomainError, fieldError } from '../sqlite/domain-error';
import type { ReadableDB, WritableDB } from '../sqlite/handles';
import type { CallContext } from './context';
import { type Core, clinicTimeZone, clinicToday, dayInZone, diff } from './core';
import { settleDraft } from './drafts';
import * as identity from './identity';
import { checkMove, loadInquiry, transition } from './inquiries';
import { checkVersion, command, mustLoad, view } from './kernel';
import { nextMrn } from './mrn';

const ENTITY = 'patient';

/** A record merged into another is read-only: every change goes to the survivor. */
/** A merged record is refused with where it went (a lean read of mrn and mergedIntoId suffices). */
export function refuseMerged<P extends { mrn: string; mergedIntoId: number | null }>(patient: P | null): P | null {
  if (patient && patient.mergedIntoId !== null) {
    throw new DomainError('CONFLICT', `Patient ${patient.mrn} was merged into another record; open that one instead.`, {
      reason: 'merged',
      mergedIntoId: patient.mergedIntoId,
    });
  }
  return patient;
}

const findLive = (db: ReadableDB, id: number): Patient | null => refuseMerged(repo.findPatient(db, id));

const load = (db: ReadableDB, id: number): Patient => mustLoad(db, id, repo.findPatient, 'Patient');
export const loadLive = (db: ReadableDB, id: number): Patient => mustLoad(db, id, findLive, 'Patient');

const conflict = (patient: Patient) =>
  `Someone else changed ${patient.familyName} ${patient.givenName}'s record after you opened it. ` +
  'Reload to see their change; what you typed is kept.';

function checkDates(core: Core, fields: PatientFields): void {
  const today = clinicToday(core);
  if (fields.birthDate !== null && fields.birthDate > today)
    throw fieldError('birthDate', 'The date of birth is in the future');
  if (fields.strokeOnsetDate !== null && fields.strokeOnsetDate > today)
    throw fieldError('strokeOnsetDate', 'The onset date is in the future');
}

function insert(core: Core, w: WritableDB, fields: PatientFields, actorId: number, at: string): number {
  checkDates(core, fields);
  return repo.insertPatient(w, fields, { mrn: nextMrn(core, w), at, by: actorId });
}

export function create(ctx: CallContext, fields: PatientFields): Patient {
  return command(ctx, { action: 'patients.create', entity: ENTITY }, ({ w, core, actor, at }) => {
    const id = insert(core, w, fields, actor.id, at);
    settleDraft(w, actor.id, formKey('patient', null));
    return load(w, id);
  });
}

export function update(ctx: CallContext, input: { id: number; version: number; fields: PatientFields }): Patient {
  const spec = {
    action: 'patients.update',
    entity: ENTITY,
    id: input.id,
    load: findLive,
    label: 'Patient',
    version: input.version,
    conflictMessage: conflict,
  };
  return command(ctx, spec, ({ w, core, actor, at }) => {
    checkDates(core, input.fields);
    repo.updatePatientFields(w, input.id, input.fields, at);
    settleDraft(w, actor.id, formKey('patient', input.id));
    return load(w, input.id);
  });
}

/** Opening a record is itself recorded: who viewed which patient, when. */
export function get(ctx: CallContext, input: { id: number }): PatientDetail {
  const spec = { action: 'patients.view', entity: ENTITY, id: input.id, load: repo.findPatient, label: 'Patient' };
  return view(ctx, spec, ({ w, core, before }) => ({
    patient: before,
    inquiries: inquiryRepo.inquiriesOfPatient(w, input.id),
    today: clinicToday(core),
  }));
}

export function list(ctx: CallContext, q: PatientQuery): PatientPage {
  const plan = planSearch(q.text);
  const ids = plan.mode === 'none' ? null : searchPatientIds(ctx.core.db, plan, 1000);
  return repo.listPatients(ctx.core.db, q, ids);
}

const FAMILY_FIRST = new Set(['CN', 'TW', 'HK', 'MO', 'SG', 'JP', 'KR', 'KP', 'VN', 'HU', 'MN', 'KH']);
const RELATION_WORDS: Record<Inquiry['contactRelation'], string> = {
  self: 'Self',
  spouse: 'Spouse',
  child: 'Child',
  parent: 'Parent',
  other: 'Other',
};

/** Splits a name as written in the inquiry; the coordinator checks it before converting. */
export function splitName(
  name: string,
  country: string | null,
): { familyName: string; givenName: string; nativeName: string | null } {
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

/**
 * The birth date an inquiry gives: its own, or else a year worked out from the age, marked as an estimate. The age was
 * given when the inquiry arrived, so the year is the clinic's year of `receivedAt` minus the age.
 */
export function birthFromInquiry(
  inquiry: Inquiry,
  timeZone: string,
): { birthDate: string | null; birthDateApprox: boolean } {
  if (inquiry.patientBirthDate !== null) {
    return { birthDate: inquiry.patientBirthDate, birthDateApprox: inquiry.patientBirthDateApprox };
  }
  if (inquiry.patientAge === null) return { birthDate: null, birthDateApprox: false };
  const year = Number(dayInZone(new Date(inquiry.receivedAt), timeZone).slice(0, 4)) - inquiry.patientAge;
  return { birthDate: String(year), birthDateApprox: true };
}

/** What the inquiry knew, as a new patient's fields. */
export function fieldsFromInquiry(inquiry: Inquiry, timeZone: string): PatientFields {
  const name = splitName(inquiry.patientName, inquiry.country);
  const family = inquiry.contactRelation !== 'self';
  return {
    ...name,
    sex: inquiry.patientSex,
    ...birthFromInquiry(inquiry, timeZone),
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
    strokeOnsetDateApprox: inquiry.strokeOnsetDateApprox,
    // The weak side is carried as reported; the lesion side is a finding, left for the doctor (not guessed from it).
    weaknessSide: inquiry.weaknessSide,
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

export function conversionDraft(ctx: CallContext, input: { inquiryId: number }): ConversionDraft {
  const inquiry = loadInquiry(ctx.core.db, input.inquiryId);
  const fields = fieldsFromInquiry(inquiry, clinicTimeZone(ctx.core));
  // Matched as the inquiry wrote the name, not as the draft splits it: the split is a guess the coordinator checks.
  return { fields, matches: identity.matchingPatients(ctx.core.db, identity.personFromInquiry(inquiry)) };
}

/**
 * One step: a new patient (or an existing one), and the inquiry moved to Converted through the inquiry's own transition,
 * all in one transaction.
 */
export function convertInquiry(
  ctx: CallContext,
  input: {
    inquiryId: number;
    version: number;
    target: { kind: 'new'; fields: PatientFields } | { kind: 'existing'; patientId: number };
  },
): ConversionResult {
  let patientId = 0;
  const spec = {
    action: 'inquiries.convert',
    entity: 'inquiry',
    id: input.inquiryId,
    load: inquiryRepo.findInquiry,
    label: 'Inquiry',
    version: input.version,
    conflictMessage: 'Someone else changed this inquiry after you opened it. Reload and convert again.',
    audit: (before: Inquiry) => ({
      entityId: before.id,
      before: { status: before.status },
      after: { status: 'converted', patientId },
    }),
  };
  return command(ctx, spec, (step) => {
    const { w, core, actor, before, at } = step;
    const move = { to: 'converted', reason: null, command: 'patients.convertInquiry' } as const;
    checkMove(actor, before, move);
    if (input.target.kind === 'new') {
      patientId = insert(core, w, input.target.fields, actor.id, at);
      step.audit('patients.create', ENTITY, patientId, null, { fromInquiryId: before.id, ...load(w, patientId) });
    } else {
      patientId = loadLive(w, input.target.patientId).id;
    }
    const inquiry = transition(w, step, before, { ...move, patientId });
    settleDraft(w, actor.id, formKey('convert', before.id));
    return { inquiry, patient: load(w, patientId) };
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
  if (out.comorbidities.includes('other') && out.comorbiditiesOther === null)
    out.comorbiditiesOther = merged.comorbiditiesOther;
  return out;
}

export function merge(
  ctx: CallContext,
  input: { survivorId: number; survivorVersion: number; mergedId: number; mergedVersion: number },
): Patient {
  if (input.survivorId === input.mergedId) throw fieldError('mergedId', 'Pick two different patients');
  // Two records, each loaded and version-checked here; the kernel gives the transaction and the audit.
  return command(ctx, { action: 'patients.merge', entity: ENTITY, audit: () => null }, (step) => {
    const { w, at } = step;
    const survivor = loadLive(w, input.survivorId);
    const merged = loadLive(w, input.mergedId);
    checkVersion(survivor, input.survivorVersion, conflict);
    checkVersion(merged, input.mergedVersion, conflict);
    const fields = mergedFields(PatientFields.parse(survivor), PatientFields.parse(merged));
    repo.updatePatientFields(w, survivor.id, fields, at);
    const moved = repo.moveLinks(w, merged.id, survivor.id);
    repo.insertAlias(w, { patientId: survivor.id, kind: 'mrn', value: merged.mrn, fromPatientId: merged.id, at });
    if (merged.passportNumber !== null && merged.passportNumber !== fields.passportNumber) {
      repo.insertAlias(w, {
        patientId: survivor.id,
        kind: 'passport',
        value: merged.passportNumber,
        fromPatientId: merged.id,
        at,
      });
    }
    repo.markMerged(w, merged.id, survivor.id, at);
    const after = load(w, survivor.id);
    const changed = diff(survivor, after);
    step.audit(
      'patients.merge',
      ENTITY,
      survivor.id,
      { survivor: changed?.before ?? null, merged },
      {
        survivor: changed?.after ?? null,
        mergedId: merged.id,
        moved,
      },
    );
    step.audit('patients.mergedInto', ENTITY, merged.id, null, { mergedIntoId: survivor.id });
    return after;
  });
}
