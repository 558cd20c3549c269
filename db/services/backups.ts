// Backups: SQLite's online copy of the records plus the attachments by hash, verified read-only as made, then pruned.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';
import {
  BACKUP_WARN_HOURS,
  type Backup,
  type BackupProgress,
  type BackupReason,
  type BackupSettings,
  type BackupStatus,
  type FullCheck,
} from '../contract/backups';
import { VALIDATION_MESSAGES } from '../contract/common';
import { attachmentFiles, tableCounts, tableNames } from '../repos/backups';
import { corruption, latchCorrupt } from '../sqlite/corruption';
import { DomainError, fieldError } from '../sqlite/domain-error';
import { APPLICATION_ID, fsyncPath } from '../sqlite/migrate';
import { inspectFile } from '../sqlite/open';
import {
  RECORDS_FILE,
  SECOND_FOLDER_NAME,
  backupsRoot,
  listManifests,
  newBackupId,
  prune,
  readFullCheck,
  readSettings,
  recordsPath,
  storedBlob,
  writeFullCheck,
  writeManifest,
  writeSettings,
  filesDir,
} from './backup-store';
import type { CallContext } from './context';
import type { Actor, Core } from './core';
import { commandAs } from './kernel';
import { blobPath, putBlob, sha256Hex } from './file-store';

/** What a backup copies from: a live connection (online backup) or a read-only one on a closed file (before upgrade). */
export interface BackupSource {
  db: Db;
  attachmentsDir: string | null;
  root: string;
  now: () => Date;
  secondFolder: string | null;
  onProgress?: (p: BackupProgress) => void;
}

/** Pages per step of the online copy: between steps the event loop answers calls and writers commit. */
const PAGES_PER_STEP = 256;
const yieldTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Makes one backup, verifies it, records the result in its manifest, prunes. Never throws for a failed copy. */
export async function takeBackup(src: BackupSource, reason: BackupReason): Promise<Backup> {
  const started = src.now();
  fs.mkdirSync(src.root, { recursive: true, mode: 0o700 });
  const id = newBackupId(src.root, started, reason);
  const dir = path.join(src.root, id);
  fs.mkdirSync(dir, { mode: 0o700 });
  const report = (phase: BackupProgress['phase'], done: number, total: number) =>
    src.onProgress?.({ phase, done, total });
  let result: Omit<Backup, 'id' | 'startedAt' | 'finishedAt' | 'reason' | 'secondCopy'>;
  try {
    result = await copyAndVerify(src, dir, report);
  } catch (err) {
    fs.rmSync(path.join(dir, RECORDS_FILE), { force: true });
    const problem = err instanceof Error ? err.message : String(err);
    result = {
      status: 'failed',
      problem,
      schemaVersion: null,
      counts: {},
      attachments: 0,
      attachmentsCopied: 0,
      bytes: 0,
    };
  }
  let secondCopy: Backup['secondCopy'] = null;
  const base = { id, startedAt: started.toISOString(), reason, ...result };
  if (result.status === 'ok' && src.secondFolder) {
    report('second_copy', 0, 1);
    secondCopy = copyToSecondFolder(src.root, path.join(src.secondFolder, SECOND_FOLDER_NAME), {
      ...base,
      finishedAt: src.now().toISOString(),
      secondCopy: 'ok',
    });
  }
  const backup: Backup = { ...base, finishedAt: src.now().toISOString(), secondCopy };
  writeManifest(src.root, backup);
  prune(src.root, src.now());
  return backup;
}

async function copyAndVerify(
  src: BackupSource,
  dir: string,
  report: (phase: BackupProgress['phase'], done: number, total: number) => void,
): Promise<Omit<Backup, 'id' | 'startedAt' | 'finishedAt' | 'reason' | 'secondCopy'>> {
  const tmp = path.join(dir, `${RECORDS_FILE}.tmp`);
  await src.db.backup(tmp, {
    progress: ({ totalPages, remainingPages }) => {
      report('records', totalPages - remainingPages, totalPages);
      return PAGES_PER_STEP;
    },
  });
  // The copy carries the live file's WAL flag (header bytes 18 and 19 = 2); a backup is one self-contained file, so
  // it is marked as a rollback-journal database (1, 1) — the same as `journal_mode = DELETE`, without another open.
  markRollbackJournal(tmp);
  fs.chmodSync(tmp, 0o600);
  fsyncPath(tmp);
  const final = path.join(dir, RECORDS_FILE);
  fs.renameSync(tmp, final);
  fsyncPath(dir);

  report('verifying', 0, 1);
  const facts = inspectFile(final, 'integrity_check');
  if (facts.applicationId !== APPLICATION_ID) throw new Error('The copy does not carry StrokeDesk’s application id.');
  const expected = src.db.pragma('user_version', { simple: true }) as number;
  if (facts.schemaVersion !== expected) {
    throw new Error(`The copy has schema ${facts.schemaVersion}; the records have ${expected}.`);
  }
  if (facts.check.join('\n') !== 'ok') throw new Error(`The copy failed integrity_check: ${facts.check[0] ?? ''}`);
  const copy = new Database(final, { readonly: true });
  let counts: Record<string, number>;
  let files: { sha256: string; size: number }[];
  try {
    counts = tableCounts(copy);
    files = tableNames(copy).includes('files') ? attachmentFiles(copy) : [];
  } finally {
    copy.close();
  }
  const copied = await copyAttachments(src.attachmentsDir, src.root, files, report);
  verifyAttachments(src.root, files, copied);
  return {
    status: 'ok',
    problem: null,
    schemaVersion: facts.schemaVersion,
    counts,
    attachments: files.length,
    attachmentsCopied: copied.size,
    bytes: fs.statSync(final).size,
  };
}

function markRollbackJournal(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.writeSync(fd, Buffer.from([1, 1]), 0, 2, 18);
  } finally {
    fs.closeSync(fd);
  }
}

/** Copies the attachment files not yet in the backups folder, each checked against its hash. */
async function copyAttachments(
  from: string | null,
  root: string,
  files: readonly { sha256: string; size: number }[],
  report: (phase: BackupProgress['phase'], done: number, total: number) => void,
): Promise<Set<string>> {
  const copied = new Set<string>();
  for (const [i, f] of files.entries()) {
    const dest = storedBlob(root, f.sha256);
    if (!(fs.existsSync(dest) && fs.statSync(dest).size === f.size)) {
      if (from === null) throw new Error('The records refer to attachments, but there is no attachments folder.');
      const bytes = fs.readFileSync(blobPath(from, f.sha256));
      if (sha256Hex(bytes) !== f.sha256)
        throw new Error(`Attachment ${f.sha256.slice(0, 12)} does not match its hash.`);
      putBlob(filesDir(root), f.sha256, bytes);
      copied.add(f.sha256);
    }
    report('attachments', i + 1, files.length);
    if (i % 16 === 15) await yieldTurn();
  }
  return copied;
}

/** Every file is there at its size; the ones this backup copied are read back and hashed. */
function verifyAttachments(
  root: string,
  files: readonly { sha256: string; size: number }[],
  copied: Set<string>,
): void {
  for (const f of files) {
    const p = storedBlob(root, f.sha256);
    if (!fs.existsSync(p) || fs.statSync(p).size !== f.size) {
      throw new Error(`Attachment ${f.sha256.slice(0, 12)} is missing from the backup.`);
    }
    if (copied.has(f.sha256) && sha256Hex(fs.readFileSync(p)) !== f.sha256) {
      throw new Error(`Attachment ${f.sha256.slice(0, 12)} was not copied faithfully.`);
    }
  }
}

/** The same backup in the second folder: records file (checked by hash), manifest, missing attachment files. */
function copyToSecondFolder(root: string, second: string, backup: Backup): 'ok' | 'failed' {
  try {
    const dir = path.join(second, backup.id);
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    const from = recordsPath(root, backup.id);
    const to = path.join(dir, RECORDS_FILE);
    fs.copyFileSync(from, `${to}.tmp`);
    fsyncPath(`${to}.tmp`);
    fs.renameSync(`${to}.tmp`, to);
    if (sha256Hex(fs.readFileSync(to)) !== sha256Hex(fs.readFileSync(from))) return 'failed';
    const copy = new Database(to, { readonly: true });
    const files = tableNames(copy).includes('files') ? attachmentFiles(copy) : [];
    copy.close();
    for (const f of files) putBlob(filesDir(second), f.sha256, fs.readFileSync(storedBlob(root, f.sha256)));
    writeManifest(second, backup);
    prune(second, new Date(backup.finishedAt));
    return 'ok';
  } catch {
    return 'failed';
  }
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
export async function backUp(core: Core, actor: Actor | null, reason: BackupReason, inJob?: Job): Promise<Backup> {
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
      },
      reason,
    );
    core.log.info('backup', { reason, status: backup.status, attachmentsCopied: backup.attachmentsCopied });
    const summary = { id: backup.id, reason, status: backup.status };
    if (corruption(core.db) === null) auditBackup(core, actor, 'backups.create', summary);
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
