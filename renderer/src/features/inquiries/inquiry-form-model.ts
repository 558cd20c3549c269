// The intake form's values (what inputs hold: strings) and their mapping to and from the contract's InquiryFields.
import { z } from 'zod';
import { type Channel, type Inquiry, InquiryFieldsChecked, type InquiryFieldsInput } from '../../../../db/contract';
import { instantToZonedInput, zonedInputToInstant } from '../../ui/format';
import { dateFromText, dateToText } from '../../ui/partial-date';

type Relation = Inquiry['contactRelation'];
type Sex = Inquiry['patientSex'];
type Diagnosis = Inquiry['diagnosis'];

export interface InquiryFormValues {
  receivedAt: string; // datetime-local, in this desk's time zone
  channel: Channel | null;
  ownerId: string | null;
  nextFollowUp: string;
  contactName: string;
  contactRelation: Relation | null;
  contactEmail: string;
  contactPhone: string;
  messagingHandle: string;
  country: string | null;
  preferredLanguage: string | null;
  consentContact: boolean;
  consentDataProcessing: boolean;
  patientName: string;
  patientSex: Sex | null;
  /** Dates as typed ("8 mo ago", "04/2026"); read into a partial date and its estimate flag on save. */
  patientBirthDate: string;
  patientAge: string;
  diagnosis: Diagnosis | null;
  strokeOnsetDate: string;
  weaknessSide: Inquiry['weaknessSide'];
  symptoms: Inquiry['symptoms'];
  conditions: Inquiry['conditions'];
  conditionsOther: string;
  message: string;
  heardAbout: string;
}

/** `2026-11-25T10:30` on the clinic's clock (not this machine's), as a datetime-local input wants it. */
export const isoToLocalInput = (iso: string): string => instantToZonedInput(iso);

/** A datetime-local value back to ISO UTC; '' or nonsense stays as typed so the schema names the field. */
export const localInputToIso = (local: string): string => zonedInputToInstant(local);

/**
 * The day the inquiry was received, from its datetime-local box: what "8 mo ago" on the intake counts back from (the
 * caller said it then, not today). Undefined while the box holds no date yet, so the clinic's today is used.
 */
export const receivedDay = (receivedAt: string): string | undefined =>
  /^\d{4}-\d{2}-\d{2}T/.test(receivedAt) ? receivedAt.slice(0, 10) : undefined;

export function emptyFormValues(now: Date, ownerId: number | null): InquiryFormValues {
  return {
    receivedAt: isoToLocalInput(now.toISOString()),
    channel: null,
    ownerId: ownerId === null ? null : String(ownerId),
    nextFollowUp: '',
    contactName: '',
    contactRelation: null,
    contactEmail: '',
    contactPhone: '',
    messagingHandle: '',
    country: null,
    preferredLanguage: null,
    consentContact: false,
    consentDataProcessing: false,
    patientName: '',
    patientSex: null,
    patientBirthDate: '',
    patientAge: '',
    diagnosis: null,
    strokeOnsetDate: '',
    weaknessSide: null,
    symptoms: [],
    conditions: [],
    conditionsOther: '',
    message: '',
    heardAbout: '',
  };
}

export function formValuesFrom(i: Inquiry): InquiryFormValues {
  return {
    receivedAt: isoToLocalInput(i.receivedAt),
    channel: i.channel,
    ownerId: i.ownerId === null ? null : String(i.ownerId),
    nextFollowUp: i.nextFollowUp ?? '',
    contactName: i.contactName,
    contactRelation: i.contactRelation,
    contactEmail: i.contactEmail ?? '',
    contactPhone: i.contactPhone ?? '',
    messagingHandle: i.messagingHandle ?? '',
    country: i.country,
    preferredLanguage: i.preferredLanguage,
    consentContact: i.consentContact,
    consentDataProcessing: i.consentDataProcessing,
    patientName: i.patientName,
    patientSex: i.patientSex,
    patientBirthDate: dateToText(i.patientBirthDate, i.patientBirthDateApprox),
    patientAge: i.patientAge === null ? '' : String(i.patientAge),
    diagnosis: i.diagnosis,
    strokeOnsetDate: dateToText(i.strokeOnsetDate, i.strokeOnsetDateApprox),
    weaknessSide: i.weaknessSide,
    symptoms: i.symptoms,
    conditions: i.conditions,
    conditionsOther: i.conditionsOther ?? '',
    message: i.message ?? '',
    heardAbout: i.heardAbout ?? '',
  };
}

const orNull = (s: string) => (s.trim() === '' ? null : s);

/**
 * What the contract's schema checks. Unchosen selects stay null so the schema names them; an age that is not a
 * number is passed through as NaN so the schema says "whole years" under the age field.
 */
export function toFieldsInput(
  v: InquiryFormValues,
  today = receivedDay(v.receivedAt),
): Record<keyof InquiryFieldsInput, unknown> {
  const age = v.patientAge.trim();
  const birth = dateFromText(v.patientBirthDate, today);
  const onset = dateFromText(v.strokeOnsetDate, today);
  return {
    receivedAt: localInputToIso(v.receivedAt),
    channel: v.channel,
    contactName: v.contactName,
    contactRelation: v.contactRelation,
    contactEmail: orNull(v.contactEmail),
    contactPhone: orNull(v.contactPhone),
    messagingHandle: orNull(v.messagingHandle),
    country: v.country,
    preferredLanguage: v.preferredLanguage,
    patientName: v.patientName,
    patientSex: v.patientSex,
    patientBirthDate: birth.value,
    patientBirthDateApprox: birth.approx,
    patientAge: age === '' ? null : Number(age),
    diagnosis: v.diagnosis,
    strokeOnsetDate: onset.value,
    strokeOnsetDateApprox: onset.approx,
    weaknessSide: v.weaknessSide,
    symptoms: v.symptoms,
    conditions: v.conditions,
    conditionsOther: v.conditions.includes('other') ? orNull(v.conditionsOther) : null,
    message: orNull(v.message),
    heardAbout: orNull(v.heardAbout),
    consentContact: v.consentContact,
    consentDataProcessing: v.consentDataProcessing,
    ownerId: v.ownerId === null ? null : Number(v.ownerId),
    nextFollowUp: orNull(v.nextFollowUp),
  };
}

/** The same schema the core runs, fed from the form's strings. */
export const InquiryFormSchema = z.preprocess((v) => toFieldsInput(v as InquiryFormValues), InquiryFieldsChecked);
