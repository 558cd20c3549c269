// Contract for treatment courses (one hospital stay each) and the consents recorded for a course.
import { z } from 'zod';
import { defineLifecycle } from './lifecycle';
import { Route } from './clinic';
import { Id, IsoDate, IsoInstant, OptionalText, RequiredText, Version, method } from './common';

export const COURSE_STATUSES = ['planned', 'admitted', 'discharged', 'cancelled'] as const;
export const CourseStatus = z.enum(COURSE_STATUSES);
export type CourseStatus = z.infer<typeof CourseStatus>;

/**
 * A stay: planned, then admitted (the actual admission date is recorded), then discharged (the actual discharge
 * date). A planned stay can be cancelled with a reason; cancelling frees the bookings still scheduled in it.
 */
export const COURSE_LIFECYCLE = defineLifecycle<CourseStatus>({
  entity: 'courses',
  states: COURSE_STATUSES,
  initial: 'planned',
  transitions: {
    planned: ['admitted', 'cancelled'],
    admitted: ['discharged'],
    discharged: [],
    cancelled: [],
  },
  systemOnly: {},
  reasonRequired: ['cancelled'],
  doctorOnly: [],
  open: ['planned', 'admitted'],
  forward: { planned: 'admitted', admitted: 'discharged' },
});

export const CourseFields = z.object({
  plannedAdmission: IsoDate,
  plannedDischarge: IsoDate,
  /** Free text until assessments bring scores (e.g. "mRS 4, NIHSS 9 on referral"). */
  baselineSeverity: OptionalText(2000),
  plannedTransplants: z.number('1 to 6').int('1 to 6').min(1, '1 to 6').max(6, '1 to 6'),
  plannedRoutes: z.array(Route).min(1, 'Choose at least one').max(3),
  /** As checked at admission; the ward list prints it beside each booking. */
  allergies: OptionalText(500),
  notes: OptionalText(2000),
});
export type CourseFields = z.infer<typeof CourseFields>;
export type CourseFieldsInput = z.input<typeof CourseFields>;
export const CourseFieldsChecked = CourseFields.refine((c) => c.plannedDischarge >= c.plannedAdmission, {
  path: ['plannedDischarge'],
  message: 'Must not be before the admission',
});

export const Course = CourseFields.extend({
  id: Id,
  patientId: Id,
  status: CourseStatus,
  /** 1 for the patient's first stay, 2 for the second…, in order of planned admission (cancelled ones keep theirs). */
  number: z.number().int().positive(),
  admittedOn: IsoDate.nullable(),
  dischargedOn: IsoDate.nullable(),
  cancelReason: z.string().nullable(),
  createdAt: IsoInstant,
  version: Version,
});
export type Course = z.infer<typeof Course>;

export const CONSENT_TYPES = ['treatment', 'data_use', 'photo_video'] as const;
export const ConsentType = z.enum(CONSENT_TYPES, 'Choose one');
export type ConsentType = z.infer<typeof ConsentType>;

export const Consent = z.object({
  id: Id,
  courseId: Id,
  type: ConsentType,
  givenOn: IsoDate,
  takenById: Id,
  takenByName: z.string(),
  withdrawnOn: IsoDate.nullable(),
  /** The scanned, signed form: a patient attachment of kind `consent`. */
  attachmentId: Id.nullable(),
  attachmentName: z.string().nullable(),
  version: Version,
});
export type Consent = z.infer<typeof Consent>;

/** A course with what hangs off it, as the patient page shows it. Procedures are in ./procedures. */
export const CourseTransitionInput = z.object({
  id: Id,
  version: Version,
  to: CourseStatus,
  reason: OptionalText(500),
  /** The actual admission or discharge day; the clinic's today when left out. */
  on: IsoDate.nullable().default(null),
});

const STAFF = ['coordinator', 'doctor'] as const;

export const courseMethods = {
  'courses.create': method({
    input: z.object({ patientId: Id, fields: CourseFieldsChecked }),
    output: Course,
    roles: STAFF,
  }),
  'courses.update': method({
    input: z.object({ id: Id, version: Version, fields: CourseFieldsChecked }),
    output: Course,
    roles: STAFF,
  }),
  'courses.transition': method({ input: CourseTransitionInput, output: Course, roles: STAFF }),
  'consents.record': method({
    input: z.object({
      courseId: Id,
      type: ConsentType,
      givenOn: IsoDate,
      takenById: Id,
      attachmentId: Id.nullable().default(null),
    }),
    output: Consent,
    roles: STAFF,
  }),
  'consents.withdraw': method({
    input: z.object({
      id: Id,
      version: Version,
      withdrawnOn: IsoDate,
      note: RequiredText(500).nullable().default(null),
    }),
    output: Consent,
    roles: STAFF,
  }),
} as const;
