// Rules for form drafts: each account keeps its own, one per form; the audit log records the form, never what was typed.
import { type Draft, type DraftData, type DraftSummary, type FormKey } from '../contract';
import * as repo from '../repos/drafts';
import type { WritableDB } from '../sqlite/handles';
import { type CallContext, requireActor } from './context';
import { command } from './kernel';

const ENTITY = 'form_draft';

/**
 * Patient data stays in the draft row: the audit entry names only the form. A draft is audited when it starts and
 * when it is thrown away, not on every pause in typing (an autosave every few seconds would bury the real events):
 * `counts` says whether this call is one of those two.
 */
const auditKeyOnly = (formKey: string, counts: () => boolean) => () =>
  counts() ? { entityId: null, before: null, after: { formKey } } : null;

export function get(ctx: CallContext, input: { formKey: FormKey }): Draft | null {
  return repo.findDraft(ctx.core.db, requireActor(ctx).id, input.formKey);
}

export function mine(ctx: CallContext): DraftSummary[] {
  return repo.listDrafts(ctx.core.db, requireActor(ctx).id);
}

export function save(
  ctx: CallContext,
  input: { formKey: FormKey; data: DraftData; baseVersion: number | null },
): DraftSummary {
  let started = false;
  const spec = { action: 'drafts.save', entity: ENTITY, audit: auditKeyOnly(input.formKey, () => started) };
  return command(ctx, spec, ({ w, actor, at }) => {
    started = repo.findDraft(w, actor.id, input.formKey) === null;
    repo.upsertDraft(w, actor.id, { ...input, at });
    return { formKey: input.formKey, baseVersion: input.baseVersion, updatedAt: at };
  });
}

export function discard(ctx: CallContext, input: { formKey: FormKey }): { ok: true } {
  let thrown = false;
  const spec = { action: 'drafts.discard', entity: ENTITY, audit: auditKeyOnly(input.formKey, () => thrown) };
  return command(ctx, spec, ({ w, actor }) => {
    thrown = repo.findDraft(w, actor.id, input.formKey) !== null;
    repo.deleteDraft(w, actor.id, input.formKey);
    return { ok: true as const };
  });
}

/**
 * For the commands that save a form: the draft goes in the same transaction as the record it became, so a saved
 * intake can never come back as a draft and be saved twice. No audit entry of its own: the save is the event.
 */
export function settleDraft(w: WritableDB, accountId: number, formKey: string): void {
  repo.deleteDraft(w, accountId, formKey);
}
