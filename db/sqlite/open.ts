// Opens a StrokeDesk database file: checks it is ours, sets the pragmas we rely on, and migrates it.
import fs from 'node:fs';
import nodePath from 'node:path';
import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';
import { deferCheckpoints } from './checkpoint';
import { DomainError } from './domain-error';
import { latchCorrupt } from './corruption';
import { mapSqliteError } from './errors';
import { registerFunctions } from './functions';
import { APPLICATION_ID, fsyncPath, migrate, type MigrateResult } from './migrate';
import { migrations } from './migrations';

export interface OpenOptions {
  /** Path to better-sqlite3's native module built for the running ABI (Electron's, when packaged). */
  nativeBinding?: string;
  /** Where copies made before an upgrade go; defaults to a `backups` folder beside the file. */
  backupDir?: string;
  /** Skip the copy before an upgrade: the file is itself a copy (a backup being restored). */
  noUpgradeCopy?: boolean;
  /**
   * The file was checked whole just before (a restore's prepared copy, by integrity_check in a worker): the quick_check
   * on open is skipped, so the thread that answers calls does not read the whole file a second time.
   */
  checked?: boolean;
  busyTimeoutMs?: number;
}

export interface OpenedDatabase {
  db: Db;
  migration: MigrateResult;
  /** quick_check's findings when the file is damaged (then it is open read-only and latched); null when it is sound. */
  damage: string | null;
}

/** What a read-only look at a file found before anything writes to it. */
export interface FileFacts {
  applicationId: number;
  schemaVersion: number;
  /** quick_check's (or integrity_check's) lines, or ['ok']. */
  check: string[];
}

/**
 * Reads the id, the schema version and the check from a read-only connection, so nothing (not even the switch to WAL)
 * touches a file that is foreign, newer or damaged. SQLite's errors come out mapped (an unreadable file is DB_CORRUPT).
 */
export function inspectFile(
  file: string,
  check: 'quick_check' | 'integrity_check' = 'quick_check',
  nb?: string,
): FileFacts {
  const look = (): FileFacts => {
    let ro: Db | null = null;
    try {
      ro = new Database(file, { readonly: true, fileMustExist: true, ...(nb ? { nativeBinding: nb } : {}) });
      // integrity_check recomputes expression indexes, and some are built on our functions (0260).
      registerFunctions(ro);
      const applicationId = ro.pragma('application_id', { simple: true }) as number;
      const schemaVersion = ro.pragma('user_version', { simple: true }) as number;
      return { applicationId, schemaVersion, check: runCheck(ro, check) };
    } finally {
      ro?.close();
    }
  };
  try {
    try {
      return look();
    } catch (err) {
      if ((err as { code?: unknown }).code !== 'SQLITE_READONLY_ROLLBACK') throw err;
      rollBackHotJournal(file, nb);
      return look();
    }
  } catch (err) {
    throw mapSqliteError(err) ?? err;
  }
}

/**
 * A process stopped in the middle of a write outside WAL (a restore's reopen of the swapped-in file, which is still in
 * rollback-journal mode until it switches) leaves a hot journal, and a read-only connection refuses to read past it
 * (SQLITE_READONLY_ROLLBACK). One writable connection rolls it back, as SQLite does on any open: the file returns to
 * its last commit, and nothing else is changed.
 */
function rollBackHotJournal(file: string, nb?: string): void {
  const rw = new Database(file, { fileMustExist: true, ...(nb ? { nativeBinding: nb } : {}) });
  try {
    rw.prepare('SELECT count(*) FROM sqlite_master').get();
  } finally {
    rw.close();
  }
}

/** The check's lines; damage bad enough that the check itself stops with SQLITE_CORRUPT is a finding too. */
function runCheck(db: Db, check: 'quick_check' | 'integrity_check'): string[] {
  try {
    return (db.pragma(check) as Record<string, unknown>[]).map((r) => String(Object.values(r)[0]));
  } catch (err) {
    const code = String((err as { code?: unknown }).code ?? '');
    if (!code.startsWith('SQLITE_CORRUPT')) throw err;
    return [`${code}: ${err instanceof Error ? err.message : ''}`];
  }
}

const latestVersion = (): number => migrations.at(-1)?.version ?? 0;

/** Refuses what is not ours or is newer than this app: a zero-byte file counts as not ours (never a new clinic). */
export function refuseForeignOrNewer(file: string, facts: FileFacts | null): void {
  if (facts === null || fs.statSync(file).size === 0) {
    throw new DomainError(
      'DB_EMPTY_FILE',
      'The records file is empty (zero bytes): it was not written by StrokeDesk, so it was left as it is. ' +
        'Restore a backup, or move the file away to start a new clinic.',
    );
  }
  if (facts.applicationId !== APPLICATION_ID) {
    throw new DomainError(
      'DB_FOREIGN',
      'This file is not a StrokeDesk records file. Choose the clinic’s data folder, or an empty one to start afresh.',
      { applicationId: facts.applicationId },
    );
  }
  if (facts.schemaVersion > latestVersion()) {
    throw new DomainError(
      'DB_TOO_NEW',
      `These records were written by a newer StrokeDesk (schema ${facts.schemaVersion}); this app knows schema ` +
        `${latestVersion()}. Install the newer version to open them.`,
      { fileVersion: facts.schemaVersion, appVersion: latestVersion() },
    );
  }
}

/**
 * Opens and migrates an existing records file, or creates a new one when none exists (`:memory:` is allowed for
 * tests). A new file is built under a temporary name and renamed into place, so a crash never leaves a half-made file
 * that a later start would have to guess about. A damaged file opens read-only, latched, with `damage` saying why.
 */
export function openDatabase(path: string, options: OpenOptions = {}): OpenedDatabase {
  const isFile = path !== ':memory:' && path !== '';
  if (isFile && !fs.existsSync(path)) createFile(path, options);
  if (!isFile || options.checked === true) return openWritable(path, options);
  const facts = fs.statSync(path).size === 0 ? null : inspectFile(path, 'quick_check', options.nativeBinding);
  refuseForeignOrNewer(path, facts);
  const damage = facts && facts.check.join('\n') !== 'ok' ? facts.check.slice(0, 5).join('\n') : null;
  if (damage !== null) return openDamaged(path, facts?.schemaVersion ?? 0, damage, options);
  return openWritable(path, options);
}

function createFile(path: string, options: OpenOptions): void {
  const temp = `${path}.new-${process.pid}`;
  for (const f of [temp, `${temp}-wal`, `${temp}-shm`]) fs.rmSync(f, { force: true });
  const { db } = openWritable(temp, options);
  // Closing the only connection checkpoints the WAL into the file and removes it: the file alone is the database.
  db.close();
  fsyncPath(temp);
  fs.renameSync(temp, path);
  fsyncPath(nodePath.dirname(path));
}

function openDamaged(path: string, version: number, damage: string, options: OpenOptions): OpenedDatabase {
  let db: Db;
  try {
    db = new Database(path, {
      readonly: true,
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    });
    registerFunctions(db);
    db.pragma('foreign_keys = ON');
  } catch (err) {
    throw mapSqliteError(err) ?? err;
  }
  latchCorrupt(db, damage);
  return { db, migration: { from: version, to: version, applied: [], backupPath: null }, damage };
}

function openWritable(path: string, options: OpenOptions): OpenedDatabase {
  let db: Db;
  try {
    db = new Database(path, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  } catch (err) {
    throw mapSqliteError(err) ?? err;
  }
  try {
    restrictToOwner(path);
    checkOwnership(db);
    applyPragmas(db, options.busyTimeoutMs ?? 5000);
    restrictToOwner(path);
    registerFunctions(db);
    const migration = migrate(db, {
      path: options.noUpgradeCopy ? ':memory:' : path,
      backupDir: options.backupDir,
      migrations,
    });
    // Keeps the planner's statistics fresh (cheap: bounded sampling), so filters pick the right index at any size.
    db.pragma('analysis_limit = 1000');
    db.pragma('optimize = 0x10002');
    return { db, migration, damage: null };
  } catch (err) {
    db.close();
    throw mapSqliteError(err) ?? err;
  }
}

/**
 * The records file and its -wal and -shm: readable and writable by the clinic's account only (0600), on every open.
 * The main file first: SQLite creates the -wal and -shm with the main file's permissions, so later ones follow it.
 */
function restrictToOwner(file: string): void {
  if (file === ':memory:' || file === '' || process.platform === 'win32') return;
  for (const f of [file, `${file}-wal`, `${file}-shm`]) {
    try {
      fs.chmodSync(f, 0o600);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
  }
}

/** A zero-length or foreign file is a valid empty SQLite database too: trust it only if it carries our id or is empty. */
function checkOwnership(db: Db): void {
  const appId = db.pragma('application_id', { simple: true }) as number;
  if (appId === APPLICATION_ID) return;
  const objects = db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%'").get() as {
    n: number;
  };
  const userVersion = db.pragma('user_version', { simple: true }) as number;
  if (appId !== 0 || objects.n > 0 || userVersion !== 0) {
    throw new DomainError(
      'DB_FOREIGN',
      'This file is not a StrokeDesk records file. Choose the clinic’s data folder, or an empty one to start afresh.',
      { applicationId: appId },
    );
  }
}

function applyPragmas(db: Db, busyTimeoutMs: number): void {
  if (db.name !== ':memory:' && db.name !== '') {
    const mode = db.pragma('journal_mode = WAL', { simple: true });
    if (mode !== 'wal')
      throw new DomainError('DB_READONLY', `The records file could not switch to WAL mode (got ${String(mode)}).`);
    deferCheckpoints(db);
  }
  db.pragma('foreign_keys = ON');
  // 64 MiB of page cache (SQLite's default is 2 MiB): a clinic of 300,000 inquiries keeps its indexes warm, and a large
  // import or seed does not spill pages into the WAL mid-transaction, which makes every later read search the WAL.
  db.pragma('cache_size = -65536');
  db.pragma(`busy_timeout = ${Math.max(0, Math.floor(busyTimeoutMs))}`);
  // better-sqlite3's build reports NORMAL on later opens of a WAL file: set FULL every time, and check it took.
  db.pragma('synchronous = FULL');
  const sync = db.pragma('synchronous', { simple: true });
  if (sync !== 2) throw new DomainError('INTERNAL', `synchronous=FULL did not take (got ${String(sync)}).`);
  if (db.pragma('foreign_keys', { simple: true }) !== 1)
    throw new DomainError('INTERNAL', 'foreign_keys did not take.');
}
