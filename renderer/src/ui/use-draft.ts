// Keeps what a person types into a form as a draft in the core (per account, per form), brings it back when the form
// opens again (after a reload, a restart, or another screen), and asks before a move away from unsaved typing.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { DraftData } from '../../../db/contract';
import { call } from '../api/client';
import { useLeaveGuard } from '../app/router';

/** Long enough not to write on every keystroke, short enough that a crash loses at most a few words. */
export const DRAFT_DEBOUNCE_MS = 400;

export interface DraftOptions<T extends object> {
  /** `formKey('inquiry', id)` from the contract. */
  formKey: string;
  values: T;
  setValues: (values: T) => void;
  /** The record's version when the form opened; null for a new record. */
  baseVersion: number | null;
}

export interface DraftState {
  /** False until the core has answered whether there is a draft: the form waits, so nothing typed is overwritten. */
  ready: boolean;
  /** Set when the form opened with a draft: when it was kept, and whether the record changed since. */
  restored: { updatedAt: string; recordMoved: boolean } | null;
  /** When the latest draft was kept (null before the first). */
  savedAt: string | null;
  /** The form's values differ from what it opened with. */
  dirty: boolean;
  /** Throws the draft away and puts the form back as it opened. */
  discard: () => void;
  /** The form was saved: the core dropped the draft with the save; nothing more is kept and leaving asks nothing. */
  settle: () => void;
}

/** Takes a draft's values only where they have the shape the form expects: an old draft never breaks a form. */
function mergeDraft<T extends object>(base: T, data: DraftData): T {
  const out: Record<string, unknown> = Object.fromEntries(Object.entries(base));
  for (const [key, was] of Object.entries(out)) {
    const value = data[key];
    if (value === undefined) continue;
    const sameShape = Array.isArray(was)
      ? Array.isArray(value) && value.every((v) => typeof v === 'string')
      : was === null || value === null || typeof value === typeof was;
    if (sameShape && (typeof value !== 'object' || value === null || Array.isArray(value))) out[key] = value;
  }
  return out as T;
}

export function useDraft<T extends object>({ formKey, values, setValues, baseVersion }: DraftOptions<T>): DraftState {
  // What the form opened with, captured on the first render: equal values are no draft.
  const [baseline] = useState(() => JSON.stringify(values));
  const baselineValues = useRef(values);
  const [ready, setReady] = useState(false);
  const [restored, setRestored] = useState<DraftState['restored']>(null);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const current = JSON.stringify(values);
  const dirty = current !== baseline;

  const live = useRef({ current, dirty, ready: false, settled: false, kept: baseline, hasDraft: false });
  live.current.current = current;
  live.current.dirty = dirty;
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inFlight = useRef<Promise<unknown>>(Promise.resolve());
  const sending = useRef(0);

  /** Sends what is typed now, if it differs from what the core keeps. Best-effort: a failure keeps the form as it is. */
  const flush = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const s = live.current;
    if (!s.ready || s.settled || s.current === s.kept) return;
    const text = s.current;
    s.kept = text;
    const request: Promise<unknown> = s.dirty
      ? call('drafts.save', { formKey, data: JSON.parse(text) as DraftData, baseVersion }).then((saved) => {
          live.current.hasDraft = true;
          setSavedAt(saved.updatedAt);
        })
      : s.hasDraft
        ? call('drafts.discard', { formKey }).then(() => {
            live.current.hasDraft = false;
            setSavedAt(null);
          })
        : Promise.resolve();
    sending.current += 1;
    inFlight.current = request
      .catch(() => {
        // Not kept: the next change or blur tries again.
        if (live.current.kept === text) live.current.kept = '';
      })
      .finally(() => {
        sending.current -= 1;
      });
  }, [formKey, baseVersion]);

  // Opening: bring back a kept draft before the form is shown.
  useEffect(() => {
    let open = true;
    call('drafts.get', { formKey })
      .then((draft) => {
        if (!open) return;
        if (draft) {
          const merged = mergeDraft(baselineValues.current, draft.data);
          live.current.kept = JSON.stringify(merged);
          live.current.hasDraft = true;
          setValues(merged);
          const recordMoved = baseVersion !== null && draft.baseVersion !== null && draft.baseVersion !== baseVersion;
          setRestored({ updatedAt: draft.updatedAt, recordMoved });
          setSavedAt(draft.updatedAt);
        }
      })
      .catch(() => undefined)
      .finally(() => {
        if (!open) return;
        live.current.ready = true;
        setReady(true);
      });
    return () => {
      open = false;
    };
    // Once per form: the form is keyed by its record's version, so a new version is a new hook.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [formKey]);

  // Typing: keep it a moment after the typing stops.
  useEffect(() => {
    if (!ready || live.current.settled || current === live.current.kept) return;
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(flush, DRAFT_DEBOUNCE_MS);
  }, [current, ready, flush]);

  // Leaving a field, hiding the window, closing or reloading it, or the form going away: keep it now.
  useEffect(() => {
    const onHidden = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    const onUnload = (event: BeforeUnloadEvent) => {
      flush();
      if (live.current.dirty && !live.current.settled) {
        event.preventDefault();
        // Older Chromium (Electron) asks only when returnValue is set.
        event.returnValue = '';
      }
    };
    document.addEventListener('focusout', flush);
    document.addEventListener('visibilitychange', onHidden);
    window.addEventListener('beforeunload', onUnload);
    return () => {
      document.removeEventListener('focusout', flush);
      document.removeEventListener('visibilitychange', onHidden);
      window.removeEventListener('beforeunload', onUnload);
      flush();
    };
  }, [flush]);

  useLeaveGuard(useCallback(() => live.current.dirty && !live.current.settled, []));

  const discard = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    live.current.kept = baseline;
    live.current.hasDraft = false;
    setValues(baselineValues.current);
    setRestored(null);
    setSavedAt(null);
    inFlight.current = inFlight.current.then(() => call('drafts.discard', { formKey })).catch(() => undefined);
  }, [baseline, formKey, setValues]);

  const settle = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    live.current.settled = true;
    // A draft sent just before the save may reach the core after it (HTTP keeps no order): drop that one too.
    if (sending.current > 0) {
      void inFlight.current.then(() => call('drafts.discard', { formKey })).catch(() => undefined);
    }
  }, [formKey]);

  return { ready, restored, savedAt, dirty, discard, settle };
}
