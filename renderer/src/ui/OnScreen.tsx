// Draws something costly (a chart) only once it comes near the screen; until then a blank of the same height holds its place.
import { type ReactNode, useEffect, useLayoutEffect, useRef, useState } from 'react';

/**
 * A chart far down a long page costs its render whether or not anyone scrolls to it: this renders `children` once their
 * place is within `margin` px of the screen, and keeps them from then on. The blank is as tall as they will be, so
 * nothing below moves when they appear; screen readers lose nothing (each chart's figures are in its table too).
 */
export function OnScreen({ height, margin = 200, children }: { height: number; margin?: number; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [seen, setSeen] = useState(typeof IntersectionObserver === 'undefined');
  // Already near the screen when first laid out (a chart in the first screenful): drawn before that first paint, not a
  // frame later when the observer would first report.
  useLayoutEffect(() => {
    const box = ref.current?.getBoundingClientRect();
    if (box && box.top < window.innerHeight + margin && box.bottom > -margin) setSeen(true);
    // Only on mounting: afterwards the observer watches.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  useEffect(() => {
    const el = ref.current;
    if (seen || !el) return;
    const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && setSeen(true), {
      rootMargin: `${margin}px 0px`,
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [seen, margin]);
  return seen ? children : <div ref={ref} aria-hidden="true" style={{ height }} />;
}
