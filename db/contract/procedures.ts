// Contract for procedures (transplants) within a course: booking without clashes, completion with lot traceability,
// the ward calendar, the printable ward list and the treatment agenda on the home screens.
import { z } from 'zod';
import { defineLifecycle } from './lifecycle';
import { Route } from './clinic';
import { Consent, Course } from './courses';
import { Id, IsoDate, IsoInstant, OptionalText, RequiredText, Version, method } from './common';
import { CONDITIONS } from './inquiries';

export const PROCEDURE_STATUSES = ['scheduled', 'completed', 'cancelled', 'postponed', 'no_show'] as const;
export const ProcedureStatus = z.enum(PROCEDURE_STATUSES);
export type ProcedureStatus = z.infer<typeof ProcedureStatus>;

/**
 * A booking is scheduled until it is completed (a doctor, by `procedures.complete`, with the cell product and lot),
 * cancelled or postponed (with a reason), or recorded as a no-show. Anything but scheduled and completed frees its
 * slot and gives up its transplant number; a postponed procedure is booked again as a new one.
 */
export const PROCEDURE_LIFECYCLE = defineLifecycle<ProcedureStatus>({
  entity: 'procedures',
  states: PROCEDURE_STATUSES,
  initial: 'scheduled',
  transitions: {
    scheduled: ['cancelled', 'postponed', 'no_show'],
    completed: [],
    cancelled: [],
    postponed: [],
    no_show: [],
  },
  systemOnly: { completed: { command: 'procedures.complete', from: ['scheduled'] } },
  reasonRequired: ['cancelled', 'postponed'],
  doctorOnly: [],
  open: ['scheduled'],
  forward: {},
});

/** Statuses that hold a slot in the calendar and a transplant number in the course. */
export const HOLDING_STATUSES = ['scheduled', 'completed'] as const satisfies readonly ProcedureStatus[];

export const DOSE_UNITS = ['million_cells', 'cells', 'ml'] as const;
export const DoseUnit = z.enum(DOSE_UNITS, 'Choose one');

/** Who a booking is for, enough to show and print it (names in any script; the MRN is left-to-right). */
export const BookingPatient = z.object({
  id: Id,
  mrn: z.string(),
  familyName: z.string(),
  givenName: z.string(),
  nativeName: z.string().nullable(),
});
export type BookingPatient = z.infer<typeof BookingPatient>;

export const Completion = z.object({
  product: z.string(),
  lotNumber: z.string(),
  dose: z.number(),
  doseUnit: DoseUnit,
  route: Route,
  performedStart: IsoInstant,
  performedEnd: IsoInstant,
  notes: z.string().nullable(),
  completedById: Id,
  completedAt: IsoInstant,
});
export type Completion = z.infer<typeof Completion>;

export const Procedure = z.object({
  id: Id,
  courseId: Id,
  patient: BookingPatient,
  typeId: Id,
  typeCode: z.string().nullable(),
  typeName: z.string(),
  colour: z.string(),
  /** Transplant #n within the course, gap-free over scheduled and completed procedures in time order; else null. */
  sequence: z.number().int().positive().nullable(),
  startsAt: IsoInstant,
  endsAt: IsoInstant,
  roomId: Id,
  roomName: z.string(),
  doctorId: Id,
  doctorName: z.string(),
  status: ProcedureStatus,
  reason: z.string().nullable(),
  completion: Completion.nullable(),
  version: Version,
});
export type Procedure = z.infer<typeof Procedure>;

/** A booking as the calendar shows it: everything but the completion record, which the booking's own page reads. */
export const CalendarBooking = Procedure.omit({ completion: true });
export type CalendarBooking = z.infer<typeof CalendarBooking>;

export const BookingSlot = z.object({
  startsAt: IsoInstant,
  endsAt: IsoInstant,
  roomId: Id,
  doctorId: Id,
});
export type BookingSlot = z.infer<typeof BookingSlot>;

/**
 * A booking refused because the slot is taken: CONFLICT, `details.reason = 'booking_clash'`, and `details.clash`
 * names what holds it (who, where, when) so the screen can say so where the booking is.
 */
export const CLASH_KINDS = ['room', 'doctor', 'patient'] as const;
export const BookingClash = z.object({
  kind: z.enum(CLASH_KINDS),
  procedureId: Id,
  patient: BookingPatient,
  roomName: z.string(),
  doctorName: z.string(),
  startsAt: IsoInstant,
  endsAt: IsoInstant,
});
export type BookingClash = z.infer<typeof BookingClash>;

export const CompletionInput = z.object({
  id: Id,
  version: Version,
  product: RequiredText(120),
  lotNumber: RequiredText(60),
  dose: z.number('A number above 0').positive('A number above 0'),
  doseUnit: DoseUnit,
  route: Route,
  performedStart: IsoInstant,
  performedEnd: IsoInstant,
  notes: OptionalText(2000),
});

export const CalendarQuery = z.object({
  from: IsoInstant,
  to: IsoInstant,
  roomId: Id.nullable().default(null),
  doctorId: Id.nullable().default(null),
  /** Cancelled, postponed and no-show bookings too (shown struck through); they never block a slot. */
  includeFreed: z.boolean().default(false),
});

/**
 * One room on one clinic day in the all-rooms week: how busy it is, not each booking (a 10-year ward has ~1,900
 * bookings a week in 38 rooms, which no week grid can show readably). Holding bookings counted on their start day.
 */
export const RoomDayLoad = z.object({
  day: IsoDate,
  roomId: Id,
  bookings: z.number().int().positive(),
  minutes: z.number().int().nonnegative(),
  firstStart: IsoInstant,
  lastEnd: IsoInstant,
});
export type RoomDayLoad = z.infer<typeof RoomDayLoad>;

export const OccupancyQuery = z.object({ from: IsoDate, days: z.number().int().min(1).max(42).default(7) });

export const LotUse = z.object({
  procedureId: Id,
  courseId: Id,
  patient: BookingPatient,
  sequence: z.number().int().positive().nullable(),
  typeName: z.string(),
  typeCode: z.string().nullable(),
  doctorName: z.string(),
  completion: Completion,
});
export type LotUse = z.infer<typeof LotUse>;

export const WardListRow = z.object({
  procedure: Procedure,
  allergies: z.string().nullable(),
  conditions: z.array(z.enum(CONDITIONS)),
  conditionsOther: z.string().nullable(),
});
export const WardList = z.object({
  day: IsoDate,
  clinicName: z.string(),
  timeZone: z.string(),
  rows: z.array(WardListRow),
});
export type WardList = z.infer<typeof WardList>;

export const CourseDetail = z.object({
  course: Course,
  consents: z.array(Consent),
  procedures: z.array(Procedure),
  /** True when a treatment consent for this course is recorded and not withdrawn: completion needs it. */
  hasTreatmentConsent: z.boolean(),
});
export type CourseDetail = z.infer<typeof CourseDetail>;

const CourseDay = z.object({ course: Course, patient: BookingPatient });
/** Today's and tomorrow's treatment work, in the clinic's days. */
export const TreatmentAgenda = z.object({
  today: IsoDate,
  tomorrow: IsoDate,
  procedures: z.array(Procedure),
  admissions: z.array(CourseDay),
  discharges: z.array(CourseDay),
  /** Each list's full length (the lists hold only their first rows when asked with `firstRows`). */
  totals: z.object({
    today: z.number().int().nonnegative(),
    tomorrow: z.number().int().nonnegative(),
    admissions: z.number().int().nonnegative(),
    discharges: z.number().int().nonnegative(),
  }),
});
export type TreatmentAgenda = z.infer<typeof TreatmentAgenda>;

const STAFF = ['coordinator', 'doctor'] as const;

export const procedureMethods = {
  'courses.forPatient': method({ input: z.object({ patientId: Id }), output: z.array(CourseDetail), roles: STAFF }),
  'procedures.book': method({
    input: BookingSlot.extend({ courseId: Id, typeId: Id }),
    output: Procedure,
    roles: STAFF,
  }),
  /** Move or resize, or change room or doctor: the same checks as booking. */
  'procedures.move': method({
    input: BookingSlot.extend({ id: Id, version: Version }),
    output: Procedure,
    roles: STAFF,
  }),
  'procedures.transition': method({
    input: z.object({ id: Id, version: Version, to: ProcedureStatus, reason: OptionalText(500) }),
    output: Procedure,
    roles: STAFF,
  }),
  'procedures.complete': method({ input: CompletionInput, output: Procedure, roles: ['doctor'] }),
  'procedures.calendar': method({ input: CalendarQuery, output: z.array(CalendarBooking), roles: STAFF }),
  /** The all-rooms week as occupancy: per room and clinic day, only rooms with bookings. */
  'procedures.occupancy': method({ input: OccupancyQuery, output: z.array(RoomDayLoad), roles: STAFF }),
  /** "Which patients received lot X?": completed procedures whose lot matches (case-insensitive, whole or prefix). */
  'procedures.byLot': method({
    input: z.object({ lot: z.string().trim().min(1).max(60) }),
    output: z.array(LotUse),
    roles: STAFF,
  }),
  'procedures.wardList': method({ input: z.object({ day: IsoDate }), output: WardList, roles: STAFF }),
  /** Home screens: today's and tomorrow's procedures (a doctor: their own), expected admissions and discharges. */
  'treatment.agenda': method({
    input: z.object({
      mine: z.boolean().default(false),
      /** Each list's first rows only (the home screen's panels), with the totals; null or absent: every row. */
      firstRows: z.number().int().min(1).max(1000).nullable().default(null),
    }),
    output: TreatmentAgenda,
    roles: STAFF,
  }),
} as const;
