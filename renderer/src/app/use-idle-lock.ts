// Locks a shared desk's screen after the clinic's idle period without keyboard, pointer or wheel input.
import { useCallback, useEffect, useState } from 'react';

const ACTIVITY = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const;

export function useIdleLock(minutes: number): { locked: boolean; unlock: () => void } {
  const [locked, setLocked] = useState(false);
  useEffect(() => {
    if (locked) return;
    let timer = window.setTimeout(() => setLocked(true), minutes * 60_000);
    const restart = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => setLocked(true), minutes * 60_000);
    };
    for (const e of ACTIVITY) window.addEventListener(e, restart, { passive: true, capture: true });
    return () => {
      window.clearTimeout(timer);
      for (const e of ACTIVITY) window.removeEventListener(e, restart, { capture: true });
    };
  }, [locked, minutes]);
  return { locked, unlock: useCallback(() => setLocked(false), []) };
}
