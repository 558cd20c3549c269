// Contract for adverse events: a patient's (and, where it applies, a procedure's) untoward event, graded by CTCAE.
import { z } from 'zod';
import { defineLifecycle } from './lifecycle';
import { BookingPatient } from './procedures';
import { Id, IsoDate, IsoInstant, OptionalText, RequiredText, Version, method } from './common';

export const ADVERSE_EVENT_STATUSES = ['open', 'resolved', 'fatal'] as const;
export const AdverseEventStatus = z.enum(ADVERSE_EVENT_STATUSES);
export type AdverseEventStatus = z.infer<typeof AdverseEventStatus>;

/**
 * An event is open until it is resolved (`adverseEvents.resolve`, with the resolution date and outcome) or ends in
 * the patient's death (`adverseEvents.markFatal`). Both are named commands, since each needs its own facts; both are
 * a doctor's. Grade 5 (death related to the event) is set only by marking it fatal, so grade 5 ⇔ status fatal ⇔
 * outcome fatal always hold together (the table checks it too).
 */
export const ADVERSE_EVENT_LIFECYCLE = defineLifecycle<AdverseEventStatus>({
  entity: 'adverseEvents',
  states: ADVERSE_EVENT_STATUSES,
  initial: 'open',
  transitions: { open: [], resolved: [], fatal: [] },
  systemOnly: {
    resolved: { command: 'adverseEvents.resolve', from: ['open'] },
    fatal: { command: 'adverseEvents.markFatal', from: ['open'] },
  },
  reasonRequired: [],
  doctorOnly: [],
  open: ['open'],
  forward: {},
});

export const AE_CATEGORIES = ['post_lp_headache', 'fever', 'infection', 'seizure', 'other'] as const;
export const AeCategory = z.enum(AE_CATEGORIES, 'Choose one');
export type AeCategory = z.infer<typeof AeCategory>;

/** CTCAE v5 grades; the meaning of each is shown wherever a grade is chosen (`adverseEvents:grade.<n>`). */
export const AE_GRADES = [1, 2, 3, 4, 5] as const;
/** Grades a doctor picks on the form; 5 is reached by marking the event fatal. */
export const AE_RECORDABLE_GRADES = [1, 2, 3, 4] as const;
export const AeGrade = z.number('Choose one').int('Choose one').min(1, 'Choose one').max(5, 'Choose one');

export const AE_RELATEDNESS = ['unrelated', 'unlikely', 'possible', 'probable', 'definite'] as const;
export const AeRelatedness = z.enum(AE_RELATEDNESS, 'Choose one');
export type AeRelatedness = z.infer<typeof AeRelatedness>;

/** Outcome as FHIR's AdverseEvent.outcome has it; `fatal` only through markFatal, the two recovered ones on resolve. */
export const AE_OUTCOMES = [
  'recovering',
  'not_recovered',
  'unknown',
  'recovered',
  'recovered_with_sequelae',
  'fatal',
] as const;
export const AeOutcome = z.enum(AE_OUTCOMES, 'Choose one');
export type AeOutcome = z.infer<typeof AeOutcome>;
export const AE_OPEN_OUTCOMES = ['recovering', 'not_recovered', 'unknown'] as const;
export const AE_RESOLVED_OUTCOMES = ['recovered', 'recovered_with_sequelae'] as const;

/** A grade that needs a follow-up date set (with `serious`). */
export const needsFollowUp = (grade: number, serious: boolean): boolean => serious || grade >= 3;

export const AdverseEventFields = z.object({
  /** One of the patient's procedures when the event follows one (checked in the core); else null. */
  procedureId: Id.nullable().default(null),
  onsetOn: IsoDate,
  description: RequiredText(2000),
  category: AeCategory,
  categoryOther: OptionalText(200),
  grade: AeGrade,
  serious: z.boolean(),
  relatedness: AeRelatedness,
  actionTaken: OptionalText(1000),
  outcome: z.enum(AE_OPEN_OUTCOMES, 'Choose one').default('recovering'),
  followUpOn: IsoDate.nullable().default(null),
});
export type AdverseEventFieldsInput = z.input<typeof AdverseEventFields>;

/** The rules one form can check by itself; the core checks them again with the rest (procedure, dates vs today). */
export const AdverseEventFieldsChecked = AdverseEventFields.superRefine((f, ctx) => {
  if (f.grade === 5) ctx.addIssue({ code: 'custom', path: ['grade'], message: 'Grade 5 is recorded by Mark fatal' });
  if (f.category === 'other' && f.categoryOther === null) {
    ctx.addIssue({ code: 'custom', path: ['categoryOther'], message: 'Say which other event' });
  }
  if (needsFollowUp(f.grade, f.serious) && f.followUpOn === null) {
    ctx.addIssue({
      code: 'custom',
      path: ['followUpOn'],
      message: 'Required for grade 3 or higher, or a serious event',
    });
  }
  if (f.followUpOn !== null && f.followUpOn < f.onsetOn) {
    ctx.addIssue({ code: 'custom', path: ['followUpOn'], message: 'Must not be before the onset' });
  }
});
export type AdverseEventFields = z.output<typeof AdverseEventFields>;

/** The procedure an event follows, as the screens name it ("Transplant #1 — 2026-11-02, lumbar puncture"). */
export const AeProcedure = z.object({
  id: Id,
  courseId: Id,
  sequence: z.number().int().positive().nullable(),
  startsAt: IsoInstant,
  typeName: z.string(),
  typeCode: z.string().nullable(),
});
export type AeProcedure = z.infer<typeof AeProcedure>;

export const AdverseEvent = z.object({
  id: Id,
  patient: BookingPatient,
  procedure: AeProcedure.nullable(),
  onsetOn: IsoDate,
  description: z.string(),
  category: AeCategory,
  categoryOther: z.string().nullable(),
  grade: AeGrade,
  serious: z.boolean(),
  relatedness: AeRelatedness,
  actionTaken: z.string().nullable(),
  outcome: AeOutcome,
  followUpOn: IsoDate.nullable(),
  status: AdverseEventStatus,
  /** The day it resolved, or the day of death for a fatal event. */
  resolvedOn: IsoDate.nullable(),
  reportedById: Id,
  reportedByName: z.string(),
  reportedAt: IsoInstant,
  updatedAt: IsoInstant,
  version: Version,
});
export type AdverseEvent = z.infer<typeof AdverseEvent>;

/** A date the command cannot do without: "Required" when left out or empty, then a real day. */
const RequiredDate = z.string('Required').min(1, 'Required').pipe(IsoDate);

const STAFF = ['coordinator', 'doctor'] as const;
/** DOMAIN.md gives adverse events to doctors; coordinators see them (they arrange the follow-ups) but do not write. */
const DOCTOR = ['doctor'] as const;

export const adverseEventMethods = {
  'adverseEvents.record': method({
    input: z.object({ patientId: Id, fields: AdverseEventFieldsChecked }),
    output: AdverseEvent,
    roles: DOCTOR,
  }),
  'adverseEvents.update': method({
    input: z.object({ id: Id, version: Version, fields: AdverseEventFieldsChecked }),
    output: AdverseEvent,
    roles: DOCTOR,
  }),
  'adverseEvents.resolve': method({
    input: z.object({
      id: Id,
      version: Version,
      resolvedOn: RequiredDate,
      outcome: z.enum(AE_RESOLVED_OUTCOMES, 'Choose one').default('recovered'),
    }),
    output: AdverseEvent,
    roles: DOCTOR,
  }),
  /** The patient died of the event: grade 5, outcome fatal, `diedOn` kept as the resolution date. */
  'adverseEvents.markFatal': method({
    input: z.object({ id: Id, version: Version, diedOn: RequiredDate }),
    output: AdverseEvent,
    roles: DOCTOR,
  }),
  'adverseEvents.get': method({ input: z.object({ id: Id }), output: AdverseEvent, roles: STAFF }),
  /** Open events first (highest grade first), then the closed ones, latest onset first. */
  'adverseEvents.forPatient': method({
    input: z.object({ patientId: Id }),
    output: z.array(AdverseEvent),
    roles: STAFF,
  }),
  /** The clinic's open events, highest grade and oldest onset first (the doctor's home). */
  'adverseEvents.open': method({ input: z.object({}), output: z.array(AdverseEvent), roles: STAFF }),
} as const;
