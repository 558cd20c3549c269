// Rules for the follow-up worklist: the clinic's month points still to arrange (states from the schedule's windows and
// the latest contact attempt), and recording an attempt (coordinators and doctors, audited, never edited).
import {
  type ContactAttempt,
  FOLLOW_UP_HORIZON_DAYS,
  FOLLOW_UP_POINTS,
  type FollowUpPoint,
  type FollowUpState,
  OPEN_FOLLOW_UP_STATES,
  type TimePoint,
  type FollowUpWorklist,
} from '../contract';
import { findCourse } from '../repos/courses';
import * as repo from '../repos/follow-ups';
import { findProcedure } from '../repos/procedures';
import { fieldError, notFound } from '../sqlite/domain-error';
import { MONTHS_AFTER_DISCHARGE, WINDOW_DAYS, addDays, addMonths } from './assessment-schedule';
import { clinicToday } from './clinic-time';
import type { CallContext } from './context';
import { command } from './kernel';
import { loadLive } from './patients';

/** The month points with their windows, from the schedule's own tables (one source of windows for both). */
export const MONTH_POINTS: readonly repo.MonthPoint[] = FOLLOW_UP_POINTS.map((tp) => ({
  timePoint: tp,
  months: MONTHS_AFTER_DISCHARGE[tp] ?? 0,
  before: WINDOW_DAYS[tp].before,
  after: WINDOW_DAYS[tp].after,
}));
const LONGEST = Math.max(...MONTH_POINTS.map((p) => p.months));
const OPEN: ReadonlySet<FollowUpState> = new Set(OPEN_FOLLOW_UP_STATES);

/**
 * The discharge days whose point `p` can be open (upcoming within the horizon, due or overdue) today: its window
 * must end on or after today and open by the horizon. A day the month lacks moves the target back by up to 3 days
 * (31 Jan + 1 month = 28 Feb), so the range is widened by 4 days each side: a superset, the states are decided after.
 */
export function openDischarges(p: repo.MonthPoint, today: string, horizon: string): { from: string; to: string } {
  return {
    from: addDays(addMonths(addDays(today, -p.after), -p.months), -4),
    to: addDays(addMonths(addDays(horizon, p.before), -p.months), 4),
  };
}

export interface WorklistInput {
  states: FollowUpState[];
  timePoint: FollowUpPoint | null;
  limit: number;
  offset: number;
}

/**
 * One SQL query over the discharged courses, not the schedule computed per patient in JS. Asked only for open states,
 * it reads the courses discharged in the last LONGEST + 2 months (a window closes at most 30 days after its target),
 * through `courses_discharged`; asked for missed or lost points, it reads every discharged course.
 */
export function worklist(ctx: CallContext, input: WorklistInput): FollowUpWorklist {
  const today = clinicToday(ctx.core);
  const states = input.states.length === 0 ? [...OPEN_FOLLOW_UP_STATES] : input.states;
  const horizon = addDays(today, FOLLOW_UP_HORIZON_DAYS);
  const open = states.every((s) => OPEN.has(s));
  const query: repo.WorklistQuery = {
    today,
    horizon,
    openSince: open ? addMonths(today, -(LONGEST + 2)) : null,
    points: open ? MONTH_POINTS.map((p) => ({ ...p, discharged: openDischarges(p, today, horizon) })) : MONTH_POINTS,
    states,
    timePoint: input.timePoint,
    limit: input.limit,
    offset: input.offset,
  };
  const db = ctx.core.db;
  let found = repo.worklist(db, query);
  // Past the last page the window count has no row to ride on: ask once more for the first row, for the total.
  if (found.rows.length === 0 && input.offset > 0) {
    found = { rows: [], total: repo.worklist(db, { ...query, limit: 1, offset: 0 }).total };
  }
  return {
    today,
    total: found.total,
    rows: found.rows.map((r) => ({
      patientId: r.patient_id,
      familyName: r.family_name,
      givenName: r.given_name,
      nativeName: r.native_name,
      mrn: r.mrn,
      phone: r.phone,
      email: r.email,
      messagingHandle: r.messaging_handle,
      emergencyName: r.emergency_name,
      emergencyPhone: r.emergency_phone,
      country: r.nationality,
      language: r.language,
      courseId: r.course_id,
      dischargedOn: r.discharged_on,
      timePoint: r.time_point,
      target: r.target,
      from: r.from_day,
      to: r.to_day,
      state: r.state,
      lastAttempt: r.lastAttempt,
    })),
  };
}

/** The attempt as the contract parses it: the patient is the course's. */
export type RecordAttemptInput = Omit<repo.NewAttempt, 'patientId'>;

const MONTHS: ReadonlySet<TimePoint> = new Set(FOLLOW_UP_POINTS);

/**
 * An attempt to reach the patient about one time point. "Lost to follow-up" is an outcome like the others: while it
 * is the point's latest attempt the worklist shows the point as `lost` (not overdue); a later attempt that reaches
 * the patient puts it back. The point still has no assessment, so reports count it as missed.
 */
export function recordAttempt(ctx: CallContext, input: RecordAttemptInput): ContactAttempt {
  return command(ctx, { action: 'followUps.recordAttempt', entity: 'follow_up_contact' }, ({ w, actor, at }) => {
    const course = findCourse(w, input.courseId);
    if (!course) throw notFound('Course', input.courseId);
    const patient = loadLive(w, course.patientId);
    if (course.status === 'cancelled' || (MONTHS.has(input.timePoint) && course.status !== 'discharged')) {
      throw fieldError('courseId', 'Follow-ups are arranged for discharged courses');
    }
    if (input.timePoint !== 'after_procedure' && input.procedureId !== null) {
      throw fieldError('procedureId', 'Only the after-procedure time point names a procedure');
    }
    if (input.timePoint === 'after_procedure') {
      const p = input.procedureId === null ? null : findProcedure(w, input.procedureId);
      if (!p || p.courseId !== course.id) throw fieldError('procedureId', "Pick one of this patient's procedures");
    }
    if (input.nextTryOn !== null && input.nextTryOn < clinicToday(ctx.core)) {
      throw fieldError('nextTryOn', 'The next try cannot be before today');
    }
    const id = repo.insertAttempt(w, { ...input, patientId: patient.id }, { at, by: actor.id });
    const saved = repo.findAttempt(w, id);
    if (!saved) throw new Error(`Attempt ${id} vanished inside its own transaction`);
    return saved;
  });
}

export function attempts(ctx: CallContext, input: { patientId: number }): ContactAttempt[] {
  loadLive(ctx.core.db, input.patientId);
  return repo.attemptsOfPatient(ctx.core.db, input.patientId);
}
