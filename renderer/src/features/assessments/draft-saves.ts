// The visit's draft autosaves: every open draft's changes wait in one queue and one save at a time sends all of them —
// one changed instrument as `assessments.saveDraft`, several (Fugl-Meyer upper + lower extremity) as one
// `assessments.saveDrafts`: one durable commit for the visit instead of one per form.
import type { DraftSaved, Input, ItemValue, Method, Output } from '../../../../db/contract';
import { isStaleVersion } from '../../ui/conflict';

/** What changed in one draft since its last save: a value sets an item, null clears it. */
export interface DraftPatch {
  values: Record<string, ItemValue | null>;
  notes: Record<string, string | null>;
}

/** What a form hears about its own draft (whichever save carried it). */
export type DraftEvent =
  { kind: 'saving' } | { kind: 'saved'; saved: DraftSaved; sent: DraftPatch } | { kind: 'failed'; error: unknown };

export interface DraftListener {
  /** The form's status line; detached when the form closes. */
  onEvent?: (e: DraftEvent) => void;
  /** Keeps the cached record in step; stays after the form closes, since its last save may still be on its way. */
  onSaved: (sent: DraftPatch, saved: DraftSaved) => void;
}

interface Draft {
  version: number;
  pending: DraftPatch;
  error: unknown;
  conflict: boolean;
  listener: DraftListener;
  open: boolean;
}

type Send = <M extends Method>(method: M, input: Input<M>) => Promise<Output<M>>;

const emptyPatch = (): DraftPatch => ({ values: {}, notes: {} });
export const isEmptyPatch = (p: DraftPatch) => Object.keys(p.values).length === 0 && Object.keys(p.notes).length === 0;

export interface DraftSaves {
  /** A form opens its draft at the version it loaded; returns the close (the form's listener is detached). */
  open(id: number, version: number, listener: DraftListener): () => void;
  change(id: number, patch: Partial<DraftPatch>): void;
  /** Sends whatever waits now (after the save on its way, if any); resolves when nothing typed is left unsent. */
  flush(): Promise<void>;
  /** Everything typed in this draft saved (before signing): its version, or the save's failure thrown. */
  settle(id: number): Promise<number>;
  conflicted(id: number): boolean;
}

/**
 * One queue for the whole renderer: the entry screen shows one instrument at a time, but a doctor who moves on to the
 * next instrument while the last one's save is still on its way, or after a save failed (its changes are kept), has
 * changes in several drafts at once, and they go together. `delayMs` is the typing pause before a save.
 */
export function createDraftSaves(send: Send, delayMs: number): DraftSaves {
  const drafts = new Map<number, Draft>();
  let running: Promise<void> | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const forget = (id: number, d: Draft) => {
    if (!d.open && isEmptyPatch(d.pending)) drafts.delete(id);
  };

  const succeeded = (id: number, d: Draft, sent: DraftPatch, saved: DraftSaved) => {
    d.version = saved.version;
    d.error = null;
    d.listener.onSaved(sent, saved);
    if (d.open) d.listener.onEvent?.({ kind: 'saved', saved, sent });
    forget(id, d);
  };
  const failed = (d: Draft, sent: DraftPatch, error: unknown) => {
    // What did not reach the core is kept for the next try, under anything typed since.
    d.pending = { values: { ...sent.values, ...d.pending.values }, notes: { ...sent.notes, ...d.pending.notes } };
    d.error = error;
    if (isStaleVersion(error)) d.conflict = true;
    if (d.open) d.listener.onEvent?.({ kind: 'failed', error });
  };

  /** One draft alone: its own answer and, on a refusal, its own field named. */
  const saveOne = async (id: number, d: Draft, sent: DraftPatch) => {
    try {
      succeeded(id, d, sent, await send('assessments.saveDraft', { id, version: d.version, ...sent }));
    } catch (error) {
      failed(d, sent, error);
    }
  };

  const sendBatch = async (batch: [number, Draft, DraftPatch][]) => {
    if (batch.length === 1) {
      const [id, d, sent] = batch[0] as [number, Draft, DraftPatch];
      return saveOne(id, d, sent);
    }
    let saved: DraftSaved[];
    try {
      saved = await send('assessments.saveDrafts', {
        drafts: batch.map(([id, d, sent]) => ({ id, version: d.version, ...sent })),
      });
    } catch {
      // All or none was saved, and the refusal does not say whose draft it was (a stale version, a value no longer
      // allowed): each draft is sent alone once, so each form hears its own answer and names its own field.
      for (const [id, d, sent] of batch) await saveOne(id, d, sent);
      return;
    }
    batch.forEach(([id, d, sent], i) => {
      const r = saved[i];
      if (r) succeeded(id, d, sent, r);
    });
  };

  const flush = (): Promise<void> => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    if (running) return running;
    const batch: [number, Draft, DraftPatch][] = [];
    for (const [id, d] of drafts) {
      if (d.conflict || isEmptyPatch(d.pending)) continue;
      batch.push([id, d, d.pending]);
      d.pending = emptyPatch();
      if (d.open) d.listener.onEvent?.({ kind: 'saving' });
    }
    if (batch.length === 0) return Promise.resolve();
    const run = sendBatch(batch).finally(() => {
      running = null;
    });
    running = run;
    // Typing during the save is sent next; after a failure it waits for the next change (no retry storm).
    return run.then(() => {
      const anyFailed = batch.some(([, d]) => d.error !== null);
      const waiting = [...drafts.values()].some((d) => !d.conflict && !isEmptyPatch(d.pending));
      return anyFailed || !waiting ? undefined : flush();
    });
  };

  return {
    open(id, version, listener) {
      const d = drafts.get(id);
      if (d) {
        // Reopened before its last changes went: they are still waiting, at the version they were typed on.
        d.listener = listener;
        d.open = true;
      } else drafts.set(id, { version, pending: emptyPatch(), error: null, conflict: false, listener, open: true });
      return () => {
        const mine = drafts.get(id);
        if (!mine || mine.listener !== listener) return;
        mine.open = false;
        mine.listener = { onSaved: listener.onSaved };
        forget(id, mine);
      };
    },
    change(id, patch) {
      const d = drafts.get(id);
      if (!d) return;
      Object.assign(d.pending.values, patch.values);
      Object.assign(d.pending.notes, patch.notes);
      if (timer !== null) clearTimeout(timer);
      timer = setTimeout(() => void flush(), delayMs);
    },
    flush,
    async settle(id) {
      if (running) await running;
      const d = drafts.get(id);
      if (d) d.error = null;
      await flush();
      if (d && d.error !== null) throw d.error;
      return d?.version ?? 0;
    },
    conflicted: (id) => drafts.get(id)?.conflict ?? false,
  };
}
