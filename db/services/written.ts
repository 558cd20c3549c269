// Who hears of each commit through the command kernel (report-refresh.ts keeps kept reports fresh after one). A module
// of its own, with nothing imported: the kernel, which a worker's bundle reaches through the report code, must not
// pull the worker pool into it.
import type { Core } from './core';

const listeners = new WeakMap<Core, () => void>();

/** Sets (or, with null, clears) what runs after each commit of `core`'s kernel. */
export function onWritten(core: Core, listener: (() => void) | null): void {
  if (listener) listeners.set(core, listener);
  else listeners.delete(core);
}

/** After each commit (the command kernel): a WeakMap look-up when nothing listens. */
export const written = (core: Core): void => listeners.get(core)?.();
