// Rules for inquiries: intake, edits, the pipeline, owners and follow-ups, the activity timeline, the worklist.
import {
  CONTACT_KINDS,
  INQUIRY_LIFECYCLE,
  type ActivityKind,
  type Inquiry,
  type InquiryDetail,
  type InquiryFields,
  type InquiryPage,
  type InquiryQuery,
  type InquiryStatus,
  type Role,
  type TimelineEntry,
  type Worklist,
  WORKLIST_LIMIT,
  allowedTargets,
  formKey,
} from '../contract';
import { findAccountById } from '../repos/accounts';
import * as repo from '../repos/inquiries';
import { fieldError } from '../sqlite/domain-error';
import type { ReadableDB, WritableDB } from '../sqlite/handles';
import { type CallContext, requireActor } from './context';
import { clinicToday } from './core';
import { settleDraft } from './drafts';
import { command, mustLoad, view } from './kernel';
import { checkTransition } from './lifecycle';
import type { Actor } from './sessions';

const ENTITY = 'inquiry';
const CONFLICT =
  'Someone else changed this inquiry after you opened it. Reload to see their change; what you typed is kept.';

/** How every inquiry command finds its record: inside its transaction, NOT_FOUND if missing. */
const target = (id: number, version?: number) => ({
  id,
  load: repo.findInquiry,
  label: 'Inquiry',
  conflictMessage: CONFLICT,
  ...(version === undefined ? {} : { version }),
});

export const loadInquiry = (db: ReadableDB, id: number): Inquiry => mustLoad(db, id, repo.findInquiry, 'Inquiry');

function checkOwner(db: ReadableDB, ownerId: number | null): void {
  if (ownerId === null) return;
  const owner = findAccountById(db, ownerId);
  if (!owner || !owner.active || owner.role === 'admin')
    throw fieldError('ownerId', 'Pick an active coordinator or doctor');
}

/** The statuses this person may move the inquiry to from where it is now. */
export const allowedTransitions = (status: InquiryStatus, role: Role): InquiryStatus[] =>
  allowedTargets(INQUIRY_LIFECYCLE, status, role);

export function create(ctx: CallContext, fields: InquiryFields): Inquiry {
  return command(ctx, { action: 'inquiries.create', entity: ENTITY }, ({ w, actor, at }) => {
    checkOwner(w, fields.ownerId);
    const id = repo.insertInquiry(w, fields, { at, by: actor.id });
    // The story starts when the inquiry arrived, even if it is typed in later.
    repo.insertStatusChange(w, {
      inquiryId: id,
      at: fields.receivedAt,
      from: null,
      to: 'new',
      reason: null,
      authorId: actor.id,
    });
    settleDraft(w, actor.id, formKey('inquiry', null));
    return loadInquiry(w, id);
  });
}

export function update(ctx: CallContext, input: { id: number; version: number; fields: InquiryFields }): Inquiry {
  const spec = { action: 'inquiries.update', entity: ENTITY, ...target(input.id, input.version) };
  return command(ctx, spec, ({ w, actor, at }) => {
    checkOwner(w, input.fields.ownerId);
    repo.updateInquiryFields(w, input.id, input.fields, at);
    settleDraft(w, actor.id, formKey('inquiry', input.id));
    return loadInquiry(w, input.id);
  });
}

/** English for logs and tests; the screens phrase refusals from their details (renderer/src/ui/error-message.ts). */
const REFUSALS = {
  systemOnly: () => 'An inquiry becomes Converted only by converting it into a patient.',
  notFrom: () => 'Only an accepted inquiry can be converted into a patient. A doctor accepts it first.',
  doctorOnly: () => 'Accepting or declining is an eligibility decision: a doctor makes it.',
  reason: (to: InquiryStatus) => `Say why the inquiry is ${to.replace('_', ' ')}`,
};

export interface InquiryMove {
  to: InquiryStatus;
  reason: string | null;
  /** The named command for targets only a command reaches (conversion). */
  command?: string;
  /** Conversion: the patient the inquiry becomes. */
  patientId?: number;
}

/** Refuses a move the lifecycle does not allow this actor (a command may check before it writes anything else). */
export function checkMove(actor: Actor, before: Inquiry, move: InquiryMove): void {
  const command = move.command === undefined ? {} : { command: move.command };
  const request = { from: before.status, to: move.to, role: actor.role, reason: move.reason, ...command };
  checkTransition(INQUIRY_LIFECYCLE, request, REFUSALS);
}

/**
 * The inquiry's one transition, inside a command's transaction: checks the lifecycle for this actor, moves the status
 * and records the step on the timeline. Status changes and conversion both go through here.
 */
export function transition(
  w: WritableDB,
  step: { actor: Actor; at: string },
  before: Inquiry,
  move: InquiryMove,
): Inquiry {
  const { actor, at } = step;
  checkMove(actor, before, move);
  if (move.patientId !== undefined) {
    repo.setInquiryPatient(w, before.id, { patientId: move.patientId, status: move.to, at });
  } else {
    const firstContactAt = before.firstContactAt ?? (move.to === 'contacted' ? at : null);
    repo.setInquiryStatus(w, before.id, { status: move.to, reason: move.reason, firstContactAt, at });
  }
  repo.insertStatusChange(w, {
    inquiryId: before.id,
    at,
    from: before.status,
    to: move.to,
    reason: move.reason,
    authorId: actor.id,
  });
  return loadInquiry(w, before.id);
}

export function changeStatus(
  ctx: CallContext,
  input: { id: number; version: number; to: InquiryStatus; reason: string | null },
): Inquiry {
  const spec = {
    action: 'inquiries.changeStatus',
    entity: ENTITY,
    ...target(input.id, input.version),
    audit: (before: Inquiry, after: Inquiry) => ({
      entityId: input.id,
      before: { status: before.status },
      after: { status: after.status, reason: input.reason },
    }),
  };
  return command(ctx, spec, (step) => transition(step.w, step, step.before, { to: input.to, reason: input.reason }));
}

export function assign(
  ctx: CallContext,
  input: { id: number; version: number; ownerId: number | null; nextFollowUp: string | null },
): Inquiry {
  const spec = {
    action: 'inquiries.assign',
    entity: ENTITY,
    ...target(input.id, input.version),
    audit: (before: Inquiry, after: Inquiry) => ({
      entityId: input.id,
      before: { ownerId: before.ownerId, nextFollowUp: before.nextFollowUp },
      after: { ownerId: after.ownerId, nextFollowUp: after.nextFollowUp },
    }),
  };
  return command(ctx, spec, ({ w, at }) => {
    checkOwner(w, input.ownerId);
    repo.setInquiryOwner(w, input.id, { ownerId: input.ownerId, nextFollowUp: input.nextFollowUp, at });
    return loadInquiry(w, input.id);
  });
}

/**
 * Logs a call, e-mail, message, note or document. The first call, e-mail or message ends the wait for
 * first contact, and moves a New inquiry to Contacted, so the pipeline never lags behind the work.
 */
export function addActivity(
  ctx: CallContext,
  input: { id: number; kind: ActivityKind; summary: string; at: string | null },
): TimelineEntry {
  const spec = {
    action: 'inquiries.addActivity',
    entity: ENTITY,
    ...target(input.id),
    audit: (_before: Inquiry, entry: TimelineEntry) => ({
      entityId: input.id,
      before: null,
      after: { activityId: entry.id, kind: input.kind, at: entry.at },
    }),
  };
  return command(ctx, spec, ({ w, actor, before, at: now }): TimelineEntry => {
    const at = input.at ?? now;
    if (at > now) throw fieldError('at', 'An activity cannot be in the future');
    if (at < before.receivedAt) throw fieldError('at', 'An activity cannot be before the inquiry arrived');
    const id = repo.insertActivity(w, {
      inquiryId: input.id,
      at,
      kind: input.kind,
      summary: input.summary,
      authorId: actor.id,
      createdAt: now,
    });
    if (CONTACT_KINDS.includes(input.kind) && before.firstContactAt === null) {
      // Not a chosen transition: the work itself moves New to Contacted (a forward step every role may take).
      const status = before.status === 'new' ? (INQUIRY_LIFECYCLE.forward.new ?? 'contacted') : before.status;
      repo.setInquiryStatus(w, input.id, { status, reason: before.statusReason, firstContactAt: at, at: now });
      if (status !== before.status) {
        repo.insertStatusChange(w, {
          inquiryId: input.id,
          at,
          from: before.status,
          to: status,
          reason: null,
          authorId: actor.id,
        });
      }
    }
    return { type: 'activity', id, at, kind: input.kind, summary: input.summary, authorName: actor.displayName };
  });
}

/** Opening an inquiry shows health facts (diagnosis, symptoms, message): recorded like opening a patient. */
export function get(ctx: CallContext, input: { id: number }): InquiryDetail {
  const spec = { action: 'inquiries.view', entity: ENTITY, id: input.id, load: repo.findInquiry, label: 'Inquiry' };
  return view(ctx, spec, ({ w, core, actor, before: inquiry }) => ({
    inquiry,
    timeline: repo.timeline(w, input.id),
    allowedTransitions: allowedTransitions(inquiry.status, actor.role),
    today: clinicToday(core),
  }));
}

export function list(ctx: CallContext, q: InquiryQuery): InquiryPage {
  const today = clinicToday(ctx.core);
  return { ...repo.listInquiries(ctx.core.db, q, today), today };
}

export function worklist(ctx: CallContext, input: { scope: 'mine' | 'all'; firstRows: number | null }): Worklist {
  const actor = requireActor(ctx);
  const today = clinicToday(ctx.core);
  const ownerId = input.scope === 'mine' ? actor.id : null;
  return { today, ...repo.worklist(ctx.core.db, today, ownerId, input.firstRows ?? WORKLIST_LIMIT) };
}
