// The migrator: an ordered registry, the version in PRAGMA user_version, all pending steps in one transaction.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';
import { DomainError } from './domain-error';
import { registerFunctions } from './functions';

/** 'SDSK' — marks a file as ours, so a foreign SQLite file is never mistaken for an empty clinic. */
export const APPLICATION_ID = 0x5344534b;

export interface Migration {
  /** 10, 20, 30 … as in the file name `0010-name.ts`; stored in user_version once applied. */
  version: number;
  name: string;
  up(db: Db): void;
}

export interface MigrateResult {
  from: number;
  to: number;
  applied: string[];
  backupPath: string | null;
}

interface MigrateOptions {
  path: string;
  backupDir?: string | undefined;
  migrations: readonly Migration[];
}

export function migrate(db: Db, options: MigrateOptions): MigrateResult {
  const list = [...options.migrations];
  list.forEach((m, i) => {
    const prev = list[i - 1];
    if (prev && prev.version >= m.version) throw new Error(`Migrations out of order at ${m.name}`);
  });
  const latest = list.at(-1)?.version ?? 0;
  const from = db.pragma('user_version', { simple: true }) as number;
  if (from > latest) {
    throw new DomainError(
      'DB_TOO_NEW',
      `These records were written by a newer StrokeDesk (schema ${from}); this app knows schema ${latest}. Install the newer version to open them.`,
      { fileVersion: from, appVersion: latest },
    );
  }
  const pending = list.filter((m) => m.version > from);
  if (pending.length === 0) return { from, to: from, applied: [], backupPath: null };

  const isFile = options.path !== ':memory:' && options.path !== '';
  const backupPath = isFile && from > 0 ? copyBeforeUpgrade(db, options.path, options.backupDir, from) : null;

  // Triggers and views the steps create call our SQL functions; a connection that migrates must have them.
  registerFunctions(db);
  db.transaction(() => {
    db.pragma(`application_id = ${APPLICATION_ID}`);
    for (const m of pending) {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    }
  }).immediate();
  return { from, to: latest, applied: pending.map((m) => m.name), backupPath };
}

/** VACUUM INTO a temporary name, verify the copy, fsync it, then rename: a half-written copy never carries the final name. */
function copyBeforeUpgrade(db: Db, dbPath: string, backupDir: string | undefined, fromVersion: number): string {
  const dir = backupDir ?? path.join(path.dirname(dbPath), 'backups');
  fs.mkdirSync(dir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const base = `${path.basename(dbPath)}.schema-${fromVersion}.${stamp}`;
  const tmp = path.join(dir, `${base}.tmp`);
  const final = path.join(dir, `${base}.sqlite`);
  db.prepare('VACUUM INTO ?').run(tmp);
  const copy = new Database(tmp, { readonly: true });
  try {
    const check = copy.pragma('quick_check', { simple: true });
    const version = copy.pragma('user_version', { simple: true });
    if (check !== 'ok' || version !== fromVersion) {
      throw new DomainError(
        'DB_CORRUPT',
        `The copy made before upgrading failed its check (${String(check)}); nothing was changed.`,
      );
    }
  } finally {
    copy.close();
  }
  fsyncPath(tmp);
  fs.renameSync(tmp, final);
  fsyncPath(dir);
  return final;
}

export function fsyncPath(p: string): void {
  let fd: number | null = null;
  try {
    fd = fs.openSync(p, 'r');
    fs.fsyncSync(fd);
  } catch (err) {
    // Directories cannot be fsynced on every platform (Windows); the file itself must be.
    if (!fs.statSync(p).isDirectory()) throw err;
  } finally {
    if (fd !== null) fs.closeSync(fd);
  }
}
