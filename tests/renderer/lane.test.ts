// The search lane: one call on the host at a time, callers that gave up are never sent, the newest waiting one runs.
import { describe, expect, it } from 'vitest';
import type { Input, Method, Output } from '../../db/contract';
import { createLane } from '../../renderer/src/api/lane';

/** A host that answers only when told, recording what it was asked and how many calls were open at once. */
function slowHost() {
  const asked: string[] = [];
  const pending: (() => void)[] = [];
  let open = 0;
  let mostOpen = 0;
  const send = <M extends Method>(_method: M, input: Input<M>): Promise<Output<M>> => {
    const text = (input as { text: string }).text;
    asked.push(text);
    open++;
    mostOpen = Math.max(mostOpen, open);
    return new Promise((resolve) =>
      pending.push(() => {
        open--;
        resolve({ text } as unknown as Output<M>);
      }),
    );
  };
  // A macrotask lets the lane's promise chain run to its next call (or hand the turn on) before and after answering.
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
  const answerNext = async () => {
    await settle();
    pending.shift()?.();
    await settle();
  };
  return { send, asked, answerNext, settle, mostOpen: () => mostOpen };
}

const query = (text: string) => ({ text, limit: 6 }) as Input<'search.global'>;

describe('createLane', () => {
  it('sends one call at a time and drops the ones whose asker gave up before their turn', async () => {
    const host = slowHost();
    const lane = createLane(host.send);
    const ask = (text: string) => {
      const abort = new AbortController();
      const answer = lane('search.global', query(text), abort.signal);
      return {
        text,
        abort,
        answer: answer.then(
          (v) => v as unknown as { text: string },
          (e: unknown) => e,
        ),
      };
    };
    const askers = [ask('a')];
    await host.settle();
    expect(host.asked).toEqual(['a']);
    // Typing on while 'a' is on the host: the screen no longer shows 'a', 'ab' and 'abc' (TanStack Query aborts them).
    askers.push(ask('ab'), ask('abc'), ask('abcd'));
    for (const a of askers.slice(0, 3)) a.abort.abort();
    await host.settle();
    // 'a' is not cut off mid-way (the host works on regardless): 'abcd' waits for it rather than piling on.
    expect(host.asked).toEqual(['a']);
    await host.answerNext();
    await host.answerNext();
    expect(host.asked).toEqual(['a', 'abcd']);
    expect(host.mostOpen()).toBe(1);
    expect(await askers[3]?.answer).toEqual({ text: 'abcd' });
    // Those who gave up get the abort, never an answer meant for someone else.
    for (const a of askers.slice(0, 3)) expect(await a.answer).toBeInstanceOf(DOMException);
  });

  it('runs every caller still waiting, in order', async () => {
    const host = slowHost();
    const lane = createLane(host.send);
    const answers = ['x', 'y'].map((t) => lane('search.global', query(t), new AbortController().signal));
    await host.answerNext();
    await host.answerNext();
    expect(await Promise.all(answers)).toEqual([{ text: 'x' }, { text: 'y' }]);
    expect(host.mostOpen()).toBe(1);
  });

  it('sends a call into a free lane at once, before anything else the keystroke does', async () => {
    const host = slowHost();
    const lane = createLane(host.send);
    void lane('search.global', query('a'), new AbortController().signal);
    // No await: the keystroke's later work (the list's replaceState, its frame) runs after the call has left.
    expect(host.asked).toEqual(['a']);
    // Once 'a' is back and the lane is free again, the next call leaves at once too.
    await host.answerNext();
    void lane('search.global', query('ab'), new AbortController().signal);
    expect(host.asked).toEqual(['a', 'ab']);
    // A call asked while one is on the host waits its turn.
    void lane('search.global', query('abc'), new AbortController().signal);
    expect(host.asked).toEqual(['a', 'ab']);
    await host.answerNext();
    expect(host.asked).toEqual(['a', 'ab', 'abc']);
    expect(host.mostOpen()).toBe(1);
  });

  it('turns a sender that throws at once into a refused answer, and frees the lane', async () => {
    const host = slowHost();
    let fail = true;
    const lane = createLane(<M extends Method>(method: M, input: Input<M>): Promise<Output<M>> => {
      if (fail) throw new Error('no transport');
      return host.send(method, input);
    });
    await expect(lane('search.global', query('a'), new AbortController().signal)).rejects.toThrow('no transport');
    fail = false;
    void lane('search.global', query('b'), new AbortController().signal);
    await host.settle();
    expect(host.asked).toEqual(['b']);
  });
});
