// Rules for inquiries: intake, edits, the pipeline, owners and follow-ups, the activity timeline, the worklist.
import {
  CONTACT_KINDS,
  DOCTOR_ONLY_TARGETS,
  INQUIRY_TRANSITIONS,
  REASON_REQUIRED,
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
} from '../contract';
import { findAccountById } from '../repos/accounts';
import * as repo from '../repos/inquiries';
import { type CallContext, requireActor } from './context';
import { type Core, audit, clinicToday, diff, nowIso, write } from './core';
import { DomainError, fieldError, notFound } from './errors';

const ENTITY = 'inquiry';

function load(core: Core, id: number): Inquiry {
  const inquiry = repo.findInquiry(core.db, id);
  if (!inquiry) throw notFound('Inquiry', id);
  return inquiry;
}

function checkVersion(inquiry: Inquiry, version: number): void {
  if (inquiry.version !== version) {
    throw new DomainError(
      'CONFLICT',
      'Someone else changed this inquiry after you opened it. Reload to see their change; what you typed is kept.',
      { currentVersion: inquiry.version },
    );
  }
}

function checkOwner(core: Core, ownerId: number | null): void {
  if (ownerId === null) return;
  const owner = findAccountById(core.db, ownerId);
  if (!owner || !owner.active || owner.role === 'admin') throw fieldError('ownerId', 'Pick an active coordinator or doctor');
}

/** The statuses this person may move the inquiry to from where it is now. */
export function allowedTransitions(status: InquiryStatus, role: Role): InquiryStatus[] {
  return INQUIRY_TRANSITIONS[status].filter((to) => role === 'doctor' || !DOCTOR_ONLY_TARGETS.includes(to));
}

export function create(ctx: CallContext, fields: InquiryFields): Inquiry {
  const actor = requireActor(ctx);
  const { core } = ctx;
  return write(core, () => {
    checkOwner(core, fields.ownerId);
    const at = nowIso(core);
    const id = repo.insertInquiry(core.db, fields, { at, by: actor.id });
    // The story starts when the inquiry arrived, even if it is typed in later.
    repo.insertStatusChange(core.db, { inquiryId: id, at: fields.receivedAt, from: null, to: 'new', reason: null, authorId: actor.id });
    const created = load(core, id);
    audit(core, actor, 'inquiries.create', ENTITY, id, null, created);
    return created;
  });
}

export function update(ctx: CallContext, input: { id: number; version: number; fields: InquiryFields }): Inquiry {
  const actor = requireActor(ctx);
  const { core } = ctx;
  return write(core, () => {
    const before = load(core, input.id);
    checkVersion(before, input.version);
    checkOwner(core, input.fields.ownerId);
    repo.updateInquiryFields(core.db, input.id, input.fields, nowIso(core));
    const after = load(core, input.id);
    const changed = diff(before, after);
    audit(core, actor, 'inquiries.update', ENTITY, input.id, changed?.before ?? null, changed?.after ?? null);
    return after;
  });
}

const STATUS_NAMES: Record<InquiryStatus, string> = {
  new: 'New',
  contacted: 'Contacted',
  awaiting_records: 'Awaiting records',
  under_review: 'Under review',
  accepted: 'Accepted',
  converted: 'Converted',
  declined: 'Declined',
  closed: 'Closed',
};

export function changeStatus(ctx: CallContext, input: { id: number; version: number; to: InquiryStatus; reason: string | null }): Inquiry {
  const actor = requireActor(ctx);
  const { core } = ctx;
  return write(core, () => {
    const before = load(core, input.id);
    checkVersion(before, input.version);
    const legal = INQUIRY_TRANSITIONS[before.status];
    if (!legal.includes(input.to)) {
      const next = legal.map((s) => STATUS_NAMES[s]).join(', ');
      throw new DomainError(
        'INVALID_TRANSITION',
        input.to === 'converted'
          ? 'An inquiry becomes Converted only by converting it into a patient.'
          : `An inquiry cannot go from ${STATUS_NAMES[before.status]} to ${STATUS_NAMES[input.to]}.` +
            (next ? ` From ${STATUS_NAMES[before.status]} it can go to: ${next}.` : ' It is finished.'),
        { from: before.status, to: input.to, allowed: [...legal] },
      );
    }
    if (DOCTOR_ONLY_TARGETS.includes(input.to) && actor.role !== 'doctor') {
      throw new DomainError('FORBIDDEN', 'Accepting or declining is an eligibility decision: a doctor makes it.', {
        from: before.status,
        to: input.to,
      });
    }
    if (REASON_REQUIRED.includes(input.to) && input.reason === null) {
      throw fieldError('reason', `Say why the inquiry is ${STATUS_NAMES[input.to].toLowerCase()}`);
    }
    const at = nowIso(core);
    const firstContactAt = before.firstContactAt ?? (input.to === 'contacted' ? at : null);
    repo.setInquiryStatus(core.db, input.id, { status: input.to, reason: input.reason, firstContactAt, at });
    repo.insertStatusChange(core.db, { inquiryId: input.id, at, from: before.status, to: input.to, reason: input.reason, authorId: actor.id });
    const after = load(core, input.id);
    audit(core, actor, 'inquiries.changeStatus', ENTITY, input.id, { status: before.status }, { status: after.status, reason: input.reason });
    return after;
  });
}

export function assign(ctx: CallContext, input: { id: number; version: number; ownerId: number | null; nextFollowUp: string | null }): Inquiry {
  const actor = requireActor(ctx);
  const { core } = ctx;
  return write(core, () => {
    const before = load(core, input.id);
    checkVersion(before, input.version);
    checkOwner(core, input.ownerId);
    repo.setInquiryOwner(core.db, input.id, { ownerId: input.ownerId, nextFollowUp: input.nextFollowUp, at: nowIso(core) });
    const after = load(core, input.id);
    audit(core, actor, 'inquiries.assign', ENTITY, input.id,
      { ownerId: before.ownerId, nextFollowUp: before.nextFollowUp },
      { ownerId: after.ownerId, nextFollowUp: after.nextFollowUp });
    return after;
  });
}

/**
 * Logs a call, e-mail, message, note or document. The first call, e-mail or message ends the wait for
 * first contact, and moves a New inquiry to Contacted, so the pipeline never lags behind the work.
 */
export function addActivity(ctx: CallContext, input: { id: number; kind: ActivityKind; summary: string; at: string | null }): TimelineEntry {
  const actor = requireActor(ctx);
  const { core } = ctx;
  return write(core, () => {
    const before = load(core, input.id);
    const now = nowIso(core);
    const at = input.at ?? now;
    if (at > now) throw fieldError('at', 'An activity cannot be in the future');
    if (at < before.receivedAt) throw fieldError('at', 'An activity cannot be before the inquiry arrived');
    const id = repo.insertActivity(core.db, { inquiryId: input.id, at, kind: input.kind, summary: input.summary, authorId: actor.id, createdAt: now });
    if (CONTACT_KINDS.includes(input.kind) && before.firstContactAt === null) {
      const status = before.status === 'new' ? 'contacted' : before.status;
      repo.setInquiryStatus(core.db, input.id, { status, reason: before.statusReason, firstContactAt: at, at: now });
      if (status !== before.status) {
        repo.insertStatusChange(core.db, { inquiryId: input.id, at, from: before.status, to: status, reason: null, authorId: actor.id });
      }
    }
    audit(core, actor, 'inquiries.addActivity', ENTITY, input.id, null, { activityId: id, kind: input.kind, at });
    return { type: 'activity', id, at, kind: input.kind, summary: input.summary, authorName: actor.displayName };
  });
}

export function get(ctx: CallContext, input: { id: number }): InquiryDetail {
  const actor = requireActor(ctx);
  const { core } = ctx;
  const inquiry = load(core, input.id);
  return {
    inquiry,
    timeline: repo.timeline(core.db, input.id),
    allowedTransitions: allowedTransitions(inquiry.status, actor.role),
    today: clinicToday(core),
  };
}

export function list(ctx: CallContext, q: InquiryQuery): InquiryPage {
  const today = clinicToday(ctx.core);
  return { ...repo.listInquiries(ctx.core.db, q, today), today };
}

export function worklist(ctx: CallContext, input: { scope: 'mine' | 'all' }): Worklist {
  const actor = requireActor(ctx);
  const today = clinicToday(ctx.core);
  return { today, ...repo.worklist(ctx.core.db, today, input.scope === 'mine' ? actor.id : null) };
}
