// Restoring a backup: checked first, the current state backed up, then swapped in whole by a rename (old or new, never both).
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Backup, RestoreResult } from '../contract/backups';
import { findAccountById } from '../repos/accounts';
import { attachmentFiles, tableCounts, tableNames } from '../repos/backups';
import { corruption } from '../sqlite/corruption';
import { DomainError } from '../sqlite/domain-error';
import { readable } from '../sqlite/handles';
import { fsyncPath } from '../sqlite/migrate';
import { migrations } from '../sqlite/migrations';
import { inspectFile, openDatabase, refuseForeignOrNewer } from '../sqlite/open';
import { listManifests, recordsPath, storedBlob } from './backup-store';
import { auditBackup, backUp, coreBackupsRoot, exclusive, liveRecordsFile } from './backups';
import type { CallContext } from './context';
import { AUDIT_ANCHOR_FILE, auditAnchorOf, writeAuditAnchor } from './audit-chain';
import type { Actor, Core } from './core';
import { putBlob, sha256Hex } from './file-store';

const latestSchema = (): number => migrations.at(-1)?.version ?? 0;

const refuse = (message: string, details: Record<string, string | number> = {}) =>
  new DomainError('DB_CORRUPT', message, details);

/** Checks a backup as a restore would, without changing anything: it is ours, not newer, sound, its files complete. */
export function checkBackup(root: string, id: string): { backup: Backup; files: { sha256: string; size: number }[] } {
  const backup = listManifests(root).find((b) => b.id === id);
  if (!backup) throw new DomainError('NOT_FOUND', `Backup ${id} does not exist.`, { entity: 'backup', id });
  if (backup.status !== 'ok') throw refuse('This backup failed its checks when it was made; choose another.');
  const file = recordsPath(root, id);
  if (!fs.existsSync(file)) throw refuse('This backup’s records file is missing; choose another.');
  const facts = inspectFile(file, 'integrity_check');
  refuseForeignOrNewer(file, facts);
  if (facts.check.join('\n') !== 'ok') {
    throw refuse('This backup is damaged (it fails integrity_check); choose another.', {
      problem: facts.check[0] ?? '',
    });
  }
  const files = readFiles(file);
  for (const f of files) {
    const p = storedBlob(root, f.sha256);
    if (!fs.existsSync(p) || sha256Hex(fs.readFileSync(p)) !== f.sha256) {
      throw refuse('An attachment file of this backup is missing or damaged; choose another.');
    }
  }
  return { backup, files };
}

function readFiles(file: string): { sha256: string; size: number }[] {
  const db = new Database(file, { readonly: true });
  try {
    return tableNames(db).includes('files') ? attachmentFiles(db) : [];
  } finally {
    db.close();
  }
}

export async function restore(ctx: CallContext, input: { id: string }): Promise<RestoreResult> {
  return restoreBackup(ctx.core, ctx.actor, input.id);
}

/**
 * `from` is the folder holding the backup when it is not the data folder's own `backups/` (the second folder, from
 * recovery mode); a damaged file's copy is kept in the data folder's either way.
 */
export async function restoreBackup(
  core: Core,
  actor: Actor | null,
  id: string,
  from?: string,
): Promise<RestoreResult> {
  return exclusive(core, async (job) => {
    const home = coreBackupsRoot(core);
    const root = from ?? home;
    const { backup, files } = checkBackup(root, id);
    const live = liveRecordsFile(core);
    const schemaFrom = backup.schemaVersion ?? 0;

    // The state before, kept first: a verified backup, or, for a damaged file, a plain copy of what is there.
    let safetyBackup: string | null = null;
    if (corruption(core.db) === null) {
      const safety = await backUp(core, actor, 'before_restore', job);
      if (safety.status !== 'ok') {
        throw new DomainError(
          'FILE_STORE',
          `The current records could not be backed up first, so nothing was restored.`,
        );
      }
      safetyBackup = safety.id;
    } else keepDamagedCopy(live, home, core.clock.now());

    job.progress = { phase: 'restoring', done: 0, total: files.length + 1 };
    // The new file is made whole beside the live one (migrated forward if older) before anything is swapped.
    const temp = `${live}.restore-tmp`;
    for (const f of [temp, `${temp}-wal`, `${temp}-shm`]) fs.rmSync(f, { force: true });
    fs.copyFileSync(recordsPath(root, id), temp);
    let schemaTo = schemaFrom;
    let counts = backup.counts;
    if (schemaFrom < latestSchema()) {
      const opened = openDatabase(temp, { noUpgradeCopy: true });
      schemaTo = opened.db.pragma('user_version', { simple: true }) as number;
      counts = tableCounts(opened.db);
      opened.db.close();
    }
    fsyncPath(temp);
    if (core.attachmentsDir) {
      for (const [i, f] of files.entries()) {
        putBlob(core.attachmentsDir, f.sha256, fs.readFileSync(storedBlob(root, f.sha256)));
        job.progress = { phase: 'restoring', done: i + 1, total: files.length + 1 };
      }
    }
    // The anchor describes the new file before the rename makes it the records: a crash between the two leaves the old
    // records with an anchor on an older entry of their own log (accepted), never the new ones with a foreign anchor.
    const anchorFile = path.join(path.dirname(live), AUDIT_ANCHOR_FILE);
    const incoming = new Database(temp, { readonly: true });
    try {
      writeAuditAnchor(anchorFile, auditAnchorOf(readable(incoming)));
    } finally {
      incoming.close();
    }
    swapIn(core, temp, live);
    // The chain verified so far was the old file's: start over on the new one (also after a damaged file's restore,
    // whose start skipped the chain), so the restore's own entry moves the anchor from the new file's head.
    core.auditChain.anchorPath = anchorFile;
    core.auditChain.verify(core.db, 'full', core.clock.now().toISOString());
    const stillThere = actor ? findAccountById(core.db, actor.id) : null;
    const by = stillThere && actor && stillThere.username === actor.username ? actor : null;
    auditBackup(core, by, 'backups.restore', { id, safetyBackup, schemaFrom, schemaTo });
    core.log.info('restored', { schemaFrom, schemaTo, attachments: files.length });
    return { restored: id, safetyBackup, schemaFrom, schemaTo, counts };
  });
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
    core.db = readable(openDatabase(live).db);
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
