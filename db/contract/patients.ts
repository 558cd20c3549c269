// Contract for patients: the registry, conversion from an accepted inquiry, search as you type, duplicates and merge.
import { z } from 'zod';
import { CappedTotal, SeekCursor } from './paging';
import { LotUse } from './procedures';
import { Id, IsoDate, IsoInstant, PartialDate, Version, method } from './common';
import { CountryCode, Email, LanguageCode, OptionalText, Phone, RequiredText, SearchText } from './text-fields';
import { checkOnsetAfterBirth, checkOtherConditionNamed, StrokeOnsetFields } from './stroke-history';
import { Condition, CONDITIONS, Diagnosis, Inquiry, InquiryListRow, Sex } from './inquiries';

export const LESION_SIDES = ['left', 'right', 'bilateral', 'unknown'] as const;
export const LesionSide = z.enum(LESION_SIDES, 'Choose one');
export type LesionSide = z.infer<typeof LesionSide>;

const Passport = z
  .string()
  .trim()
  .max(30, 'At most 30 characters')
  .nullable()
  .transform((s) => (s === null || s === '' ? null : s.toUpperCase().replace(/\s+/g, '')))
  .refine((s) => s === null || /^[A-Z0-9-]{5,30}$/.test(s), 'Letters and digits only, 5 to 30');

/** Everything a coordinator or doctor types about a patient. */
export const PatientFields = z.object({
  familyName: RequiredText(80),
  givenName: RequiredText(80),
  nativeName: OptionalText(80),
  sex: Sex,
  birthDate: PartialDate.nullable(),
  /** An estimate, e.g. a year worked out from the age given on an inquiry. */
  birthDateApprox: z.boolean().default(false),
  nationality: CountryCode,
  languages: z.array(LanguageCode.unwrap()).max(6, 'At most 6 languages'),
  email: Email,
  phone: Phone,
  messagingHandle: OptionalText(120),
  address: OptionalText(300),
  emergencyName: OptionalText(120),
  emergencyRelation: OptionalText(60),
  emergencyPhone: Phone,
  passportNumber: Passport,
  strokeType: Diagnosis,
  ...StrokeOnsetFields,
  lesionSide: LesionSide.nullable(),
  lesionSite: OptionalText(200),
  priorTreatments: OptionalText(2000),
  comorbidities: z.array(Condition).max(CONDITIONS.length),
  comorbiditiesOther: OptionalText(500),
  ecog: z.number('0 to 5').int('0 to 5').min(0, '0 to 5').max(5, '0 to 5').nullable(),
  asa: z.number('1 to 6').int('1 to 6').min(1, '1 to 6').max(6, '1 to 6').nullable(),
  healthNotes: OptionalText(2000),
});
export type PatientFields = z.infer<typeof PatientFields>;
export type PatientFieldsInput = z.input<typeof PatientFields>;

/** Cross-field rules, shared by the form and the core. */
export const PatientFieldsChecked = PatientFields.superRefine((v, ctx) => {
  checkOnsetAfterBirth(ctx, v.birthDate, v.strokeOnsetDate);
  checkOtherConditionNamed(ctx, v.comorbidities, v.comorbiditiesOther, 'comorbiditiesOther');
  if (v.emergencyPhone !== null && v.emergencyName === null) {
    ctx.addIssue({ code: 'custom', path: ['emergencyName'], message: 'Whose number is it?' });
  }
});

export const PatientAlias = z.object({
  kind: z.enum(['mrn', 'passport']),
  value: z.string(),
  fromPatientId: Id.nullable(),
});
export type PatientAlias = z.infer<typeof PatientAlias>;

export const Patient = PatientFields.extend({
  id: Id,
  mrn: z.string(),
  aliases: z.array(PatientAlias),
  /** Set when this record was merged into another; screens follow it to the survivor. */
  mergedIntoId: Id.nullable(),
  createdAt: IsoInstant,
  updatedAt: IsoInstant,
  version: z.number().int().positive(),
});
export type Patient = z.infer<typeof Patient>;

export const PatientSummary = z.object({
  id: Id,
  mrn: z.string(),
  familyName: z.string(),
  givenName: z.string(),
  nativeName: z.string().nullable(),
  sex: Sex,
  birthDate: PartialDate.nullable(),
  birthDateApprox: z.boolean(),
  nationality: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  strokeType: Diagnosis,
  createdAt: IsoInstant,
  /** Lets a merge name the versions it was decided on without opening (and so auditing a view of) each record. */
  version: z.number().int().positive(),
});
export type PatientSummary = z.infer<typeof PatientSummary>;

export const PatientDetail = z.object({
  patient: Patient,
  inquiries: z.array(InquiryListRow),
  today: IsoDate,
});
export type PatientDetail = z.infer<typeof PatientDetail>;

export const PATIENT_SORTS = ['name', 'mrn', 'createdAt', 'birthDate'] as const;
export const PatientQuery = z.object({
  text: SearchText().default(''),
  sort: z.enum(PATIENT_SORTS).default('createdAt'),
  direction: z.enum(['asc', 'desc']).default('desc'),
  offset: z.number().int().min(0).default(0),
  /** The `next` of the page before: the page starts after that row (a seek, however deep; `offset` is then 0). */
  after: SeekCursor.nullable().default(null),
  limit: z.number().int().min(1).max(200).default(50),
});
export type PatientQuery = z.infer<typeof PatientQuery>;
export type PatientQueryInput = z.input<typeof PatientQuery>;

export const PatientPage = z.object({
  rows: z.array(PatientSummary),
  ...CappedTotal,
  /** Pass as `after` for the next page; null on the last one. */
  next: SeekCursor.nullable(),
});
export type PatientPage = z.infer<typeof PatientPage>;

/** Why two records look like the same person. */
export const MATCH_REASONS = ['email', 'phone', 'name_birth', 'passport'] as const;
export const MatchReason = z.enum(MATCH_REASONS);
export type MatchReason = z.infer<typeof MatchReason>;

export const PatientMatch = z.object({ patient: PatientSummary, reasons: z.array(MatchReason) });
export type PatientMatch = z.infer<typeof PatientMatch>;

export const DuplicatePair = z.object({ a: PatientSummary, b: PatientSummary, reasons: z.array(MatchReason) });
export type DuplicatePair = z.infer<typeof DuplicatePair>;

export const ConversionTarget = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('new'), fields: PatientFieldsChecked }),
  z.object({ kind: z.literal('existing'), patientId: Id }),
]);

export const ConversionResult = z.object({ inquiry: Inquiry, patient: Patient });
export type ConversionResult = z.infer<typeof ConversionResult>;

/** What conversion offers before the coordinator confirms: the new patient prefilled, and who it might already be. */
export const ConversionDraft = z.object({ fields: PatientFields, matches: z.array(PatientMatch) });
export type ConversionDraft = z.infer<typeof ConversionDraft>;

export const SearchResults = z.object({
  text: z.string(),
  /** `fts` for three or more characters (trigram index), `prefix` for one or two (index range). */
  mode: z.enum(['fts', 'prefix', 'none']),
  patients: z.array(PatientSummary),
  inquiries: z.array(InquiryListRow),
  /** Completed procedures whose lot number starts with the text, one (the latest) per patient: lot traceability. */
  lots: z.array(LotUse),
});
export type SearchResults = z.infer<typeof SearchResults>;

export const MrnSettings = z.object({
  /** `{YYYY}` year, `{YY}` short year, `{seq:N}` the counter padded to N digits (required). */
  format: z
    .string()
    .trim()
    .min(1, 'Required')
    .max(40, 'At most 40 characters')
    .refine((s) => /\{seq:[1-9]\}/.test(s), 'Include {seq:N}, e.g. {seq:5}')
    // Two counters would number one patient with two different sequences: exactly one.
    .refine((s) => (s.match(/\{seq:[1-9]\}/g) ?? []).length <= 1, 'Use {seq:N} only once')
    .refine(
      (s) => s.replace(/\{(YYYY|YY|seq:[1-9])\}/g, '').match(/^[A-Za-z0-9 ./_-]*$/) !== null,
      'Use letters, digits, - / . _ and {YYYY} {YY} {seq:N}',
    ),
  preview: z.string(),
});

const STAFF = ['coordinator', 'doctor'] as const;

export const patientMethods = {
  'patients.create': method({ input: PatientFieldsChecked, output: Patient, roles: STAFF }),
  'patients.update': method({
    input: z.object({ id: Id, version: Version, fields: PatientFieldsChecked }),
    output: Patient,
    roles: STAFF,
  }),
  /** Opening a record is written to the audit log. */
  'patients.get': method({ input: z.object({ id: Id }), output: PatientDetail, roles: STAFF }),
  'patients.list': method({ input: PatientQuery, output: PatientPage, roles: STAFF }),
  'patients.conversionDraft': method({ input: z.object({ inquiryId: Id }), output: ConversionDraft, roles: STAFF }),
  'patients.convertInquiry': method({
    input: z.object({ inquiryId: Id, version: Version, target: ConversionTarget }),
    output: ConversionResult,
    roles: STAFF,
  }),
  'patients.duplicates': method({
    input: z.object({ limit: z.number().int().min(1).max(500).default(100) }),
    output: z.array(DuplicatePair),
    roles: STAFF,
  }),
  'patients.merge': method({
    input: z.object({ survivorId: Id, survivorVersion: Version, mergedId: Id, mergedVersion: Version }),
    output: Patient,
    roles: STAFF,
  }),
  'search.global': method({
    input: z.object({ text: SearchText(), limit: z.number().int().min(1).max(50).default(8) }),
    output: SearchResults,
    roles: STAFF,
  }),
  'settings.mrn': method({ input: z.object({}), output: MrnSettings, roles: ['admin'] }),
  /** The next number the core would give in `format`, without using it up. */
  'settings.previewMrn': method({ input: MrnSettings.pick({ format: true }), output: MrnSettings, roles: ['admin'] }),
  'settings.setMrnFormat': method({ input: MrnSettings.pick({ format: true }), output: MrnSettings, roles: ['admin'] }),
} as const;
