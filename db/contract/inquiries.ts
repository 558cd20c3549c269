// Contract for inquiries: intake, the pipeline, activities, the list and the coordinator's worklist.
import { z } from 'zod';
import { defineLifecycle } from './lifecycle';
import { Id, IsoDate, IsoInstant, PartialDate, Version, method } from './common';
import { CountryCode, Email, LanguageCode, OptionalText, Phone, RequiredText, SearchText } from './text-fields';
import { checkOnsetAfterBirth, checkOtherConditionNamed, StrokeOnsetFields } from './stroke-history';

export const CHANNELS = ['web_form', 'phone', 'email', 'messaging', 'referral', 'walk_in'] as const;
export const Channel = z.enum(CHANNELS, 'Choose one');
export type Channel = z.infer<typeof Channel>;

export const RELATIONS = ['self', 'spouse', 'child', 'parent', 'other'] as const;
export const Relation = z.enum(RELATIONS, 'Choose one');

export const SEXES = ['female', 'male', 'unknown'] as const;
export const Sex = z.enum(SEXES, 'Choose one');

export const DIAGNOSES = ['ischemic', 'hemorrhagic', 'unknown'] as const;
export const Diagnosis = z.enum(DIAGNOSES, 'Choose one');

export const SYMPTOMS = [
  'numbness',
  'one_sided_weakness',
  'trouble_speaking',
  'trouble_understanding',
  'vision',
  'walking',
  'coordination',
] as const;
export const Symptom = z.enum(SYMPTOMS);

/** Re-exported: screens and tests read the weak sides from the inquiry contract. */
export { WEAKNESS_SIDES, WeaknessSide } from './stroke-history';

export const CONDITIONS = ['heart', 'kidney', 'liver', 'lung', 'diabetes', 'hypertension', 'other'] as const;
export const Condition = z.enum(CONDITIONS);

export const INQUIRY_STATUSES = [
  'new',
  'contacted',
  'awaiting_records',
  'under_review',
  'accepted',
  'converted',
  'declined',
  'closed',
] as const;
export const InquiryStatus = z.enum(INQUIRY_STATUSES);
export type InquiryStatus = z.infer<typeof InquiryStatus>;

/**
 * The pipeline. `converted` is reached only by converting an accepted inquiry into a patient, never by a plain status
 * change; `declined` and `closed` need a reason and end the inquiry; eligibility decisions are a doctor's.
 */
export const INQUIRY_LIFECYCLE = defineLifecycle<InquiryStatus>({
  entity: 'inquiries',
  states: INQUIRY_STATUSES,
  initial: 'new',
  transitions: {
    new: ['contacted', 'declined', 'closed'],
    contacted: ['awaiting_records', 'under_review', 'declined', 'closed'],
    awaiting_records: ['under_review', 'declined', 'closed'],
    under_review: ['accepted', 'awaiting_records', 'declined', 'closed'],
    accepted: ['declined', 'closed'],
    converted: [],
    declined: [],
    closed: [],
  },
  systemOnly: { converted: { command: 'patients.convertInquiry', from: ['accepted'] } },
  reasonRequired: ['declined', 'closed'],
  doctorOnly: ['accepted', 'declined'],
  open: ['new', 'contacted', 'awaiting_records', 'under_review', 'accepted'],
  forward: {
    new: 'contacted',
    contacted: 'awaiting_records',
    awaiting_records: 'under_review',
    under_review: 'accepted',
  },
});

/** Derived views of INQUIRY_LIFECYCLE, kept for the screens and tests that read them. */
export const OPEN_STATUSES: readonly InquiryStatus[] = INQUIRY_LIFECYCLE.open;
export const INQUIRY_TRANSITIONS: Readonly<Record<InquiryStatus, readonly InquiryStatus[]>> =
  INQUIRY_LIFECYCLE.transitions;
export const REASON_REQUIRED: readonly InquiryStatus[] = INQUIRY_LIFECYCLE.reasonRequired;
export const DOCTOR_ONLY_TARGETS: readonly InquiryStatus[] = INQUIRY_LIFECYCLE.doctorOnly;

export const ACTIVITY_KINDS = ['call', 'email', 'message', 'note', 'document'] as const;
export const ActivityKind = z.enum(ACTIVITY_KINDS);
export type ActivityKind = z.infer<typeof ActivityKind>;
/** Activities that count as reaching the family (the first one ends the wait for first contact). */
export const CONTACT_KINDS: readonly ActivityKind[] = ['call', 'email', 'message'];

/** Everything a coordinator types on the intake form. */
export const InquiryFields = z.object({
  receivedAt: IsoInstant,
  channel: Channel,
  contactName: RequiredText(120),
  contactRelation: Relation,
  contactEmail: Email,
  contactPhone: Phone,
  messagingHandle: OptionalText(120),
  country: CountryCode,
  preferredLanguage: LanguageCode,
  patientName: RequiredText(120),
  patientSex: Sex,
  patientBirthDate: PartialDate.nullable(),
  /** The birth date is an estimate ("about 1960"); absent in older callers, so it defaults to exact. */
  patientBirthDateApprox: z.boolean().default(false),
  patientAge: z
    .number('Whole years')
    .int('Whole years')
    .min(0, 'Between 0 and 120')
    .max(120, 'Between 0 and 120')
    .nullable(),
  diagnosis: Diagnosis,
  ...StrokeOnsetFields,
  symptoms: z.array(Symptom).max(SYMPTOMS.length),
  conditions: z.array(Condition).max(CONDITIONS.length),
  conditionsOther: OptionalText(500),
  message: OptionalText(5000),
  heardAbout: OptionalText(200),
  consentContact: z.boolean(),
  consentDataProcessing: z.boolean(),
  ownerId: z.number().int().positive().nullable(),
  nextFollowUp: IsoDate.nullable(),
});
export type InquiryFields = z.infer<typeof InquiryFields>;
export type InquiryFieldsInput = z.input<typeof InquiryFields>;

/** Cross-field rules, shared by the form and the core. */
export const InquiryFieldsChecked = InquiryFields.superRefine((v, ctx) => {
  if (v.contactEmail === null && v.contactPhone === null && v.messagingHandle === null) {
    ctx.addIssue({ code: 'custom', path: ['contactEmail'], message: 'Give an e-mail, a phone or a messaging handle' });
  }
  checkOnsetAfterBirth(ctx, v.patientBirthDate, v.strokeOnsetDate);
  checkOtherConditionNamed(ctx, v.conditions, v.conditionsOther, 'conditionsOther');
});

export const Inquiry = InquiryFields.extend({
  id: Id,
  status: InquiryStatus,
  statusReason: z.string().nullable(),
  firstContactAt: IsoInstant.nullable(),
  ownerName: z.string().nullable(),
  /** The patient this inquiry was converted into (or linked to). */
  patientId: Id.nullable(),
  createdAt: IsoInstant,
  updatedAt: IsoInstant,
  /** Bumped on every change; updates must name the version they were made from. */
  version: z.number().int().positive(),
});
export type Inquiry = z.infer<typeof Inquiry>;

export const InquiryListRow = z.object({
  id: Id,
  receivedAt: IsoInstant,
  channel: Channel,
  status: InquiryStatus,
  contactName: z.string(),
  patientName: z.string(),
  country: z.string().nullable(),
  contactEmail: z.string().nullable(),
  contactPhone: z.string().nullable(),
  diagnosis: Diagnosis,
  ownerId: z.number().int().nullable(),
  ownerName: z.string().nullable(),
  nextFollowUp: IsoDate.nullable(),
  firstContactAt: IsoInstant.nullable(),
});
export type InquiryListRow = z.infer<typeof InquiryListRow>;

export const INQUIRY_SORTS = ['receivedAt', 'nextFollowUp', 'patientName', 'status', 'country'] as const;
export const FOLLOW_UP_FILTERS = ['any', 'due', 'overdue', 'today'] as const;

export const InquiryQuery = z.object({
  text: SearchText().default(''),
  statuses: z.array(InquiryStatus).default([]),
  ownerId: z.number().int().positive().nullable().default(null),
  channel: Channel.nullable().default(null),
  country: CountryCode.default(null),
  followUp: z.enum(FOLLOW_UP_FILTERS).default('any'),
  sort: z.enum(INQUIRY_SORTS).default('receivedAt'),
  direction: z.enum(['asc', 'desc']).default('desc'),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(200).default(50),
  /** The previous page's `next`: the page starts after that row (no offset to count past); `offset` is then ignored. */
  after: z.string().max(400).nullable().default(null),
});
export type InquiryQuery = z.infer<typeof InquiryQuery>;
export type InquiryQueryInput = z.input<typeof InquiryQuery>;

/** Lists count matches no further than this: beyond it a screen shows "1,000+" (counting every row costs a scan). */
export const LIST_COUNT_CAP = 1000;

export const InquiryPage = z.object({
  rows: z.array(InquiryListRow),
  /** Exact up to LIST_COUNT_CAP; when `totalCapped`, there are more than `total`. */
  total: z.number().int(),
  totalCapped: z.boolean(),
  /** Where the next page starts (pass it as `after`), or null on the last page. */
  next: z.string().nullable(),
  /** The clinic's today, so "overdue" means the same on every desk. */
  today: IsoDate,
});
export type InquiryPage = z.infer<typeof InquiryPage>;

export const TimelineEntry = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('activity'),
    id: Id,
    at: IsoInstant,
    kind: ActivityKind,
    summary: z.string(),
    authorName: z.string(),
  }),
  z.object({
    type: z.literal('status'),
    id: Id,
    at: IsoInstant,
    from: InquiryStatus.nullable(),
    to: InquiryStatus,
    reason: z.string().nullable(),
    authorName: z.string(),
  }),
]);
export type TimelineEntry = z.infer<typeof TimelineEntry>;

export const InquiryDetail = z.object({
  inquiry: Inquiry,
  timeline: z.array(TimelineEntry),
  allowedTransitions: z.array(InquiryStatus),
  today: IsoDate,
});
export type InquiryDetail = z.infer<typeof InquiryDetail>;

/** The most recent activity on an inquiry, as a worklist row shows it: the summary cut to an excerpt. */
export const LastActivity = z.object({ kind: ActivityKind, excerpt: z.string(), at: IsoInstant });
export type LastActivity = z.infer<typeof LastActivity>;
/** The longest summary excerpt a worklist row carries (longer ones are cut and end with "…"). */
export const ACTIVITY_EXCERPT_CHARS = 120;

/**
 * A worklist row says what is due: the last thing done (null before any activity), the lifecycle's usual next step
 * (null where there is none, e.g. accepted: conversion is a command) and since when it has been in its state.
 */
export const WorklistItem = InquiryListRow.extend({
  lastActivity: LastActivity.nullable(),
  nextStep: InquiryStatus.nullable(),
  statusSince: IsoInstant,
});
export type WorklistItem = z.infer<typeof WorklistItem>;

/**
 * How many rows each worklist panel carries at most; `totals` tells how many there are in all, counted no further than
 * LIST_COUNT_CAP + 1 (a total above LIST_COUNT_CAP reads "more than 1,000"). Today opens with each panel's first rows
 * (`firstRows`), then "show all" asks for these 50, then links to the inquiry list (which pages and filters): four
 * panels of 200 rows, each with its latest activity, cost ~40 ms per Today at the 10-year size, for rows nobody scrolls
 * to on a home screen; and the 50 of each were a 105 kB answer for the 12 a panel first shows.
 */
export const WORKLIST_LIMIT = 50;

export const Worklist = z.object({
  today: IsoDate,
  overdue: z.array(WorklistItem),
  dueToday: z.array(WorklistItem),
  awaitingFirstContact: z.array(WorklistItem),
  /** Inquiries under review (waiting for a doctor's eligibility decision), longest waiting first; the whole clinic. */
  awaitingReview: z.array(WorklistItem),
  totals: z.object({
    overdue: z.number().int(),
    dueToday: z.number().int(),
    awaitingFirstContact: z.number().int(),
    awaitingReview: z.number().int(),
  }),
});
export type Worklist = z.infer<typeof Worklist>;

export const inquiryMethods = {
  'inquiries.create': method({ input: InquiryFieldsChecked, output: Inquiry, roles: ['coordinator', 'doctor'] }),
  'inquiries.update': method({
    input: z.object({ id: Id, version: Version, fields: InquiryFieldsChecked }),
    output: Inquiry,
    roles: ['coordinator', 'doctor'],
  }),
  'inquiries.get': method({ input: z.object({ id: Id }), output: InquiryDetail, roles: ['coordinator', 'doctor'] }),
  'inquiries.list': method({ input: InquiryQuery, output: InquiryPage, roles: ['coordinator', 'doctor'] }),
  'inquiries.changeStatus': method({
    input: z.object({ id: Id, version: Version, to: InquiryStatus, reason: OptionalText(500) }),
    output: Inquiry,
    roles: ['coordinator', 'doctor'],
  }),
  'inquiries.assign': method({
    input: z.object({
      id: Id,
      version: Version,
      ownerId: z.number().int().positive().nullable(),
      nextFollowUp: IsoDate.nullable(),
    }),
    output: Inquiry,
    roles: ['coordinator', 'doctor'],
  }),
  'inquiries.addActivity': method({
    input: z.object({ id: Id, kind: ActivityKind, summary: RequiredText(5000), at: IsoInstant.nullable() }),
    output: TimelineEntry,
    roles: ['coordinator', 'doctor'],
  }),
  'inquiries.worklist': method({
    input: z.object({
      scope: z.enum(['mine', 'all']),
      /** Each panel's first rows only (Today's opening), with the full totals; null or absent: WORKLIST_LIMIT. */
      firstRows: z.number().int().min(1).max(WORKLIST_LIMIT).nullable().default(null),
    }),
    output: Worklist,
    roles: ['coordinator', 'doctor'],
  }),
} as const;
