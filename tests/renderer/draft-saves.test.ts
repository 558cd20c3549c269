// The visit's draft saves: one save on the host at a time, changes in several drafts sent as one saveDrafts, typing
// during a save sent next, and a failure kept for the form that made it.
import { describe, expect, it } from 'vitest';
import type { DraftSaved, Input, Method, Output } from '../../db/contract';
import { ApiCallError } from '../../renderer/src/api/client';
import { createDraftSaves, type DraftEvent } from '../../renderer/src/features/assessments/draft-saves';

type Asked = { method: string; input: unknown };

/** A host that answers only when told (or refuses the calls `refuse` picks), recording what it was asked. */
function slowHost(refuse: (method: string, input: unknown) => Error | null = () => null) {
  const asked: Asked[] = [];
  const waiting: (() => void)[] = [];
  const versions = new Map<number, number>();
  const saved = (d: { id: number; version: number }): DraftSaved => {
    const version = d.version + 1;
    versions.set(d.id, version);
    return {
      id: d.id,
      version,
      n: 1,
      sum: 0,
      total: 0,
      complete: false,
      missing: [],
      updatedAt: '2026-12-03T15:00:00Z',
    };
  };
  const send = <M extends Method>(method: M, input: Input<M>): Promise<Output<M>> => {
    asked.push({ method, input });
    return new Promise((resolve, reject) =>
      waiting.push(() => {
        const error = refuse(method, input);
        if (error) return reject(error);
        const i = input as { drafts?: { id: number; version: number }[]; id: number; version: number };
        resolve((i.drafts ? i.drafts.map(saved) : saved(i)) as Output<M>);
      }),
    );
  };
  const settle = () => new Promise((r) => setTimeout(r, 0));
  const answerNext = async () => {
    await settle();
    waiting.shift()?.();
    await settle();
  };
  return { send, asked, answerNext, open: () => waiting.length };
}

const listen = (events: DraftEvent['kind'][]) => ({
  onEvent: (e: DraftEvent) => events.push(e.kind),
  onSaved: () => undefined,
});

describe('createDraftSaves', () => {
  it('sends one changed draft as saveDraft and changes in two drafts as one saveDrafts', async () => {
    const host = slowHost();
    const q = createDraftSaves(host.send, 10_000);
    q.open(1, 4, listen([]));
    q.open(2, 7, listen([]));
    q.change(1, { values: { a: 1 } });
    const first = q.flush();
    // Typed while the first save is on its way: both drafts now, sent together when it comes back.
    q.change(1, { values: { b: 2 } });
    q.change(2, { values: { c: 0 }, notes: { c: 'tired' } });
    expect(host.open()).toBe(1);
    await host.answerNext();
    await host.answerNext();
    await first;
    expect(host.asked.map((a) => a.method)).toEqual(['assessments.saveDraft', 'assessments.saveDrafts']);
    expect(host.asked[0]?.input).toEqual({ id: 1, version: 4, values: { a: 1 }, notes: {} });
    expect(host.asked[1]?.input).toEqual({
      drafts: [
        { id: 1, version: 5, values: { b: 2 }, notes: {} },
        { id: 2, version: 7, values: { c: 0 }, notes: { c: 'tired' } },
      ],
    });
    await expect(q.settle(2)).resolves.toBe(8);
  });

  it('on a refused batch sends each draft alone: the stale one fails (kept, conflicted), the other is saved', async () => {
    const stale = new ApiCallError({
      code: 'CONFLICT',
      message: 'changed',
      details: { reason: 'stale_version', currentVersion: 9 },
    });
    const host = slowHost((method, input) =>
      method === 'assessments.saveDrafts' || (input as { id: number }).id === 2 ? stale : null,
    );
    const q = createDraftSaves(host.send, 10_000);
    const one: DraftEvent['kind'][] = [];
    const two: DraftEvent['kind'][] = [];
    q.open(1, 1, listen(one));
    q.open(2, 1, listen(two));
    q.change(1, { values: { a: 1 } });
    q.change(2, { values: { b: 1 } });
    const done = q.flush();
    for (let i = 0; i < 3; i++) await host.answerNext();
    await done;
    expect(host.asked.map((a) => a.method)).toEqual([
      'assessments.saveDrafts',
      'assessments.saveDraft',
      'assessments.saveDraft',
    ]);
    expect(one).toEqual(['saving', 'saved']);
    expect(two).toEqual(['saving', 'failed']);
    expect(q.conflicted(2)).toBe(true);
    expect(q.conflicted(1)).toBe(false);
    // The conflicted draft keeps what was typed and is not sent again; its settle does not pretend it was saved.
    q.change(2, { values: { c: 1 } });
    await q.flush();
    expect(host.asked).toHaveLength(3);
  });

  it('keeps a failed save for the next change, and a closed form’s waiting changes still go', async () => {
    let down = true;
    const host = slowHost(() => (down ? new Error('host unreachable') : null));
    const q = createDraftSaves(host.send, 10_000);
    const events: DraftEvent['kind'][] = [];
    const close = q.open(3, 2, listen(events));
    q.change(3, { values: { a: 1 } });
    const failed = q.flush();
    await host.answerNext();
    await failed;
    expect(events).toEqual(['saving', 'failed']);
    await new Promise((r) => setTimeout(r, 0));
    expect(host.asked).toHaveLength(1); // no retry on its own: the next change sends it

    down = false;
    q.change(3, { values: { b: 0 } });
    close();
    const again = q.flush();
    await host.answerNext();
    await again;
    expect(host.asked[1]?.input).toEqual({ id: 3, version: 2, values: { a: 1, b: 0 }, notes: {} });
    expect(events).toEqual(['saving', 'failed']);
  });
});
