// Rules for treatment courses (admission, discharge, cancellation with its bookings) and the consents of a course.
import {
  COURSE_LIFECYCLE,
  type Consent,
  type ConsentType,
  type Course,
  type CourseFields,
  type CourseStatus,
  formKey,
} from '../contract';
import { findAccountById } from '../repos/accounts';
import { findAttachment } from '../repos/attachments';
import * as consents from '../repos/consents';
import * as repo from '../repos/courses';
import { renumberCourse } from '../repos/procedures';
import { DomainError, fieldError } from '../sqlite/domain-error';
import type { ReadableDB } from '../sqlite/handles';
import { clinicTimeZone, clinicToday, dayInZone } from './clinic-time';
import type { CallContext } from './context';
import { command, mustLoad } from './kernel';
import { settleDraft } from './drafts';
import { checkTransition } from './lifecycle';
import { loadLive } from './patients';

const CONFLICT =
  'Someone else changed this course after you opened it. Reload to see their change; what you typed is kept.';

export const loadCourse = (db: ReadableDB, id: number): Course => mustLoad(db, id, repo.findCourse, 'Course');

const target = (id: number, version: number) => ({
  id,
  version,
  load: repo.findCourse,
  label: 'Course',
  conflictMessage: CONFLICT,
});

/** The clinic-local days a course's bookings must fall on: actual dates where known, else the planned ones. */
export const courseDays = (c: Course): { from: string; to: string } => ({
  from: c.admittedOn ?? c.plannedAdmission,
  to: c.dischargedOn ?? c.plannedDischarge,
});

export function create(ctx: CallContext, input: { patientId: number; fields: CourseFields }): Course {
  return command(ctx, { action: 'courses.create', entity: 'course' }, ({ w, actor, at }) => {
    loadLive(w, input.patientId);
    const id = repo.insertCourse(w, input.patientId, input.fields, { at, by: actor.id });
    // The form's draft goes with the save it became, as for every other form.
    settleDraft(w, actor.id, formKey('courseNew', input.patientId));
    return loadCourse(w, id);
  });
}

/** Edits the plan. A finished or cancelled stay is history; new dates must still hold the bookings made in them. */
export function update(ctx: CallContext, input: { id: number; version: number; fields: CourseFields }): Course {
  const spec = { action: 'courses.update', entity: 'course', ...target(input.id, input.version) };
  return command(ctx, spec, ({ w, actor, before, at }) => {
    if (!COURSE_LIFECYCLE.open.includes(before.status)) {
      throw new DomainError('CONFLICT', `This course is ${before.status}; it can no longer be changed.`, {
        entity: 'courses',
        status: before.status,
      });
    }
    const days = courseDays({ ...before, ...input.fields });
    const zone = clinicTimeZone(ctx.core);
    const outside = repo.scheduledStarts(w, input.id).map((s) => dayInZone(new Date(s), zone));
    if (outside.some((d) => d < days.from)) {
      throw fieldError('plannedAdmission', 'A procedure booked in this course is before this date');
    }
    if (outside.some((d) => d > days.to)) {
      throw fieldError('plannedDischarge', 'A procedure booked in this course is after this date');
    }
    repo.updateCourseFields(w, input.id, input.fields, at);
    settleDraft(w, actor.id, formKey('course', input.id));
    return loadCourse(w, input.id);
  });
}

/**
 * Admits (recording the actual day, the clinic's today unless given), discharges (likewise), or cancels with a reason:
 * the course's still-scheduled procedures are cancelled with the same reason in the same transaction.
 */
export function transition(
  ctx: CallContext,
  input: { id: number; version: number; to: CourseStatus; reason: string | null; on: string | null },
): Course {
  let freed: number[] = [];
  const spec = {
    action: 'courses.transition',
    entity: 'course',
    ...target(input.id, input.version),
    audit: (before: Course, after: Course) => ({
      entityId: input.id,
      before: { status: before.status },
      after: {
        status: after.status,
        admittedOn: after.admittedOn,
        dischargedOn: after.dischargedOn,
        reason: input.reason,
        ...(freed.length > 0 ? { cancelledProcedures: freed } : {}),
      },
    }),
  };
  return command(ctx, spec, ({ w, actor, before, at, audit }) => {
    checkTransition(COURSE_LIFECYCLE, { from: before.status, to: input.to, role: actor.role, reason: input.reason });
    const today = clinicToday(ctx.core);
    const on = input.on ?? today;
    let { admittedOn, dischargedOn } = before;
    if (input.to === 'admitted') {
      if (on > today) throw fieldError('on', 'An admission cannot be in the future');
      admittedOn = on;
    } else if (input.to === 'discharged') {
      if (on > today) throw fieldError('on', 'A discharge cannot be in the future');
      if (admittedOn !== null && on < admittedOn) throw fieldError('on', 'A discharge cannot be before the admission');
      dischargedOn = on;
    }
    const cancelReason = input.to === 'cancelled' ? input.reason : null;
    repo.setCourseStatus(w, input.id, { status: input.to, admittedOn, dischargedOn, cancelReason }, at);
    if (input.to === 'cancelled' && input.reason !== null) {
      freed = repo.cancelScheduledProcedures(w, input.id, input.reason, at);
      // What the stay did hold keeps gap-free transplant numbers, as after any single cancellation.
      renumberCourse(w, input.id);
      for (const id of freed)
        audit('courses.transition', 'procedure', id, { status: 'scheduled' }, { status: 'cancelled' });
    }
    return loadCourse(w, input.id);
  });
}

const loadConsent = (db: ReadableDB, id: number): Consent => mustLoad(db, id, consents.findConsent, 'Consent');

/** Who may take consent: an active coordinator or doctor (an admin account runs the system, not the ward). */
function checkTaker(db: ReadableDB, id: number): void {
  const account = findAccountById(db, id);
  if (!account || !account.active || account.role === 'admin') {
    throw fieldError('takenById', 'Pick an active coordinator or doctor');
  }
}

/** The scanned form: one of this patient's attachments (not removed), filed as a consent. */
function checkForm(db: ReadableDB, attachmentId: number | null, patientId: number): void {
  if (attachmentId === null) return;
  const a = findAttachment(db, attachmentId);
  if (!a || a.removedAt !== null || a.owner.kind !== 'patient' || a.owner.id !== patientId) {
    throw fieldError('attachmentId', "Pick one of this patient's attachments");
  }
  if (a.kind !== 'consent') throw fieldError('attachmentId', 'Pick an attachment filed as a consent form');
}

export function recordConsent(
  ctx: CallContext,
  input: { courseId: number; type: ConsentType; givenOn: string; takenById: number; attachmentId: number | null },
): Consent {
  return command(ctx, { action: 'consents.record', entity: 'consent' }, ({ w, at }) => {
    const course = loadCourse(w, input.courseId);
    if (input.givenOn > clinicToday(ctx.core)) throw fieldError('givenOn', 'A consent cannot be dated in the future');
    checkTaker(w, input.takenById);
    checkForm(w, input.attachmentId, course.patientId);
    return loadConsent(w, consents.insertConsent(w, input, at));
  });
}

export function withdrawConsent(
  ctx: CallContext,
  input: { id: number; version: number; withdrawnOn: string; note: string | null },
): Consent {
  const spec = {
    action: 'consents.withdraw',
    entity: 'consent',
    id: input.id,
    version: input.version,
    load: consents.findConsent,
    label: 'Consent',
  };
  return command(ctx, spec, ({ w, before }) => {
    if (before.withdrawnOn !== null) {
      throw new DomainError('CONFLICT', `This consent was already withdrawn on ${before.withdrawnOn}.`, {
        withdrawnOn: before.withdrawnOn,
      });
    }
    if (input.withdrawnOn < before.givenOn) {
      throw fieldError('withdrawnOn', 'A withdrawal cannot be before the consent was given');
    }
    if (input.withdrawnOn > clinicToday(ctx.core)) {
      throw fieldError('withdrawnOn', 'A withdrawal cannot be in the future');
    }
    consents.withdrawConsent(w, input.id, { on: input.withdrawnOn, note: input.note });
    return loadConsent(w, input.id);
  });
}
