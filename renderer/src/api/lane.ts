// One lane of calls for a search as you type: at most one call on the host at a time, only the newest waiting one runs.
import type { Input, Method, Output } from '../../../db/contract';
import { call } from './client';

/**
 * Every keystroke asks at once (no typing pause), so fast typing must not pile calls up on the host: a call waits for
 * the one before it to come back, and a call whose asker has gone (TanStack Query aborts the query of an older text
 * once nothing shows it) is dropped before it is sent. The call itself is never cancelled mid-way — the host would go
 * on working on it anyway — the asker just stops waiting for its answer.
 *
 * A call into a free lane leaves at once, in the asker's own task: the keystroke that typed it still has work to do
 * after the query starts (its other effects, such as the list's replaceState, its frame), and that work then runs
 * while the host answers instead of before the call is sent.
 */
export function createLane(
  send: <M extends Method>(method: M, input: Input<M>) => Promise<Output<M>> = call,
): <M extends Method>(method: M, input: Input<M>, signal: AbortSignal) => Promise<Output<M>> {
  let tail: Promise<unknown> = Promise.resolve();
  /** Calls asked and not yet settled (sent or dropped): none means the next one may leave at once. */
  let queued = 0;
  return <M extends Method>(method: M, input: Input<M>, signal: AbortSignal) => {
    const go = () => (signal.aborted ? undefined : send(method, input));
    let turn: Promise<Output<M> | undefined>;
    if (queued === 0) {
      try {
        turn = Promise.resolve(go());
      } catch (err) {
        turn = Promise.reject(err instanceof Error ? err : new Error(String(err)));
      }
    } else turn = tail.then(go);
    queued += 1;
    tail = turn.catch(() => undefined).finally(() => (queued -= 1));
    return new Promise<Output<M>>((resolve, reject) => {
      const abort = () => reject(signal.reason);
      if (signal.aborted) return abort();
      signal.addEventListener('abort', abort, { once: true });
      turn.then(
        (value) => {
          signal.removeEventListener('abort', abort);
          if (signal.aborted) abort();
          else resolve(value as Output<M>);
        },
        (err: unknown) => {
          signal.removeEventListener('abort', abort);
          reject(err instanceof Error ? err : new Error(String(err)));
        },
      );
    });
  };
}
