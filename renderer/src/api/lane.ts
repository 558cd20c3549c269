// One lane of calls for a search as you type: at most one call on the host at a time, only the newest waiting one runs.
import type { Input, Method, Output } from '../../../db/contract';
import { call } from './client';

/**
 * Every keystroke asks at once (no typing pause), so fast typing must not pile calls up on the host: a call waits for
 * the one before it to come back, and a call whose asker has gone (TanStack Query aborts the query of an older text
 * once nothing shows it) is dropped before it is sent. The call itself is never cancelled mid-way — the host would go
 * on working on it anyway — the asker just stops waiting for its answer.
 */
export function createLane(
  send: <M extends Method>(method: M, input: Input<M>) => Promise<Output<M>> = call,
): <M extends Method>(method: M, input: Input<M>, signal: AbortSignal) => Promise<Output<M>> {
  let tail: Promise<unknown> = Promise.resolve();
  return <M extends Method>(method: M, input: Input<M>, signal: AbortSignal) => {
    const turn = tail.then(() => (signal.aborted ? undefined : send(method, input)));
    tail = turn.catch(() => undefined);
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
