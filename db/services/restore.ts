// Restoring a backup: checked first, the current state backed up, then swapped in whole by a rename (old or new, never both).
import fs from 'node:fs';
import path from 'node:path';
import type { Backup, RestoreResult } from '../contract/backups';
import { findAccountById } from '../repos/accounts';
import { corruption } from '../sqlite/corruption';
import { DomainError } from '../sqlite/domain-error';
import { readable } from '../sqlite/handles';
import { fsyncPath } from '../sqlite/migrate';
import { openDatabase } from '../sqlite/open';
import { AUDIT_ANCHOR_FILE, writeAuditAnchor } from './audit-chain';
import { recordsPath } from './backup-store';
import { auditBackup, backUp, coreBackupsRoot, exclusive, liveRecordsFile } from './backups';
import type { CallContext } from './context';
import type { Actor, Core } from './core';
import { findRestorable, inspectRestorable, type PrepareResult, prepareRestore } from './restore-prepare';
import { asRestore, whileRestoring } from './restore-gate';
import { hasFile, runInWorker } from './worker-jobs';

/** Checks a backup as a restore would, without changing anything: it is ours, not newer, sound, its files complete. */
export function checkBackup(root: string, id: string): { backup: Backup; files: { sha256: string; size: number }[] } {
  const backup = findRestorable(root, id);
  return { backup, files: inspectRestorable(root, id) };
}

/**
 * Below this size (records file with its WAL, and the chosen backup's) a restore runs on the calling thread: all of it
 * then holds calls for less than starting its two workers would take (a start costs ~50 ms of CPU on a quiet
 * machine, ~500 ms measured on the loaded build machine; checking, copying and backing up 4 MB ~40 ms quiet). A
 * clinic's records pass it within weeks; tests of a fresh clinic (100 restore round trips) stay fast. With warm workers
 * (a pool) this can go to 0.
 */
export const RESTORE_INLINE_BYTES = 4 * 1024 * 1024;

const sizeOf = (file: string): number => (fs.existsSync(file) ? fs.statSync(file).size : 0);
const isSmall = (live: string, chosen: string): boolean =>
  sizeOf(live) + sizeOf(`${live}-wal`) < RESTORE_INLINE_BYTES && sizeOf(chosen) < RESTORE_INLINE_BYTES;

export async function restore(ctx: CallContext, input: { id: string }): Promise<RestoreResult> {
  return restoreBackup(ctx.core, ctx.actor, input.id);
}

/**
 * `from` is the folder holding the backup when it is not the data folder's own `backups/` (the second folder, from
 * recovery mode); a damaged file's copy is kept in the data folder's either way.
 *
 * The long parts run in worker threads, so calls keep answering: the chosen backup's checks, copy, migration and
 * chain walk (`restore.prepare`), and the safety backup (the Backups screen's own `backup.take`). From the start,
 * writes from other desks are refused with a typed DB_BUSY (`restore_in_progress`): a write after the safety backup
 * began would be in neither it nor the restored records. Only the swap (checkpoint, close, rename, reopen) and the
 * restore's audit entry run on this thread.
 */
export async function restoreBackup(
  core: Core,
  actor: Actor | null,
  id: string,
  from?: string,
  /** False runs it all on the calling thread whatever the size (a test's baseline); by default by size, as above. */
  inWorkers?: boolean,
): Promise<RestoreResult> {
  return exclusive(core, (job) =>
    whileRestoring(core, async () => {
      const home = coreBackupsRoot(core);
      const root = from ?? home;
      // The quick refusals (no such backup, failed when made, file gone) before any worker starts.
      findRestorable(root, id);
      const live = liveRecordsFile(core);
      const temp = `${live}.restore-tmp`;
      const removeTemp = () => [temp, `${temp}-wal`, `${temp}-shm`].forEach((f) => fs.rmSync(f, { force: true }));
      try {
        job.progress = { phase: 'restoring', done: 0, total: 1 };
        const onProgress = (done: number, total: number) => (job.progress = { phase: 'restoring', done, total });
        // The new file is made whole beside the live one (migrated forward if older) before anything is swapped.
        const inWorker = hasFile(live) && (inWorkers ?? !isSmall(live, recordsPath(root, id)));
        const input = { root, id, temp, attachmentsDir: core.attachmentsDir, nativeBinding: null, settle: inWorker };
        const prepared: PrepareResult = inWorker
          ? await runInWorker('restore.prepare', input, onProgress)
          : prepareRestore(input, onProgress);
        if (!prepared.ok) throw new DomainError(prepared.code, prepared.message, prepared.details);

        // The state before, kept first: a verified backup, or, for a damaged file, a plain copy of what is there.
        let safetyBackup: string | null = null;
        if (corruption(core.db) === null) {
          const safety = await backUp(core, actor, 'before_restore', job, inWorker);
          if (safety.status !== 'ok') {
            throw new DomainError(
              'FILE_STORE',
              `The current records could not be backed up first, so nothing was restored.`,
            );
          }
          safetyBackup = safety.id;
        } else keepDamagedCopy(live, home, core.clock.now());

        // The anchor describes the new file before the rename makes it the records: a crash between the two leaves the
        // old records with an anchor on an older entry of their own log (accepted), never the new ones with a foreign
        // anchor. Its `verified` is where the worker's walk of the new file's chain ended.
        // The old records' WAL written into them now, between calls: the swap's own checkpoint then finds it empty.
        if (!core.db.readonly) core.db.pragma('wal_checkpoint(TRUNCATE)');
        await new Promise<void>((resolve) => setImmediate(resolve));
        const anchorFile = path.join(path.dirname(live), AUDIT_ANCHOR_FILE);
        writeAuditAnchor(anchorFile, prepared.anchor);
        swapIn(core, temp, live);
        // The chain verified so far was the old file's: it starts over on the new one from the anchor, so this walks
        // only what the worker did not (nothing; all of it if the new chain was found broken, to say where).
        core.auditChain.restart(anchorFile);
        core.auditChain.verify(
          core.db,
          prepared.anchor.verified ? 'incremental' : 'full',
          core.clock.now().toISOString(),
        );
        const stillThere = actor ? findAccountById(core.db, actor.id) : null;
        const by = stillThere && actor && stillThere.username === actor.username ? actor : null;
        const { schemaFrom, schemaTo, counts, attachments } = prepared;
        asRestore(core, () => auditBackup(core, by, 'backups.restore', { id, safetyBackup, schemaFrom, schemaTo }));
        core.log.info('restored', { schemaFrom, schemaTo, attachments });
        return { restored: id, safetyBackup, schemaFrom, schemaTo, counts };
      } finally {
        // Gone once renamed; a refused or failed restore leaves nothing beside the records.
        removeTemp();
      }
    }),
  );
}

/**
 * Closes the live connection with its WAL checkpointed and removed, renames the new file over the records, reopens.
 * The rename is the one step that switches: a crash before it leaves the old records whole, after it the new ones.
 */
function swapIn(core: Core, temp: string, live: string): void {
  const old = core.db;
  if (!old.readonly) old.pragma('wal_checkpoint(TRUNCATE)');
  old.close();
  try {
    // Empty after the checkpoint (a damaged file's were copied aside first): a stale WAL must never meet the new file.
    for (const f of [`${live}-wal`, `${live}-shm`]) fs.rmSync(f, { force: true });
    fs.renameSync(temp, live);
    fsyncPath(path.dirname(live));
  } finally {
    // Checked whole by the worker (integrity_check, then migrated): not read again here. After a failed rename the old
    // file is back in place and is checked as on any open.
    core.db = readable(openDatabase(live, { checked: !fs.existsSync(temp) }).db);
  }
}

/** The damaged file (and its WAL) kept whole beside the backups, named by the time: never deleted by a restore. */
function keepDamagedCopy(live: string, root: string, now: Date): void {
  const dir = path.join(root, `damaged-${now.toISOString().replace(/[:.]/g, '-')}`);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  for (const f of [live, `${live}-wal`]) {
    if (fs.existsSync(f)) fs.copyFileSync(f, path.join(dir, path.basename(f)));
  }
}
