// Recovery mode: the records file cannot be used, so the app lists the verified backups and lets an admin restore one.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { RecoveryBackup, RecoveryStatus, SessionUser } from '../contract';
import type { z } from 'zod';
import type { RecoveryRestoreInput } from '../contract/recovery';
import { findAccountByUsername } from '../repos/accounts';
import { DomainError } from '../sqlite/domain-error';
import { readable } from '../sqlite/handles';
import { latchCorrupt } from '../sqlite/corruption';
import { openDatabase } from '../sqlite/open';
import { toSessionUser } from './auth';
import { SECOND_FOLDER_NAME, backupsRoot, listManifests, readSettings, recordsPath } from './backup-store';
import type { CallContext } from './context';
import type { Core, RecoveryState } from './core';
import { hashPassword, verifyPassword } from './passwords';
import { restoreBackup } from './restore';
import { LOCK_AFTER_FAILURES, LOCK_MS, lockedError, waitAfter, waitError } from './sign-in-guard';

/** The methods that answer in recovery mode; every other one is refused with the same plain sentence. */
export const CALLABLE_IN_RECOVERY: ReadonlySet<string> = new Set(['recovery.status', 'recovery.restore']);

export const RECOVERY_MESSAGE =
  'The records file cannot be used, so StrokeDesk started in recovery mode: an administrator can restore a backup.';

/**
 * A stand-in connection for a records file that does not open at all: an empty in-memory database, latched as damaged
 * so nothing is ever written through it. Services that ask for the file's path get `recovery.dbFile` instead.
 */
export function standInDatabase(problem: string): Database.Database {
  const { db } = openDatabase(':memory:');
  latchCorrupt(db, problem);
  return db;
}

/** The second folder's backups root, when one is set. */
function secondRoot(dbFile: string): string | null {
  const folder = readSettings(backupsRoot(dbFile)).secondFolder;
  return folder === null ? null : path.join(folder, SECOND_FOLDER_NAME);
}

/** Good backups whose records file is still there, from one folder (an unreadable folder lists none). */
function goodBackups(root: string, folder: RecoveryBackup['folder']): RecoveryBackup[] {
  return listManifests(root)
    .filter((b) => b.status === 'ok' && fs.existsSync(recordsPath(root, b.id)))
    .map((b) => ({ id: b.id, folder, finishedAt: b.finishedAt, schemaVersion: b.schemaVersion, counts: b.counts }));
}

function isReadable(dir: string): boolean {
  try {
    fs.readdirSync(dir);
    return true;
  } catch {
    return false;
  }
}

export function recoveryStatus(core: Core): RecoveryStatus | null {
  const r = core.recovery;
  if (r === null) return null;
  const second = secondRoot(r.dbFile);
  const secondReadable = second !== null && isReadable(second);
  const seen = new Set<string>();
  const backups = [
    ...goodBackups(backupsRoot(r.dbFile), 'data'),
    ...(secondReadable ? goodBackups(second, 'second') : []),
  ].filter((b) => !seen.has(b.id) && seen.add(b.id) !== undefined);
  return {
    kind: r.kind,
    problem: r.problem.slice(0, 1000),
    dbFile: r.dbFile,
    backups,
    secondFolder: second === null ? null : path.dirname(second),
    secondReadable,
  };
}

// The same answer time for a name the backup does not know (see auth.signIn).
let decoyHash: Promise<string> | null = null;

/**
 * Wrong passwords at the recovery screen, per username: the same waits and the same 15-minute lock as sign-in, kept in
 * memory because the records cannot be written in recovery mode (a restart starts the count afresh, as it starts the
 * app afresh). Without it the backup's admin password could be guessed at full speed.
 */
interface RecoveryFailures {
  failures: number;
  lastFailedAt: number;
  lockedUntil: number | null;
}
const recoveryFailures = new WeakMap<Core, Map<string, RecoveryFailures>>();

function failuresOf(core: Core): Map<string, RecoveryFailures> {
  let m = recoveryFailures.get(core);
  if (!m) recoveryFailures.set(core, (m = new Map()));
  return m;
}

/** Refuses early, without hashing, a username that is locked, still waiting, or being checked right now. */
function refuseIfThrottled(core: Core, username: string, checking: boolean): void {
  const now = core.clock.now().getTime();
  const f = failuresOf(core).get(username);
  if (f?.lockedUntil && f.lockedUntil > now) throw lockedError(new Date(f.lockedUntil).toISOString(), now);
  if (f && !f.lockedUntil && now < f.lastFailedAt + waitAfter(f.failures)) {
    throw waitError(f.lastFailedAt + waitAfter(f.failures), now);
  }
  if (checking) throw waitError(now + 1000, now);
}

/** Counts a wrong password; returns the refusal to give instead of the plain one when the count now waits or locks. */
function countFailure(core: Core, username: string): DomainError | null {
  const now = core.clock.now().getTime();
  const map = failuresOf(core);
  const f = map.get(username);
  const failures = (f?.lockedUntil && f.lockedUntil <= now ? 0 : (f?.failures ?? 0)) + 1;
  const lockedUntil = failures >= LOCK_AFTER_FAILURES ? now + LOCK_MS : null;
  map.set(username, { failures, lastFailedAt: now, lockedUntil });
  core.log.info('recovery sign-in failed', { failures, locked: lockedUntil !== null });
  if (lockedUntil) return lockedError(new Date(lockedUntil).toISOString(), now);
  return waitAfter(failures) > 0 ? waitError(now + waitAfter(failures), now) : null;
}

const checkingNames = new WeakMap<Core, Set<string>>();

/** Runs the password check for `username` behind the recovery gate (see RecoveryFailures). */
async function guardedBackupAdmin(core: Core, file: string, username: string, password: string) {
  const names = checkingNames.get(core) ?? new Set<string>();
  checkingNames.set(core, names);
  refuseIfThrottled(core, username, names.has(username));
  names.add(username);
  try {
    const admin = await backupAdmin(core, file, username, password);
    failuresOf(core).delete(username);
    return admin;
  } catch (err) {
    if (!(err instanceof DomainError) || err.code !== 'BAD_CREDENTIALS') throw err;
    throw countFailure(core, username) ?? err;
  } finally {
    names.delete(username);
  }
}

/** An active admin of the backup's own accounts with this password, or BAD_CREDENTIALS; nothing is written anywhere. */
async function backupAdmin(core: Core, file: string, username: string, password: string): Promise<SessionUser> {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  let account: ReturnType<typeof findAccountByUsername>;
  try {
    account = findAccountByUsername(readable(db), username);
  } finally {
    db.close();
  }
  const decoy = (decoyHash ??= hashPassword('decoy password', core.passwordLog2N));
  const right = await verifyPassword(password, account ? account.passwordHash : await decoy);
  if (!account || !right || !account.active || account.role !== 'admin') {
    throw new DomainError(
      'BAD_CREDENTIALS',
      'Wrong username or password, or that account is not an active administrator in the chosen backup.',
    );
  }
  return toSessionUser(account);
}

/**
 * Checks the admin against the chosen backup, restores it through the one restore path (checked, the damaged file kept
 * aside, swapped in by a rename, audited in the restored records as that admin), leaves recovery mode, signs them in.
 */
export async function restoreInRecovery(
  ctx: CallContext,
  input: z.infer<typeof RecoveryRestoreInput>,
): Promise<SessionUser> {
  const { core } = ctx;
  const r = core.recovery;
  if (r === null) throw new DomainError('CONFLICT', 'The records are in use: restore from the Backups screen.');
  const root = input.folder === 'data' ? backupsRoot(r.dbFile) : secondRoot(r.dbFile);
  if (root === null) throw new DomainError('NOT_FOUND', 'No second backup folder is set.', { entity: 'backup' });
  const file = recordsPath(root, input.id);
  if (!fs.existsSync(file)) {
    throw new DomainError('NOT_FOUND', `Backup ${input.id} does not exist.`, { entity: 'backup', id: input.id });
  }
  const admin = await guardedBackupAdmin(core, file, input.username, input.password);
  await restoreBackup(core, { ...admin }, input.id, input.folder === 'data' ? undefined : root);
  leaveRecovery(core, r);
  ctx.session.token = core.sessions.open(admin.id, core.clock.now().getTime());
  return admin;
}

function leaveRecovery(core: Core, r: RecoveryState): void {
  core.recovery = null;
  core.log.info('recovery mode ended by a restore', { kind: r.kind });
  for (const start of r.afterRestore) {
    try {
      start();
    } catch (err) {
      core.log.error('start after restore failed', err);
    }
  }
}

export const status = (ctx: CallContext): RecoveryStatus | null => recoveryStatus(ctx.core);
