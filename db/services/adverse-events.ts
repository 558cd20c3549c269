// Rules for adverse events: recorded and kept by doctors, checked against the patient's own procedures and the
// clinic's today, closed as resolved or fatal through the lifecycle; reads for the patient page and the doctor's home.
import {
  ADVERSE_EVENT_LIFECYCLE,
  type AdverseEvent,
  type AdverseEventFields,
  type AdverseEventStatus,
  needsFollowUp,
} from '../contract';
import * as repo from '../repos/adverse-events';
import { findProcedure } from '../repos/procedures';
import { DomainError, fieldError } from '../sqlite/domain-error';
import type { ReadableDB } from '../sqlite/handles';
import { clinicTimeZone, clinicToday, dayInZone } from './clinic-time';
import type { CallContext } from './context';
import { command, mustLoad } from './kernel';
import { checkTransition } from './lifecycle';
import { loadLive } from './patients';

const ENTITY = 'adverse_event';
const LABEL = 'Adverse event';
const CONFLICT =
  'Someone else changed this adverse event after you opened it. Reload to see their change; what you typed is kept.';

const loadEvent = (db: ReadableDB, id: number): AdverseEvent => mustLoad(db, id, repo.findAdverseEvent, LABEL);

const target = (id: number, version: number) => ({
  id,
  version,
  load: repo.findAdverseEvent,
  label: LABEL,
  conflictMessage: CONFLICT,
});

/**
 * The rules that need the database or the clock (the contract's schema has checked the rest: grade 5, "other",
 * the follow-up date). The follow-up rule is checked again here so no caller that skips the schema can drop it.
 */
function checkFields(ctx: CallContext, db: ReadableDB, patientId: number, f: AdverseEventFields): void {
  if (f.onsetOn > clinicToday(ctx.core)) throw fieldError('onsetOn', 'The onset date is in the future');
  if (needsFollowUp(f.grade, f.serious) && f.followUpOn === null) {
    throw fieldError('followUpOn', 'Required for grade 3 or higher, or a serious event');
  }
  if (f.procedureId === null) return;
  const procedure = findProcedure(db, f.procedureId);
  if (!procedure || procedure.patient.id !== patientId) {
    throw fieldError('procedureId', "Pick one of this patient's procedures");
  }
  if (f.onsetOn < dayInZone(new Date(procedure.startsAt), clinicTimeZone(ctx.core))) {
    throw fieldError('onsetOn', 'Must not be before the procedure');
  }
}

export function record(ctx: CallContext, input: { patientId: number; fields: AdverseEventFields }): AdverseEvent {
  return command(ctx, { action: 'adverseEvents.record', entity: ENTITY }, ({ w, actor, at }) => {
    loadLive(w, input.patientId);
    checkFields(ctx, w, input.patientId, input.fields);
    const id = repo.insertAdverseEvent(w, input.patientId, input.fields, { at, by: actor.id });
    return loadEvent(w, id);
  });
}

/** Corrects an open event; a closed one is history (its outcome was decided when it closed). */
export function update(
  ctx: CallContext,
  input: { id: number; version: number; fields: AdverseEventFields },
): AdverseEvent {
  const spec = { action: 'adverseEvents.update', entity: ENTITY, ...target(input.id, input.version) };
  return command(ctx, spec, ({ w, before, at }) => {
    refuseClosed(before);
    checkFields(ctx, w, before.patient.id, input.fields);
    repo.updateAdverseEvent(w, input.id, input.fields, at);
    return loadEvent(w, input.id);
  });
}

function refuseClosed(e: AdverseEvent): void {
  if (ADVERSE_EVENT_LIFECYCLE.open.includes(e.status)) return;
  throw new DomainError('CONFLICT', `This adverse event is ${e.status}; it can no longer be changed.`, {
    entity: ADVERSE_EVENT_LIFECYCLE.entity,
    status: e.status,
  });
}

/** The day an event closed on: not before its onset, not after the clinic's today. */
function checkCloseDay(ctx: CallContext, e: AdverseEvent, field: string, day: string, future: string): void {
  if (day < e.onsetOn) throw fieldError(field, 'Must not be before the onset');
  if (day > clinicToday(ctx.core)) throw fieldError(field, future);
}

function close(
  ctx: CallContext,
  input: { id: number; version: number },
  to: Exclude<AdverseEventStatus, 'open'>,
  change: (e: AdverseEvent) => { resolvedOn: string; outcome: 'recovered' | 'recovered_with_sequelae' | 'fatal' },
): AdverseEvent {
  const action = to === 'resolved' ? 'adverseEvents.resolve' : 'adverseEvents.markFatal';
  const spec = {
    action,
    entity: ENTITY,
    ...target(input.id, input.version),
    audit: (before: AdverseEvent, after: AdverseEvent) => ({
      entityId: input.id,
      before: { status: before.status, grade: before.grade, outcome: before.outcome },
      after: { status: after.status, grade: after.grade, outcome: after.outcome, resolvedOn: after.resolvedOn },
    }),
  };
  return command(ctx, spec, ({ w, actor, before, at }) => {
    checkTransition(ADVERSE_EVENT_LIFECYCLE, {
      from: before.status,
      to,
      role: actor.role,
      reason: null,
      command: action,
    });
    const c = change(before);
    // Grade 5 is "death related to the adverse event": marking an event fatal is what sets it (never the form).
    repo.closeAdverseEvent(w, input.id, { status: to, ...c, grade: to === 'fatal' ? 5 : before.grade }, at);
    return loadEvent(w, input.id);
  });
}

export const resolve = (
  ctx: CallContext,
  input: { id: number; version: number; resolvedOn: string; outcome: 'recovered' | 'recovered_with_sequelae' },
): AdverseEvent =>
  close(ctx, input, 'resolved', (e) => {
    checkCloseDay(ctx, e, 'resolvedOn', input.resolvedOn, 'A resolution cannot be in the future');
    return { resolvedOn: input.resolvedOn, outcome: input.outcome };
  });

export const markFatal = (ctx: CallContext, input: { id: number; version: number; diedOn: string }): AdverseEvent =>
  close(ctx, input, 'fatal', (e) => {
    checkCloseDay(ctx, e, 'diedOn', input.diedOn, 'A date of death cannot be in the future');
    return { resolvedOn: input.diedOn, outcome: 'fatal' };
  });

export const get = (ctx: CallContext, input: { id: number }): AdverseEvent => loadEvent(ctx.core.db, input.id);

export function forPatient(ctx: CallContext, input: { patientId: number }): AdverseEvent[] {
  loadLive(ctx.core.db, input.patientId);
  return repo.eventsOfPatient(ctx.core.db, input.patientId);
}

export const open = (ctx: CallContext): AdverseEvent[] => repo.openEvents(ctx.core.db);
