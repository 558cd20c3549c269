// Backups: SQLite's online copy of the records plus the attachments by hash, verified read-only as made, then pruned.
import fs from 'node:fs';
import path from 'node:path';
import type { Database as Db } from 'better-sqlite3';
import {
  BACKUP_WARN_HOURS,
  type Backup,
  BackupProgress,
  type BackupReason,
  type BackupSettings,
  type BackupStatus,
  type FullCheck,
} from '../contract/backups';
import { VALIDATION_MESSAGES } from '../contract/common';
import { corruption, latchCorrupt } from '../sqlite/corruption';
import { DomainError, fieldError } from '../sqlite/domain-error';
import { inspectFile } from '../sqlite/open';
import { copyAndVerify, copyThenFinish, type ReportProgress } from './backup-copy';
import {
  backupsRoot,
  listManifests,
  newBackupId,
  readFullCheck,
  readSettings,
  writeFullCheck,
  writeSettings,
} from './backup-store';
import type { CallContext } from './context';
import type { Actor, Core } from './core';
import { commandAs } from './kernel';
import { asRestore } from './restore-gate';
import { hasFile, runInWorker } from './worker-jobs';

/** What a backup copies from: a live connection (online backup) or a read-only one on a closed file (before upgrade). */
export interface BackupSource {
  db: Db;
  attachmentsDir: string | null;
  root: string;
  now: () => Date;
  secondFolder: string | null;
  onProgress?: (p: BackupProgress) => void;
  /**
   * The copy, its verification and the second copy run in a worker thread with its own connection to `db`'s file, so
   * calls keep answering (an in-memory database has no file and runs here). The before-upgrade backup stays on this
   * thread: nothing else answers while it runs.
   */
  inWorker?: boolean;
}

const isPhase = (phase: string | undefined): phase is BackupProgress['phase'] =>
  BackupProgress.shape.phase.safeParse(phase).success;

/** Makes one backup, verifies it, records the result in its manifest, prunes. Never throws for a failed copy. */
export async function takeBackup(src: BackupSource, reason: BackupReason): Promise<Backup> {
  // The start comes from the caller's clock (a test's fixed one too), never from a worker's.
  const started = src.now();
  fs.mkdirSync(src.root, { recursive: true, mode: 0o700 });
  const id = newBackupId(src.root, started, reason);
  const dir = path.join(src.root, id);
  fs.mkdirSync(dir, { mode: 0o700 });
  const report: ReportProgress = (phase, done, total) => src.onProgress?.({ phase, done, total });
  const fromWorker = (done: number, total: number, phase?: string) => {
    if (isPhase(phase)) report(phase, done, total);
  };
  const head = { id, startedAt: started.toISOString(), reason };
  const finishedAt = () => src.now().toISOString();
  const o = { root: src.root, secondFolder: src.secondFolder, report };
  if (src.inWorker === true && hasFile(src.db.name)) {
    const input = { file: src.db.name, attachmentsDir: src.attachmentsDir, root: src.root, dir, head };
    try {
      return await runInWorker('backup.take', { ...input, secondFolder: src.secondFolder }, fromWorker);
    } catch (err) {
      // The worker did not start or died: the attempt is recorded as failed here, as a failed copy would be.
      return copyThenFinish(head, dir, () => Promise.reject(err), finishedAt, o);
    }
  }
  const copy = () => copyAndVerify(src.db, src.attachmentsDir, src.root, dir, report);
  return copyThenFinish(head, dir, copy, finishedAt, o);
}

// ---- The core's side: one job at a time, its progress, status for every user, admin commands (audited). ----

interface Job {
  progress: BackupProgress | null;
}
const jobs = new WeakMap<Core, Job>();

/** The records file on disk: in recovery mode the core's connection may be a stand-in for a file that cannot open. */
export const liveRecordsFile = (core: Core): string => core.recovery?.dbFile ?? core.db.name;

export const coreBackupsRoot = (core: Core): string => {
  const file = liveRecordsFile(core);
  if (file === ':memory:' || file === '') throw new Error('An in-memory database has no backups.');
  return backupsRoot(file);
};

/** Runs `work` as the core's one backup or restore; a second one meanwhile is refused. */
export async function exclusive<T>(core: Core, work: (job: Job) => Promise<T>): Promise<T> {
  if (jobs.has(core))
    throw new DomainError('DB_BUSY', 'A backup or restore is already running. Try again when it ends.');
  const job: Job = { progress: null };
  jobs.set(core, job);
  try {
    return await work(job);
  } finally {
    jobs.delete(core);
  }
}

/** A backup of the live records. Audited when the records can still be written (a damaged file cannot be). */
export async function backUp(
  core: Core,
  actor: Actor | null,
  reason: BackupReason,
  inJob?: Job,
  /** False for a small file inside a restore (see `RESTORE_INLINE_BYTES` in restore.ts). */
  inWorker = true,
): Promise<Backup> {
  const run = async (job: Job) => {
    const root = coreBackupsRoot(core);
    const backup = await takeBackup(
      {
        db: core.db,
        attachmentsDir: core.attachmentsDir,
        root,
        now: () => core.clock.now(),
        secondFolder: readSettings(root).secondFolder,
        onProgress: (p) => (job.progress = p),
        // A restore's safety backup too: the restore's other long parts run in a worker of their own.
        inWorker,
      },
      reason,
    );
    core.log.info('backup', { reason, status: backup.status, attachmentsCopied: backup.attachmentsCopied });
    const summary = { id: backup.id, reason, status: backup.status };
    // A restore's safety backup is audited through the restore's closed gate (restore-gate.ts).
    if (corruption(core.db) === null) asRestore(core, () => auditBackup(core, actor, 'backups.create', summary));
    return backup;
  };
  return inJob ? run(inJob) : exclusive(core, run);
}

export function auditBackup(core: Core, actor: Actor | null, action: string, after: unknown): void {
  const audit = () => ({ entityId: null, before: null, after });
  commandAs(core, actor, { action, entity: 'backup', audit }, () => undefined);
}

export function backupStatus(core: Core): BackupStatus {
  const damage = corruption(core.db);
  const all = core.db.name === ':memory:' ? [] : listManifests(coreBackupsRoot(core));
  const good = all.find((b) => b.status === 'ok') ?? null;
  const now = core.clock.now().getTime();
  const ageHours = good ? Math.max(0, (now - new Date(good.finishedAt).getTime()) / 3_600_000) : null;
  const lastFailed = all[0]?.status === 'failed';
  return {
    lastGood: good && ageHours !== null ? { id: good.id, finishedAt: good.finishedAt, ageHours } : null,
    lastFailed,
    warn: lastFailed || ageHours === null || ageHours > BACKUP_WARN_HOURS,
    records: { damaged: damage !== null, problem: damage },
    running: jobs.get(core)?.progress ?? null,
    lastFullCheck: core.db.name === ':memory:' ? null : readFullCheck(coreBackupsRoot(core)),
  };
}

/**
 * The daily full `integrity_check` of the live records file, on a read-only connection of its own (it sees the WAL,
 * so it checks what the app reads). Damage latches the live connection exactly as a SQLITE_CORRUPT answer does: no
 * write commits after it, and every user is told. The result is recorded for the Backups screen either way.
 */
export function checkRecordsFully(core: Core): FullCheck {
  const at = core.clock.now().toISOString();
  let lines: string[];
  try {
    lines = inspectFile(core.db.name, 'integrity_check').check;
  } catch (err) {
    // The file no longer opens at all (SQLITE_NOTADB and the like, mapped to DB_CORRUPT): that is damage too.
    if (!(err instanceof DomainError) || err.code !== 'DB_CORRUPT') throw err;
    lines = [err.message];
  }
  const ok = lines.join('\n') === 'ok';
  const result: FullCheck = { at, ok, problem: ok ? null : lines.slice(0, 5).join('\n').slice(0, 1000) };
  if (!ok) {
    latchCorrupt(core.db, result.problem ?? 'integrity_check failed');
    core.log.error('full integrity check found damage', null, { lines: lines.length });
  } else core.log.info('full integrity check', { ok });
  writeFullCheck(coreBackupsRoot(core), result);
  return result;
}

// ---- Handlers' entry points ----

export const status = (ctx: CallContext): BackupStatus => backupStatus(ctx.core);
export const list = (ctx: CallContext): Backup[] => listManifests(coreBackupsRoot(ctx.core));
export const create = (ctx: CallContext): Promise<Backup> => backUp(ctx.core, ctx.actor, 'manual');
export const settings = (ctx: CallContext): BackupSettings => readSettings(coreBackupsRoot(ctx.core));

/** The second folder must be there and take files now, not only at 13:00 when nobody is looking. */
function checkSecondFolder(folder: string): void {
  if (!path.isAbsolute(folder)) throw fieldError('secondFolder', VALIDATION_MESSAGES.folderFullPath);
  let isDir: boolean;
  try {
    isDir = fs.statSync(folder).isDirectory();
  } catch {
    throw fieldError('secondFolder', VALIDATION_MESSAGES.folderMissing);
  }
  if (!isDir) throw fieldError('secondFolder', VALIDATION_MESSAGES.folderIsFile);
  // access(W_OK) is not enough on network shares and Windows ACLs: a real file is written and removed.
  const probe = path.join(folder, `.strokedesk-write-test-${process.pid}`);
  try {
    fs.writeFileSync(probe, 'ok');
    fs.rmSync(probe, { force: true });
  } catch {
    throw fieldError('secondFolder', VALIDATION_MESSAGES.folderNotWritable);
  }
}

export function updateSettings(ctx: CallContext, input: BackupSettings): BackupSettings {
  if (input.secondFolder !== null) checkSecondFolder(input.secondFolder);
  const root = coreBackupsRoot(ctx.core);
  const before = readSettings(root);
  writeSettings(root, input);
  auditBackup(ctx.core, ctx.actor, 'backups.updateSettings', { before, after: input });
  return input;
}
