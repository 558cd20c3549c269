// The draft autosave: changes are gathered per item and sent ~400 ms after the last one (at once on blur, on hiding
// the window and, best effort, on closing it), one save at a time, each checked against the version it was based on.
// The queue is the visit's (draft-saves.ts): changes waiting in several instruments go in one saveDrafts.
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import type { Assessment, DraftSaved } from '../../../../db/contract';
import { assessmentKeys } from '../../api/assessment-queries';
import { call } from '../../api/client';
import { type DraftPatch, createDraftSaves } from './draft-saves';

export const AUTOSAVE_MS = 400;

export type SaveState =
  | { kind: 'idle' }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: string }
  | { kind: 'failed'; error: unknown };

/** One queue for the renderer: every entry screen's draft saves go through it (one save on the host at a time). */
const drafts = createDraftSaves(call, AUTOSAVE_MS);

/** The cached record follows each save, so returning to the screen shows the draft as saved, at its version. */
function cacheSaved(a: Assessment, sent: DraftPatch, r: DraftSaved): Assessment {
  const versions = a.versions.map((v, i) => {
    if (i !== a.versions.length - 1) return v;
    const values = { ...v.values };
    for (const [k, x] of Object.entries(sent.values))
      if (x === null) delete values[k];
      else values[k] = x;
    const notes = { ...v.notes };
    for (const [k, x] of Object.entries(sent.notes))
      if (x === null) delete notes[k];
      else notes[k] = x;
    return { ...v, values, notes, sum: r.sum, total: r.total, complete: r.complete, missing: r.missing };
  });
  return { ...a, versions, version: r.version };
}

export function useAutosave(assessment: Assessment, enabled: boolean) {
  const client = useQueryClient();
  const id = assessment.id;
  const [state, setState] = useState<SaveState>({ kind: 'idle' });

  useEffect(() => {
    if (!enabled) return;
    // The version the form loaded; a later mount of the same draft with changes still waiting keeps the queue's.
    return drafts.open(id, assessment.version, {
      onEvent: (e) => setState(e.kind === 'saved' ? { kind: 'saved', at: e.saved.updatedAt } : e),
      onSaved: (sent, r) =>
        client.setQueryData<Assessment>(assessmentKeys.detail(id), (a) => (a ? cacheSaved(a, sent, r) : a)),
    });
    // Opened once per form: the cached record's version follows the saves themselves.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [enabled, id, client]);

  const change = useCallback(
    (patch: Partial<DraftPatch>) => {
      if (!enabled) return;
      drafts.change(id, patch);
      setState({ kind: 'pending' });
    },
    [enabled, id],
  );
  const flush = useCallback(() => drafts.flush(), []);

  useEffect(() => {
    const now = () => void drafts.flush();
    const onHide = () => (document.visibilityState === 'hidden' ? now() : undefined);
    document.addEventListener('visibilitychange', onHide);
    window.addEventListener('beforeunload', now);
    window.addEventListener('pagehide', now);
    return () => {
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('beforeunload', now);
      window.removeEventListener('pagehide', now);
      // Leaving the screen inside the app: whatever is still waiting goes now.
      now();
    };
  }, []);

  /** Waits until everything typed is saved (before signing): the version to sign, or the save's failure thrown. */
  const settle = useCallback(() => drafts.settle(id), [id]);

  return { state, change, flush, settle, conflicted: () => drafts.conflicted(id) };
}
