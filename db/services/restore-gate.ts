// While a restore replaces the records, writes from other desks are refused (typed), so none is silently lost.
import { DomainError } from '../sqlite/domain-error';
import type { Core } from './core';

/**
 * Cores whose records are being restored, and whether the restore's own write is passing (`asRestore`). Every write
 * from the safety backup on would land in records about to be replaced and in no backup: it is refused instead, and
 * reads keep answering. The restore is a few seconds; the coordinator is told why and that what they typed is kept.
 */
const restoring = new WeakMap<Core, { passing: boolean }>();

export const RESTORE_IN_PROGRESS =
  'An administrator is restoring a backup and the records are being replaced: nothing was saved. Try again in a minute.';

/** Called by the command kernel before every write. */
export function refuseWhileRestoring(core: Core): void {
  const gate = restoring.get(core);
  if (gate && !gate.passing) throw new DomainError('DB_BUSY', RESTORE_IN_PROGRESS, { reason: 'restore_in_progress' });
}

/** Closes the gate for the length of `work` (the restore), open again however it ends. */
export async function whileRestoring<T>(core: Core, work: () => Promise<T>): Promise<T> {
  restoring.set(core, { passing: false });
  try {
    return await work();
  } finally {
    restoring.delete(core);
  }
}

/** The restore's own synchronous write (its audit entries) goes through the closed gate. */
export function asRestore<T>(core: Core, write: () => T): T {
  const gate = restoring.get(core);
  if (!gate) return write();
  gate.passing = true;
  try {
    return write();
  } finally {
    gate.passing = false;
  }
}
