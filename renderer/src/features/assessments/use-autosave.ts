// The draft autosave: changes are gathered per item and sent ~400 ms after the last one (at once on blur, on hiding
// the window and, best effort, on closing it), one save at a time, each checked against the version it was based on.
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Assessment, DraftSaved, ItemValue } from '../../../../db/contract';
import { assessmentKeys, useSaveDraft } from '../../api/assessment-queries';
import { isStaleVersion } from '../../ui/conflict';

export const AUTOSAVE_MS = 400;

interface Patch {
  values: Record<string, ItemValue | null>;
  notes: Record<string, string | null>;
}

export type SaveState =
  | { kind: 'idle' }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: string }
  | { kind: 'failed'; error: unknown };

const emptyPatch = (): Patch => ({ values: {}, notes: {} });
const isEmpty = (p: Patch) => Object.keys(p.values).length === 0 && Object.keys(p.notes).length === 0;

/** The cached record follows each save, so returning to the screen shows the draft as saved, at its version. */
function cacheSaved(a: Assessment, sent: Patch, r: DraftSaved): Assessment {
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
  const save = useSaveDraft();
  const version = useRef(assessment.version);
  const pending = useRef<Patch>(emptyPatch());
  const running = useRef<Promise<void> | null>(null);
  const timer = useRef<number | null>(null);
  const conflict = useRef(false);
  const lastError = useRef<unknown>(null);
  const [state, setState] = useState<SaveState>({ kind: 'idle' });

  const flush = useCallback((): Promise<void> => {
    if (timer.current !== null) window.clearTimeout(timer.current);
    timer.current = null;
    if (running.current) return running.current;
    if (!enabled || conflict.current || isEmpty(pending.current)) return Promise.resolve();
    const sent = pending.current;
    pending.current = emptyPatch();
    setState({ kind: 'saving' });
    const run = (async () => {
      try {
        const r = await save.mutateAsync({ id: assessment.id, version: version.current, ...sent });
        version.current = r.version;
        client.setQueryData<Assessment>(assessmentKeys.detail(assessment.id), (a) => (a ? cacheSaved(a, sent, r) : a));
        lastError.current = null;
        setState({ kind: 'saved', at: r.updatedAt });
      } catch (error) {
        // What did not reach the core is kept for the next try, under anything typed since.
        pending.current = {
          values: { ...sent.values, ...pending.current.values },
          notes: { ...sent.notes, ...pending.current.notes },
        };
        lastError.current = error;
        if (isStaleVersion(error)) conflict.current = true;
        setState({ kind: 'failed', error });
      } finally {
        running.current = null;
      }
    })();
    running.current = run;
    // Typing during the save is sent next; after a failure it waits for the next change (no retry storm).
    return run.then(() => (isEmpty(pending.current) || lastError.current !== null ? undefined : flush()));
    // `save` is a fresh object each render; its mutateAsync is stable, and the rest are refs.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [enabled, assessment.id, client]);

  const change = useCallback(
    (patch: Partial<Patch>) => {
      Object.assign(pending.current.values, patch.values);
      Object.assign(pending.current.notes, patch.notes);
      setState({ kind: 'pending' });
      if (timer.current !== null) window.clearTimeout(timer.current);
      timer.current = window.setTimeout(() => void flush(), AUTOSAVE_MS);
    },
    [flush],
  );

  useEffect(() => {
    const now = () => void flush();
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
  }, [flush]);

  /** Waits until everything typed is saved (before signing); the version to sign is then `version.current`. */
  const settle = useCallback(async (): Promise<number> => {
    if (running.current) await running.current;
    lastError.current = null;
    await flush();
    if (lastError.current !== null) throw lastError.current;
    return version.current;
  }, [flush]);

  return { state, change, flush, settle, conflicted: () => conflict.current };
}
