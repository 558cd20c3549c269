// The in-page stopwatch of the UI bench: from a click or keystroke to the frame that paints the screen's last change.
// Installed with page.addInitScript, so it must be self-contained (Playwright sends its source text to the page).

/** What one measured interaction took, in milliseconds from the input event. */
export interface Measured {
  /** From the input to the frame that painted the last change the interaction caused (the figure reported). */
  painted: number;
  /** From the input to the first call to the core it caused (NaN when none: everything came from the cache). */
  sent: number;
  /** From the input to the moment the last of those calls' answers was read (NaN when none). */
  answered: number;
  /** Calls to the core the interaction made. */
  calls: number;
  /** Elements in the main area once done: how much the screen had to build. */
  nodes: number;
}

/** What counts as done: the address shown, the core method that must have been called. */
export interface Expect {
  /** The input that starts the clock. */
  event: 'click' | 'keydown';
  /** The address must start with this once done (e.g. '#/patients'). */
  hash?: string;
  /** A call to this core method must have started after the input (a keystroke's search), and answered. */
  method?: string;
}

export interface BenchWindow {
  __bench: {
    arm(expect: Expect): void;
    result: Measured | null;
    /** Milliseconds since the last call or change; 0 while a call is open. */
    idleFor(): number;
  };
}

/**
 * Watches every call to the core (fetch to `api/<method>`, counted until its answer body is read) and every change to
 * the page (MutationObserver; the frame after each change is stamped from a message posted in requestAnimationFrame,
 * which runs once that frame is painted). `arm` starts a measurement at the next input event; it is done once no call is
 * open, no loading state or busy region is in the main area, and neither calls nor changes have happened for QUIET ms —
 * the figure is then the paint of the last change, so the quiet wait itself is never counted.
 */
export function installProbe(): void {
  const QUIET = 150;
  const LIMIT = 30_000;
  const w = window as unknown as BenchWindow;
  let open = 0;
  let lastCall = 0;
  const started: { method: string; at: number; answered: number }[] = [];
  let lastChange = 0;
  let lastPaint = 0;
  let seq = 0;

  const fetch0 = window.fetch.bind(window);
  window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const m = /api\/([^?/]+)$/.exec(url);
    if (!m?.[1]) return fetch0(input, init);
    open += 1;
    lastCall = performance.now();
    const call = { method: decodeURIComponent(m[1]), at: lastCall, answered: NaN };
    started.push(call);
    let counted = true;
    const done = () => {
      if (!counted) return;
      counted = false;
      open -= 1;
      lastCall = performance.now();
      call.answered = lastCall;
    };
    try {
      const response = await fetch0(input, init);
      // The answer is in hand only once its body is read: count the call open until then.
      const json = response.json.bind(response);
      response.json = () => json().finally(done);
      return response;
    } catch (err) {
      done();
      throw err;
    }
  };

  const watch = () => {
    new MutationObserver(() => {
      lastChange = performance.now();
      const mine = ++seq;
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => {
          if (mine === seq) lastPaint = performance.now();
        };
        channel.port2.postMessage(null);
      });
    }).observe(document.documentElement, { childList: true, subtree: true, characterData: true, attributes: true });
  };
  if (document.documentElement) watch();
  else document.addEventListener('DOMContentLoaded', watch, { once: true });

  w.__bench = {
    result: null,
    idleFor: () => (open > 0 ? 0 : performance.now() - Math.max(lastChange, lastCall)),
    arm(expect) {
      w.__bench.result = null;
      let t0 = 0;
      const begin = (e: Event) => {
        // The event's own time: when the input happened, before any handler ran.
        t0 = e.timeStamp;
      };
      // A click starts at the press: what a link does on pointer down (its screen's calls) counts in its time.
      let pressed = 0;
      const press = (e: Event) => {
        pressed = e.timeStamp;
      };
      if (expect.event === 'click') document.addEventListener('pointerdown', press, { capture: true, once: true });
      document.addEventListener(
        expect.event,
        (e) => {
          begin(e);
          if (pressed > 0) t0 = pressed;
          document.removeEventListener('pointerdown', press, { capture: true });
        },
        { capture: true, once: true },
      );
      const check = () => {
        const now = performance.now();
        if (t0 === 0 || now - t0 < QUIET) return requestAnimationFrame(check);
        const mine = started.filter((s) => s.at >= t0);
        const settled =
          open === 0 &&
          now - Math.max(lastChange, lastCall) >= QUIET &&
          (lastPaint >= lastChange || lastChange < t0) &&
          (expect.hash === undefined || window.location.hash.startsWith(expect.hash)) &&
          (expect.method === undefined || mine.some((s) => s.method === expect.method)) &&
          !document.querySelector('#main .loading, #main [aria-busy="true"]');
        if (settled) {
          const first = mine[0];
          w.__bench.result = {
            painted: lastChange >= t0 ? lastPaint - t0 : NaN,
            sent: first ? first.at - t0 : NaN,
            answered: mine.length ? Math.max(...mine.map((s) => s.answered)) - t0 : NaN,
            calls: mine.length,
            nodes: document.querySelectorAll('#main *').length,
          };
          return;
        }
        if (now - t0 > LIMIT) {
          w.__bench.result = { painted: NaN, sent: NaN, answered: NaN, calls: mine.length, nodes: 0 };
          return;
        }
        requestAnimationFrame(check);
      };
      requestAnimationFrame(check);
    },
  };
}
