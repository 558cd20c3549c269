// Rules for procedures (bookings): book, move, status changes and completion, each refused in the core on a clash.
import {
  type BookingClash,
  type Completion,
  PROCEDURE_LIFECYCLE,
  type Procedure,
  type ProcedureStatus,
  type Route,
} from '../contract';
import { hasTreatmentConsent } from '../repos/consents';
import * as repo from '../repos/procedures';
import { DomainError, fieldError } from '../sqlite/domain-error';
import type { ReadableDB, WritableDB } from '../sqlite/handles';
import { clinicTimeZone, dayInZone } from './clinic-time';
import type { CallContext } from './context';
import { command, mustLoad } from './kernel';
import { checkTransition } from './lifecycle';

const ENTITY = 'procedure';
const CONFLICT =
  'Someone else changed this booking after you opened it. Reload to see their change; what you typed is kept.';

export const loadProcedure = (db: ReadableDB, id: number): Procedure =>
  mustLoad(db, id, repo.findProcedure, 'Procedure');

const target = (id: number, version: number) => ({
  id,
  version,
  load: repo.findProcedure,
  label: 'Procedure',
  conflictMessage: CONFLICT,
});

/** Instants as the database stores them (millisecond ISO, UTC), so text order is time order. */
const canonical = (iso: string): string => new Date(iso).toISOString();

/** Course statuses a booking may be made or moved in. */
const OPEN_COURSE = ['planned', 'admitted'];

const KIND_WORD = { room: 'The room', doctor: 'The doctor', patient: 'The patient' } as const;

/** English for logs and tests; the screens phrase it from `details.clash`. */
export function clashMessage(c: BookingClash): string {
  const who = `${c.patient.familyName} ${c.patient.givenName} (${c.patient.mrn})`;
  return `${KIND_WORD[c.kind]} is already booked then: ${who}, ${c.roomName}, ${c.doctorName}, ${c.startsAt}–${c.endsAt}.`;
}

interface SlotInput {
  startsAt: string;
  endsAt: string;
  roomId: number;
  doctorId: number;
}

/**
 * Every check a booking gets, inside the writing transaction: the times, the course's dates in the clinic's days,
 * the room and the doctor, then the clash ranges. Returns the slot as stored.
 */
function checkSlot(
  ctx: CallContext,
  w: WritableDB,
  course: repo.CourseWindow,
  input: SlotInput,
  exceptId: number | null,
): repo.Slot {
  const slot = {
    startsAt: canonical(input.startsAt),
    endsAt: canonical(input.endsAt),
    roomId: input.roomId,
    doctorId: input.doctorId,
    patientId: course.patientId,
  };
  if (slot.endsAt <= slot.startsAt) throw fieldError('endsAt', 'The end must be after the start');
  if (Date.parse(slot.endsAt) - Date.parse(slot.startsAt) > repo.MAX_BOOKING_MS) {
    throw fieldError('endsAt', 'A booking lasts at most 12 hours');
  }
  if (!OPEN_COURSE.includes(course.status)) {
    throw new DomainError('CONFLICT', `This course is ${course.status}: it takes no more bookings.`, {
      courseStatus: course.status,
    });
  }
  const first = course.admittedOn ?? course.plannedAdmission;
  const last = course.dischargedOn ?? course.plannedDischarge;
  const zone = clinicTimeZone(ctx.core);
  // [start, end): a booking ending at midnight ends on the day before.
  const startDay = dayInZone(new Date(slot.startsAt), zone);
  const endDay = dayInZone(new Date(Date.parse(slot.endsAt) - 1), zone);
  if (startDay < first || endDay > last) {
    const message = `Outside the course's dates (${first} to ${last})`;
    throw new DomainError('VALIDATION', `startsAt: ${message}`, {
      fields: [{ path: 'startsAt', message }],
      courseDates: { from: first, to: last },
    });
  }
  const room = repo.findRoom(w, slot.roomId);
  if (!room || !room.active) throw fieldError('roomId', 'Pick an active room');
  if (!repo.isActiveDoctor(w, slot.doctorId)) throw fieldError('doctorId', 'Pick an active doctor');
  const clash = repo.findClash(w, slot, exceptId);
  if (clash) throw new DomainError('CONFLICT', clashMessage(clash), { reason: 'booking_clash', clash });
  return slot;
}

const loadCourse = (db: ReadableDB, id: number) => mustLoad(db, id, repo.findCourseWindow, 'Course');

export function book(ctx: CallContext, input: SlotInput & { courseId: number; typeId: number }): Procedure {
  return command(ctx, { action: 'procedures.book', entity: ENTITY }, ({ w, actor, at }) => {
    const course = loadCourse(w, input.courseId);
    const type = repo.findType(w, input.typeId);
    if (!type || !type.active) throw fieldError('typeId', 'Pick an active procedure type');
    const slot = checkSlot(ctx, w, course, input, null);
    // Bookings are mostly made in time order: the new one is then the course's next number and no other row changes.
    const sequence = repo.nextSequence(w, course.id, slot.startsAt);
    const row = { ...slot, courseId: course.id, typeId: input.typeId, sequence };
    const id = repo.insertProcedure(w, row, { at, by: actor.id });
    if (sequence === null) repo.renumberCourse(w, course.id);
    return loadProcedure(w, id);
  });
}

/** Move, resize, or change the room or doctor: the same checks as booking, against every booking but itself. */
export function move(ctx: CallContext, input: SlotInput & { id: number; version: number }): Procedure {
  const spec = { action: 'procedures.move', entity: ENTITY, ...target(input.id, input.version) };
  return command(ctx, spec, ({ w, before, at }) => {
    if (before.status !== 'scheduled') {
      throw new DomainError(
        'INVALID_TRANSITION',
        `Only a scheduled booking can be moved; this one is ${before.status}.`,
        {
          entity: PROCEDURE_LIFECYCLE.entity,
          from: before.status,
          to: before.status,
          allowed: [],
        },
      );
    }
    const slot = checkSlot(ctx, w, loadCourse(w, before.courseId), input, before.id);
    repo.moveProcedure(w, before.id, slot, at);
    repo.renumberCourse(w, before.courseId);
    return loadProcedure(w, before.id);
  });
}

export function transition(
  ctx: CallContext,
  input: { id: number; version: number; to: ProcedureStatus; reason: string | null },
): Procedure {
  const spec = {
    action: 'procedures.transition',
    entity: ENTITY,
    ...target(input.id, input.version),
    audit: (before: Procedure, after: Procedure) => ({
      entityId: input.id,
      before: { status: before.status, sequence: before.sequence },
      after: { status: after.status, reason: after.reason },
    }),
  };
  return command(ctx, spec, ({ w, actor, before, at }) => {
    const request = { from: before.status, to: input.to, role: actor.role, reason: input.reason };
    checkTransition(PROCEDURE_LIFECYCLE, request, {
      systemOnly: () => 'A procedure is completed by recording it as performed (a doctor, with the lot number).',
    });
    repo.setStatus(w, before.id, input.to, input.reason, at);
    repo.renumberCourse(w, before.courseId);
    return loadProcedure(w, before.id);
  });
}

/** Course statuses in which a procedure may be recorded as performed: admitted, or discharged (late paperwork). */
const COMPLETABLE_COURSE = ['admitted', 'discharged'];

export interface CompletionInput {
  id: number;
  version: number;
  product: string;
  lotNumber: string;
  dose: number;
  doseUnit: Completion['doseUnit'];
  route: Route;
  performedStart: string;
  performedEnd: string;
  notes: string | null;
}

/**
 * A doctor records a procedure as performed: the cell product, lot, dose and route. Refused while the course has no
 * recorded, non-withdrawn treatment consent, and unless the patient was admitted on the course (admitted now, or
 * discharged since): a planned or cancelled stay cannot have had a transplant.
 */
export function complete(ctx: CallContext, input: CompletionInput): Procedure {
  const spec = { action: 'procedures.complete', entity: ENTITY, ...target(input.id, input.version) };
  return command(ctx, spec, ({ w, actor, before, at }) => {
    checkTransition(
      PROCEDURE_LIFECYCLE,
      { from: before.status, to: 'completed', role: actor.role, reason: null, command: 'procedures.complete' },
      { notFrom: (from) => `Only a scheduled procedure can be completed; this one is ${from}.` },
    );
    if (actor.role !== 'doctor') {
      throw new DomainError('FORBIDDEN', 'Only a doctor records a procedure as performed.', {
        entity: PROCEDURE_LIFECYCLE.entity,
        from: before.status,
        to: 'completed',
        allowed: [],
      });
    }
    const course = loadCourse(w, before.courseId);
    if (!COMPLETABLE_COURSE.includes(course.status)) {
      throw new DomainError(
        'INVALID_TRANSITION',
        `The patient is not admitted on this course (it is ${course.status}): admit them before recording a procedure.`,
        {
          entity: PROCEDURE_LIFECYCLE.entity,
          from: before.status,
          to: 'completed',
          allowed: [],
          courseStatus: course.status,
        },
      );
    }
    if (!hasTreatmentConsent(w, course.id)) {
      throw new DomainError(
        'CONFLICT',
        'This course has no valid treatment consent: record the signed consent before completing a procedure.',
        { reason: 'no_treatment_consent', courseId: course.id },
      );
    }
    const performedStart = canonical(input.performedStart);
    const performedEnd = canonical(input.performedEnd);
    if (performedEnd <= performedStart) throw fieldError('performedEnd', 'The end must be after the start');
    repo.setCompleted(
      w,
      before.id,
      {
        product: input.product,
        lotNumber: input.lotNumber,
        dose: input.dose,
        doseUnit: input.doseUnit,
        route: input.route,
        performedStart,
        performedEnd,
        notes: input.notes,
        completedById: actor.id,
        completedAt: at,
      },
      at,
    );
    return loadProcedure(w, before.id);
  });
}
