// @vitest-environment jsdom
// The lists dim their rows only while an answer is slow to come: a quick answer (every keystroke's, at the 10-year size)
// never starts the fade, whose layer and frames delayed the frame showing the answer.
import { act, cleanup, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useShownAfter } from '../../renderer/src/ui/use-shown-after';

beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('useShownAfter', () => {
  it('stays off for a wait shorter than its delay, and comes on once the wait lasts', () => {
    const { result, rerender } = renderHook(({ on }) => useShownAfter(on, 200), { initialProps: { on: false } });
    expect(result.current).toBe(false);
    rerender({ on: true });
    act(() => vi.advanceTimersByTime(150));
    expect(result.current).toBe(false);
    // The answer came: nothing was ever dimmed.
    rerender({ on: false });
    act(() => vi.advanceTimersByTime(500));
    expect(result.current).toBe(false);
    rerender({ on: true });
    act(() => vi.advanceTimersByTime(200));
    expect(result.current).toBe(true);
  });

  it('goes off with the answer, and a next wait starts its delay again', () => {
    const { result, rerender } = renderHook(({ on }) => useShownAfter(on, 200), { initialProps: { on: true } });
    act(() => vi.advanceTimersByTime(250));
    expect(result.current).toBe(true);
    rerender({ on: false });
    expect(result.current).toBe(false);
    rerender({ on: true });
    expect(result.current).toBe(false);
    act(() => vi.advanceTimersByTime(199));
    expect(result.current).toBe(false);
    act(() => vi.advanceTimersByTime(1));
    expect(result.current).toBe(true);
  });
});
