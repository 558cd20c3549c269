// Locks a shared desk's screen after the clinic's idle period without keyboard, pointer or wheel input.
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect } from 'react';
import { call } from '../api/client';
import { setScreenLocked } from '../api/session';

const ACTIVITY = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const;

/**
 * `locked`: the session's `auth.status` (the core's word, kept in the query cache). Locking and unlocking write that
 * one flag, never a copy in component state: a copy seeded once from the status outlived the unlock whenever the shell
 * was mounted again (a reloaded desk, unlocked, came back locked with no new `auth.lock`). Locking also tells the
 * core, which refuses the session's calls until the same password unlocks it, so a reload cannot get past the lock.
 */
export function useIdleLock(minutes: number, locked: boolean): { locked: boolean; unlock: () => void } {
  const client = useQueryClient();
  useEffect(() => {
    if (locked) return;
    const lock = () => {
      setScreenLocked(client, true);
      // Best effort: if the call fails the screen is locked all the same, and the core's idle limit still applies.
      call('auth.lock', {}).catch(() => undefined);
    };
    let timer = window.setTimeout(lock, minutes * 60_000);
    const restart = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(lock, minutes * 60_000);
    };
    for (const e of ACTIVITY) window.addEventListener(e, restart, { passive: true, capture: true });
    return () => {
      window.clearTimeout(timer);
      for (const e of ACTIVITY) window.removeEventListener(e, restart, { capture: true });
    };
  }, [client, locked, minutes]);
  const unlock = useCallback(() => {
    setScreenLocked(client, false);
    // What was asked while locked was refused (SCREEN_LOCKED): ask again; answers already shown stay as they are.
    void client.refetchQueries({ predicate: (q) => q.state.status === 'error' });
  }, [client]);
  return { locked, unlock };
}
