// Contract for assessments: a scale scored at a time point, kept as versions (draft, then signed; an amendment is the
// next version, with a reason), the patient's signed history for charts, and the follow-up schedule.
import { z } from 'zod';
import { defineLifecycle } from './lifecycle';
import { Id, IsoDate, IsoInstant, OptionalText, RequiredText, Version, method } from './common';
import { InstrumentRef, ItemValue } from './instruments';

export const VERSION_STATUSES = ['draft', 'signed'] as const;
export const VersionStatus = z.enum(VERSION_STATUSES);
export type VersionStatus = z.infer<typeof VersionStatus>;

/**
 * Each version of an assessment is a draft until a doctor signs it (`assessments.sign`); a signed version is never
 * changed again. An amendment is not a state of the old version: `assessments.amend` starts the next version as a
 * draft, with its reason, which is signed in its turn. Reports read the latest signed version.
 */
export const ASSESSMENT_LIFECYCLE = defineLifecycle<VersionStatus>({
  entity: 'assessments',
  states: VERSION_STATUSES,
  initial: 'draft',
  transitions: { draft: [], signed: [] },
  systemOnly: { signed: { command: 'assessments.sign', from: ['draft'] } },
  reasonRequired: [],
  doctorOnly: ['signed'],
  open: ['draft'],
  forward: {},
});

export const TIME_POINTS = ['baseline', 'after_procedure', 'discharge', 'm1', 'm3', 'm6', 'm12'] as const;
export const TimePoint = z.enum(TIME_POINTS, 'Choose one');
export type TimePoint = z.infer<typeof TimePoint>;

export const ASSESSMENT_MODES = ['in_person', 'video', 'phone', 'proxy'] as const;
export const AssessmentMode = z.enum(ASSESSMENT_MODES, 'Choose one');
export type AssessmentMode = z.infer<typeof AssessmentMode>;

/** Where a time point falls: its target day and the window (inclusive) in which an assessment counts as on time. */
export const TimeWindow = z.object({ target: IsoDate, from: IsoDate, to: IsoDate });
export type TimeWindow = z.infer<typeof TimeWindow>;

/** Item code → value; in a save, `null` clears an item (a partial map: only what changed). */
const ItemCode = z.string().min(1).max(40);
export const ItemValueMap = z.record(ItemCode, ItemValue);
/** Item code → why it is untestable (NIHSS "UN = amputation or joint fusion, explain"). */
export const ItemNoteMap = z.record(ItemCode, z.string().max(500));

/** What scoring gives, stored on a signed version for reports: the total, completeness and subscores. */
const Scored = z.object({
  total: z.number().nullable(),
  complete: z.boolean(),
  subscores: z.record(z.string(), z.number().nullable()),
});

export const AssessmentVersion = Scored.extend({
  n: z.number().int().positive(),
  status: VersionStatus,
  values: ItemValueMap,
  notes: ItemNoteMap,
  /** Running sum of what is entered; the total once every item has a value (stored when signed, else computed). */
  sum: z.number(),
  /** Items still without a value. */
  missing: z.array(z.string()),
  amendReason: z.string().nullable(),
  createdById: Id,
  createdByName: z.string(),
  createdAt: IsoInstant,
  updatedAt: IsoInstant,
  signedById: Id.nullable(),
  signedByName: z.string().nullable(),
  signedAt: IsoInstant.nullable(),
});
export type AssessmentVersion = z.infer<typeof AssessmentVersion>;

/** Where an assessment belongs: instrument, course, time point, day, and whether that day is outside its window. */
const Placed = z.object({
  instrument: InstrumentRef,
  courseId: Id.nullable(),
  timePoint: TimePoint,
  procedureId: Id.nullable(),
  /** The clinic-local day the patient was assessed. */
  assessedOn: IsoDate,
  /** Derived, so it follows the course's dates: null when there is no window to be outside of. */
  outsideWindow: z.boolean().nullable(),
});

export const Assessment = Placed.extend({
  id: Id,
  patientId: Id,
  mode: AssessmentMode,
  assessorId: Id,
  assessorName: z.string(),
  /** The time point's window from the course's current dates; null without a course. */
  window: TimeWindow.nullable(),
  /** Every version, first to last; the last is the one being worked on or the latest signed. */
  versions: z.array(AssessmentVersion),
  /** The version reports read; null until the first signature. */
  latestSigned: z.number().int().positive().nullable(),
  version: Version,
});
export type Assessment = z.infer<typeof Assessment>;

/** One point of a patient's chart: the latest signed version of one assessment. */
export const HistoryPoint = Placed.extend(Scored.shape).extend({
  assessmentId: Id,
  n: z.number().int().positive(),
  signedAt: IsoInstant,
});
export type HistoryPoint = z.infer<typeof HistoryPoint>;

export const WINDOW_STATES = ['upcoming', 'due', 'overdue', 'missed', 'done'] as const;
export const WindowState = z.enum(WINDOW_STATES);
export type WindowState = z.infer<typeof WindowState>;

export const ScheduledPoint = TimeWindow.extend({
  courseId: Id,
  timePoint: TimePoint,
  procedureId: Id.nullable(),
  state: WindowState,
  /** Assessments attached to this time point (any instrument). */
  assessmentIds: z.array(Id),
});
export type ScheduledPoint = z.infer<typeof ScheduledPoint>;

/** The patient page's assessments panel in one read: the schedule, and the signed history its tables and charts use. */
export const PatientChart = z.object({
  schedule: z.array(ScheduledPoint),
  points: z.array(HistoryPoint),
});
export type PatientChart = z.infer<typeof PatientChart>;

export const StartInput = z.object({
  patientId: Id,
  courseId: Id.nullable().default(null),
  timePoint: TimePoint,
  /** Required for `after_procedure`, refused otherwise. */
  procedureId: Id.nullable().default(null),
  /** The version defaults to the newest definition. */
  instrument: z.object({ id: InstrumentRef.shape.id, version: InstrumentRef.shape.version.nullable().default(null) }),
  mode: AssessmentMode,
  /** A doctor; the caller when left out. */
  assessorId: Id.nullable().default(null),
  /** The clinic's today when left out. */
  assessedOn: IsoDate.nullable().default(null),
});

export const SaveDraftInput = z.object({
  id: Id,
  version: Version,
  /** Only what changed: a value sets the item, null clears it. */
  values: z.record(ItemCode, ItemValue.nullable()).default({}),
  notes: z.record(ItemCode, OptionalText(500)).default({}),
});

/** The most drafts one save carries: a visit's instruments (DOMAIN.md's table has 12). */
export const MAX_DRAFTS_PER_SAVE = 12;

/** Several drafts of one sitting in one command (one commit, all or none), each as `SaveDraftInput`. */
export const SaveDraftsInput = z.object({
  drafts: z.array(SaveDraftInput).min(1).max(MAX_DRAFTS_PER_SAVE),
});

/** What an autosave answers: small, so a save every pause in typing stays cheap (no reload of the whole record). */
export const DraftSaved = Scored.omit({ subscores: true }).extend({
  id: Id,
  version: Version,
  n: z.number().int().positive(),
  sum: z.number(),
  missing: z.array(z.string()),
  updatedAt: IsoInstant,
});
export type DraftSaved = z.infer<typeof DraftSaved>;

const STAFF = ['coordinator', 'doctor'] as const;
/** Scores are entered, signed and amended by doctors only; coordinators read them (the follow-up worklist). */
const DOCTOR = ['doctor'] as const;

export const assessmentMethods = {
  'assessments.start': method({ input: StartInput, output: Assessment, roles: DOCTOR }),
  /** The autosave: cheap, partial, version-checked; refused on a signed version. */
  'assessments.saveDraft': method({ input: SaveDraftInput, output: DraftSaved, roles: DOCTOR }),
  /** A visit's drafts at once (Fugl-Meyer upper + lower extremity): one transaction, one audit entry per draft. */
  'assessments.saveDrafts': method({ input: SaveDraftsInput, output: z.array(DraftSaved), roles: DOCTOR }),
  'assessments.sign': method({ input: z.object({ id: Id, version: Version }), output: Assessment, roles: DOCTOR }),
  'assessments.amend': method({
    input: z.object({ id: Id, version: Version, reason: RequiredText(500) }),
    output: Assessment,
    roles: DOCTOR,
  }),
  'assessments.get': method({ input: z.object({ id: Id }), output: Assessment, roles: STAFF }),
  'assessments.forPatient': method({
    input: z.object({ patientId: Id }),
    output: z.array(HistoryPoint),
    roles: STAFF,
  }),
  'assessments.schedule': method({
    input: z.object({ patientId: Id }),
    output: z.array(ScheduledPoint),
    roles: STAFF,
  }),
  /** `schedule` and `forPatient` from one pass (one schedule, one read of the assessments): the patient page. */
  'assessments.patientChart': method({
    input: z.object({ patientId: Id }),
    output: PatientChart,
    roles: STAFF,
  }),
} as const;
