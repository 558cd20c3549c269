// A state that shows only once it has lasted: a list dims while it waits for a slow answer, never for a quick one.
import { useEffect, useState } from 'react';

/**
 * True once `on` has stayed true for `ms`, false as soon as it is false. A search answers in a few tens of milliseconds:
 * dimming the rows on every keystroke started an opacity transition each time, which put the whole table on a layer of
 * its own and had every frame of the fade composited and the rows painted again when it was cut short — work that
 * delayed the frame showing the answer. Now only a wait the eye could notice dims them.
 */
export function useShownAfter(on: boolean, ms: number): boolean {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    if (!on) return undefined;
    const timer = window.setTimeout(() => setShown(true), ms);
    return () => {
      window.clearTimeout(timer);
      setShown(false);
    };
  }, [on, ms]);
  return on && shown;
}
