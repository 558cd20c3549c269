// Opens a StrokeDesk database file: checks it is ours, sets the pragmas we rely on, and migrates it.
import fs from 'node:fs';
import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';
import { DomainError } from './domain-error';
import { mapSqliteError } from './errors';
import { registerFunctions } from './functions';
import { APPLICATION_ID, migrate, type MigrateResult } from './migrate';
import { migrations } from './migrations';

export interface OpenOptions {
  /** Path to better-sqlite3's native module built for the running ABI (Electron's, when packaged). */
  nativeBinding?: string;
  /** Where copies made before an upgrade go; defaults to a `backups` folder beside the file. */
  backupDir?: string;
  busyTimeoutMs?: number;
}

export interface OpenedDatabase {
  db: Db;
  migration: MigrateResult;
}

/** Opens (creating if needed) and migrates. `:memory:` is allowed for tests. */
export function openDatabase(path: string, options: OpenOptions = {}): OpenedDatabase {
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
    const migration = migrate(db, { path, backupDir: options.backupDir, migrations });
    // Keeps the planner's statistics fresh (cheap: bounded sampling), so filters pick the right index at any size.
    db.pragma('analysis_limit = 1000');
    db.pragma('optimize = 0x10002');
    return { db, migration };
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
