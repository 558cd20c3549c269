// Locks a shared desk's screen after the clinic's idle period without keyboard, pointer or wheel input.
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import { call } from '../api/client';

const ACTIVITY = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const;

/**
 * `lockedAtStart`: the core's word that this session is locked (a reload of a locked desk). Locking tells the core,
 * which then refuses the session's calls until the same password unlocks it, so a reload cannot get past the lock.
 */
export function useIdleLock(minutes: number, lockedAtStart = false): { locked: boolean; unlock: () => void } {
  const client = useQueryClient();
  const [locked, setLocked] = useState(lockedAtStart);
  useEffect(() => {
    if (locked) return;
    const lock = () => {
      setLocked(true);
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
  }, [locked, minutes]);
  const unlock = useCallback(() => {
    setLocked(false);
    // What was asked while locked was refused (SCREEN_LOCKED): ask again; answers already shown stay as they are.
    void client.refetchQueries({ predicate: (q) => q.state.status === 'error' });
  }, [client]);
  return { locked, unlock };
}
