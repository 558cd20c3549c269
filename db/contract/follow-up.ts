// Contract for the follow-up worklist: which treated patients' follow-up time points are coming up, due, overdue or
// missed, with how to reach them, and each attempt a coordinator or doctor makes to arrange the visit.
import { z } from 'zod';
import { TimePoint } from './assessments';
import { Id, IsoDate, IsoInstant, OptionalText, method } from './common';
import { CappedTotal } from './paging';

export const CONTACT_OUTCOMES = ['reached', 'no_answer', 'refused', 'lost_to_follow_up'] as const;
export const ContactOutcome = z.enum(CONTACT_OUTCOMES, 'Choose one');
export type ContactOutcome = z.infer<typeof ContactOutcome>;

/** The time points a coordinator arranges from afar: the months after discharge (the rest happen on the ward). */
export const FOLLOW_UP_POINTS = ['m1', 'm3', 'm6', 'm12'] as const satisfies readonly TimePoint[];
export const FollowUpPoint = z.enum(FOLLOW_UP_POINTS, 'Choose one');
export type FollowUpPoint = z.infer<typeof FollowUpPoint>;

/**
 * Where a point stands today, as `assessments.schedule` says it (upcoming: its window opens within
 * FOLLOW_UP_HORIZON_DAYS; due: window open up to the target; overdue: past the target, window still open; missed: the
 * window closed without an assessment), plus `lost`: the latest attempt said "lost to follow-up". A lost point leaves
 * the working states but is still a point without an assessment: reports count it as missed.
 */
export const FOLLOW_UP_STATES = ['overdue', 'due', 'upcoming', 'missed', 'lost'] as const;
export const FollowUpState = z.enum(FOLLOW_UP_STATES);
export type FollowUpState = z.infer<typeof FollowUpState>;
/** What the worklist shows when no state is asked for: what still needs arranging. */
export const OPEN_FOLLOW_UP_STATES = ['overdue', 'due', 'upcoming'] as const satisfies readonly FollowUpState[];
/** How far ahead a window's opening makes a point `upcoming` on the worklist (time to arrange a call). */
export const FOLLOW_UP_HORIZON_DAYS = 14;

export const ContactAttempt = z.object({
  id: Id,
  patientId: Id,
  courseId: Id,
  timePoint: TimePoint,
  procedureId: Id.nullable(),
  at: IsoInstant,
  byId: Id,
  byName: z.string(),
  outcome: ContactOutcome,
  note: z.string().nullable(),
  nextTryOn: IsoDate.nullable(),
});
export type ContactAttempt = z.infer<typeof ContactAttempt>;

export const FollowUpRow = z.object({
  patientId: Id,
  familyName: z.string(),
  givenName: z.string(),
  nativeName: z.string().nullable(),
  mrn: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  messagingHandle: z.string().nullable(),
  emergencyName: z.string().nullable(),
  emergencyPhone: z.string().nullable(),
  /** The patient's nationality (ISO 3166 code): the country they went home to. */
  country: z.string().nullable(),
  /** The first of the patient's languages (a language code), the one to call in. */
  language: z.string().nullable(),
  courseId: Id,
  dischargedOn: IsoDate,
  timePoint: FollowUpPoint,
  target: IsoDate,
  from: IsoDate,
  to: IsoDate,
  state: FollowUpState,
  lastAttempt: ContactAttempt.nullable(),
});
export type FollowUpRow = z.infer<typeof FollowUpRow>;

export const FollowUpWorklistInput = z.object({
  /** Empty: the open states (overdue, due, upcoming). */
  states: z.array(FollowUpState).max(FOLLOW_UP_STATES.length).default([]),
  timePoint: FollowUpPoint.nullable().default(null),
  limit: z.number().int().min(1).max(200).default(50),
  offset: z.number().int().min(0).default(0),
});

export const FollowUpWorklist = z.object({
  rows: z.array(FollowUpRow),
  /** Rows matching the filters, over all pages, counted up to COUNT_CAP: when `capped`, there are more than `total`. */
  ...CappedTotal,
  /** The clinic's today the states were computed for. */
  today: IsoDate,
});
export type FollowUpWorklist = z.infer<typeof FollowUpWorklist>;

export const RecordAttemptInput = z.object({
  courseId: Id,
  timePoint: TimePoint,
  /** Only for the after-procedure time point. */
  procedureId: Id.nullable().default(null),
  outcome: ContactOutcome,
  note: OptionalText(1000).default(null),
  /** When to try again; not before today. */
  nextTryOn: IsoDate.nullable().default(null),
});

const STAFF = ['coordinator', 'doctor'] as const;

export const followUpMethods = {
  /** Clinic-wide, most urgent first, paged. */
  'followUps.worklist': method({ input: FollowUpWorklistInput, output: FollowUpWorklist, roles: STAFF }),
  'followUps.recordAttempt': method({ input: RecordAttemptInput, output: ContactAttempt, roles: STAFF }),
  /** One patient's attempts, newest first. */
  'followUps.attempts': method({
    input: z.object({ patientId: Id }),
    output: z.array(ContactAttempt),
    roles: STAFF,
  }),
} as const;
