// Rules for the follow-up worklist: the clinic's month points still to arrange (states from the schedule's windows and
// the latest contact attempt), and recording an attempt (coordinators and doctors, audited, never edited).
import {
  type ContactAttempt,
  FOLLOW_UP_HORIZON_DAYS,
  FOLLOW_UP_POINTS,
  FOLLOW_UP_STATES,
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
import { join, sql } from '../sqlite/sql';
import { MONTHS_AFTER_DISCHARGE, WINDOW_DAYS, addDays } from './assessment-schedule';
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
/**
 * Where an open state's window ends, per month point: the window end is the target plus `after` days and the start
 * the target less `before`, so each state is one exact range of `to_day` per point (due: the target between today and
 * `before` days on; overdue: the end between today and the target's `after` days; upcoming: the start after today and
 * by the horizon). Missed and lost have no such bound: they are read down the index from the newest.
 */
function openRanges(state: 'overdue' | 'due' | 'upcoming', today: string, horizon: string): repo.PointRange[] {
  return MONTH_POINTS.map((p) => {
    const span = p.before + p.after;
    const [from, to] =
      state === 'overdue'
        ? [today, addDays(today, p.after - 1)]
        : state === 'due'
          ? [addDays(today, p.after), addDays(today, span)]
          : [addDays(today, span + 1), addDays(horizon, span)];
    return { timePoint: p.timePoint, from, to };
  }).filter((r) => r.from <= r.to);
}

/** Each state's condition on a kept point `fp` today, as `assessments.schedule` decides it. */
function stateGroup(state: FollowUpState, today: string, horizon: string): Omit<repo.WorklistGroup, 'later'> {
  if (state === 'missed')
    return { state, where: sql`fp.lost = 0 AND fp.to_day < ${today}`, newestFirst: true, ranges: null };
  // Lost: the latest attempt said so, whatever the dates (listed once its window has opened or is about to).
  if (state === 'lost')
    return { state, where: sql`fp.lost = 1 AND fp.from_day <= ${horizon}`, newestFirst: true, ranges: null };
  const ranges = openRanges(state, today, horizon);
  const lo = ranges.reduce((m, r) => (r.from < m ? r.from : m), '9999');
  const hi = ranges.reduce((m, r) => (r.to > m ? r.to : m), '');
  const exact = join(
    ranges.map((r) => sql`(fp.time_point = ${r.timePoint} AND fp.to_day BETWEEN ${r.from} AND ${r.to})`),
    ' OR ',
  );
  return {
    state,
    where: sql`fp.lost = 0 AND fp.to_day >= ${lo} AND fp.to_day <= ${hi} AND (${exact})`,
    newestFirst: false,
    ranges,
  };
}

export interface WorklistInput {
  states: FollowUpState[];
  timePoint: FollowUpPoint | null;
  limit: number;
  offset: number;
}

/**
 * The kept month points (follow_up_points, migration 0240) read state by state in the worklist's order: most urgent
 * state first; within a state the points nobody promised a later call for, then those; open states by the window's
 * end soonest first, missed and lost ones latest first; then course and target.
 */
export function worklist(ctx: CallContext, input: WorklistInput): FollowUpWorklist {
  const today = clinicToday(ctx.core);
  const asked = new Set(input.states.length === 0 ? OPEN_FOLLOW_UP_STATES : input.states);
  const horizon = addDays(today, FOLLOW_UP_HORIZON_DAYS);
  const groups = FOLLOW_UP_STATES.filter((s) => asked.has(s)).flatMap((state) =>
    [false, true].map((later) => ({ ...stateGroup(state, today, horizon), later })),
  );
  const found = repo.worklist(ctx.core.db, {
    today,
    groups,
    timePoint: input.timePoint,
    limit: input.limit,
    offset: input.offset,
  });
  return {
    today,
    total: found.total,
    capped: found.capped,
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
