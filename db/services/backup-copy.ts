// A backup's long parts, free of the core: the online copy and its verification, the second copy, the prune.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';
import type { Backup, BackupProgress } from '../contract/backups';
import { attachmentFiles, tableCounts, tableNames } from '../repos/backups';
import { registerFunctions } from '../sqlite/functions';
import { APPLICATION_ID, fsyncPath } from '../sqlite/migrate';
import { inspectFile } from '../sqlite/open';
import {
  RECORDS_FILE,
  SECOND_FOLDER_NAME,
  filesDir,
  prune,
  recordsPath,
  storedBlob,
  writeManifest,
} from './backup-store';
import { blobPath, putBlob, sha256Hex } from './file-store';

/** What the copy and its verification find: everything a manifest says but the names and times. */
export type CopyResult = Omit<Backup, 'id' | 'startedAt' | 'finishedAt' | 'reason' | 'secondCopy'>;
export type ReportProgress = (phase: BackupProgress['phase'], done: number, total: number) => void;

/** Pages per step of the online copy: between steps the event loop answers calls and writers commit. */
const PAGES_PER_STEP = 256;
const yieldTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A read-only connection on the binding the caller runs on (a worker in the desktop app names Electron's). */
export function openReadOnly(file: string, nativeBinding: string | null): Db {
  const db = new Database(file, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  // Statements and checks may evaluate index expressions built on our SQL functions (migration 0260).
  registerFunctions(db);
  return db;
}

/** The online copy of `db` into `dir`, then the copy verified read-only, then the attachments copied and checked. */
export async function copyAndVerify(
  db: Db,
  attachmentsDir: string | null,
  root: string,
  dir: string,
  report: ReportProgress,
  nativeBinding: string | null = null,
): Promise<CopyResult> {
  const tmp = path.join(dir, `${RECORDS_FILE}.tmp`);
  await db.backup(tmp, {
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
  const facts = inspectFile(final, 'integrity_check', nativeBinding ?? undefined);
  if (facts.applicationId !== APPLICATION_ID) throw new Error('The copy does not carry StrokeDesk’s application id.');
  const expected = db.pragma('user_version', { simple: true }) as number;
  if (facts.schemaVersion !== expected) {
    throw new Error(`The copy has schema ${facts.schemaVersion}; the records have ${expected}.`);
  }
  if (facts.check.join('\n') !== 'ok') throw new Error(`The copy failed integrity_check: ${facts.check[0] ?? ''}`);
  const copy = openReadOnly(final, nativeBinding);
  let counts: Record<string, number>;
  let files: { sha256: string; size: number }[];
  try {
    counts = tableCounts(copy);
    files = tableNames(copy).includes('files') ? attachmentFiles(copy) : [];
  } finally {
    copy.close();
  }
  const copied = await copyAttachments(attachmentsDir, root, files, report);
  verifyAttachments(root, files, copied);
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
  report: ReportProgress,
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
function copyToSecondFolder(
  root: string,
  second: string,
  backup: Backup,
  nativeBinding: string | null,
): 'ok' | 'failed' {
  try {
    const dir = path.join(second, backup.id);
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    const from = recordsPath(root, backup.id);
    const to = path.join(dir, RECORDS_FILE);
    fs.copyFileSync(from, `${to}.tmp`);
    fsyncPath(`${to}.tmp`);
    fs.renameSync(`${to}.tmp`, to);
    if (sha256Hex(fs.readFileSync(to)) !== sha256Hex(fs.readFileSync(from))) return 'failed';
    const copy = openReadOnly(to, nativeBinding);
    const files = tableNames(copy).includes('files') ? attachmentFiles(copy) : [];
    copy.close();
    for (const f of files) putBlob(filesDir(second), f.sha256, fs.readFileSync(storedBlob(root, f.sha256)));
    writeManifest(second, backup);
    prune(second, new Date(backup.finishedAt), null, nativeBinding);
    return 'ok';
  } catch {
    return 'failed';
  }
}

/** Who, when and why of a backup: named before its copy starts. */
export type BackupHead = Pick<Backup, 'id' | 'startedAt' | 'reason'>;

/**
 * The whole backup after its folder is made: the copy (`copy`), a failure recorded rather than thrown, then the
 * second copy, the manifest and the prune. `finishedAt` is asked once the copy is verified.
 */
export async function copyThenFinish(
  head: BackupHead,
  dir: string,
  copy: () => Promise<CopyResult>,
  finishedAt: () => string,
  o: { root: string; secondFolder: string | null; report: ReportProgress; nativeBinding?: string | null },
): Promise<Backup> {
  let result: CopyResult;
  try {
    result = await copy();
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
  const base = { ...head, ...result };
  return finishBackup(o.root, o.secondFolder, base, finishedAt(), o.report, o.nativeBinding ?? null);
}

/**
 * After the copy: the second copy (a good backup, when a second folder is set), the manifest, the prune. `finishedAt`
 * is when the copy was made and verified — the caller's clock, which a worker does not have.
 */
export function finishBackup(
  root: string,
  secondFolder: string | null,
  base: Omit<Backup, 'finishedAt' | 'secondCopy'>,
  finishedAt: string,
  report: ReportProgress,
  nativeBinding: string | null = null,
): Backup {
  let secondCopy: Backup['secondCopy'] = null;
  if (base.status === 'ok' && secondFolder) {
    report('second_copy', 0, 1);
    const second = path.join(secondFolder, SECOND_FOLDER_NAME);
    secondCopy = copyToSecondFolder(root, second, { ...base, finishedAt, secondCopy: 'ok' }, nativeBinding);
  }
  const backup: Backup = { ...base, finishedAt, secondCopy };
  writeManifest(root, backup);
  prune(root, new Date(finishedAt), null, nativeBinding);
  return backup;
}
