// Opening and migrating records files on disk: pragmas, ownership, one-transaction upgrades, copies before upgrading, refusals.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { APPLICATION_ID, type Migration, migrate } from '../../db/sqlite/migrate';
import { migrations } from '../../db/sqlite/migrations';
import { openDatabase } from '../../db/sqlite/open';
import { DomainError } from '../../db/services/errors';

const dirs: string[] = [];
function tempFile(name = 'strokedesk.sqlite'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'strokedesk-core-'));
  dirs.push(dir);
  return path.join(dir, name);
}
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

const codeOf = (fn: () => unknown): string | null => {
  try {
    fn();
    return null;
  } catch (err) {
    return err instanceof DomainError ? err.code : `not a DomainError: ${String(err)}`;
  }
};

const latest = migrations.at(-1)?.version ?? 0;

describe('openDatabase', () => {
  it('sets WAL, synchronous=FULL and foreign keys on the first open and on every later open', () => {
    const file = tempFile();
    for (let i = 0; i < 2; i++) {
      const { db } = openDatabase(file);
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('synchronous', { simple: true })).toBe(2);
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
      expect(db.pragma('user_version', { simple: true })).toBe(latest);
      db.close();
    }
  });

  it('refuses a zero-length file and leaves it as it is (never a new, empty clinic)', () => {
    const file = tempFile();
    fs.writeFileSync(file, '');
    expect(codeOf(() => openDatabase(file))).toBe('DB_EMPTY_FILE');
    expect(fs.statSync(file).size).toBe(0);
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
  });

  it('refuses a SQLite file that is not ours and leaves it untouched', () => {
    const file = tempFile('other.sqlite');
    const other = new Database(file);
    other.exec('CREATE TABLE notes (body TEXT)');
    other.close();
    const before = fs.readFileSync(file);
    expect(codeOf(() => openDatabase(file))).toBe('DB_FOREIGN');
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('refuses a file that is not a database at all', () => {
    const file = tempFile('garbage.sqlite');
    fs.writeFileSync(file, Buffer.alloc(8192, 0x5a));
    expect(codeOf(() => openDatabase(file))).toBe('DB_CORRUPT');
  });

  it('refuses records written by a newer app, naming both versions', () => {
    const file = tempFile();
    openDatabase(file).db.close();
    const raw = new Database(file);
    raw.pragma(`user_version = ${latest + 10}`);
    raw.close();
    try {
      openDatabase(file);
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(DomainError);
      expect((err as DomainError).code).toBe('DB_TOO_NEW');
      expect((err as DomainError).message).toContain(String(latest + 10));
      expect((err as DomainError).message).toContain(String(latest));
    }
  });
});

describe('migrate', () => {
  const step = (version: number, sql: string): Migration => ({
    version,
    name: `${version}-test`,
    up: (db) => db.exec(sql),
  });

  it('0010 creates the tables, indexes and triggers the app needs', () => {
    const db = new Database(':memory:');
    migrate(db, { path: ':memory:', migrations: migrations.filter((m) => m.version <= 10) });
    const names = (
      db.prepare("SELECT name FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%'").all() as { name: string }[]
    ).map((r) => r.name);
    for (const name of [
      'settings',
      'accounts',
      'audit_log',
      'inquiries',
      'inquiry_activities',
      'inquiry_status_changes',
      'audit_log_no_update',
      'audit_log_no_delete',
      'inquiries_open_follow_up',
      'inquiries_awaiting_first_contact',
    ]) {
      expect(names).toContain(name);
    }
    expect(db.pragma('user_version', { simple: true })).toBe(10);
  });

  it('0020 adds patients, search indexes filled from the inquiries already there, attachments and imports, after a copy', () => {
    const file = tempFile();
    const first = new Database(file);
    migrate(first, { path: file, migrations: migrations.filter((m) => m.version <= 10) });
    first
      .prepare(
        `INSERT INTO inquiries (received_at, channel, contact_name, contact_relation, contact_email, contact_phone_digits, patient_name, patient_sex, diagnosis,
           consent_contact, consent_data_processing, created_at, updated_at)
         VALUES ('2026-11-01T00:00:00.000Z', 'phone', 'Lena Kovacs', 'child', 'lena@example.hu', '36301234567', 'Istvan Kovacs', 'male', 'ischemic', 1, 1,
           '2026-11-01T00:00:00.000Z', '2026-11-01T00:00:00.000Z')`,
      )
      .run();
    const result = migrate(first, { path: file, migrations });
    expect(result).toMatchObject({
      from: 10,
      to: latest,
      applied: migrations.filter((m) => m.version > 10).map((m) => m.name),
    });
    expect(result.backupPath && fs.existsSync(result.backupPath)).toBe(true);
    const names = (
      first.prepare("SELECT name FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%'").all() as { name: string }[]
    ).map((r) => r.name);
    for (const name of [
      'patients',
      'patient_identifiers',
      'patients_fts',
      'inquiries_fts',
      'files',
      'attachments',
      'import_batches',
      'import_rows',
      'import_refs',
      'counters',
    ]) {
      expect(names).toContain(name);
    }
    expect(first.prepare('SELECT rowid FROM inquiries_fts WHERE inquiries_fts MATCH \'"1234567"\'').all()).toEqual([
      { rowid: 1 },
    ]);
    expect(first.prepare('SELECT rowid FROM inquiries_fts WHERE inquiries_fts MATCH \'"kovac"\'').all()).toEqual([
      { rowid: 1 },
    ]);
    first.close();
  });

  it('0030 gives every account a language, unchosen (NULL) for the accounts already there, and only known ones', () => {
    const file = tempFile();
    const db = new Database(file);
    migrate(db, { path: file, migrations: migrations.filter((m) => m.version <= 20) });
    db.prepare(
      `INSERT INTO accounts (username, display_name, role, password_hash, created_at)
       VALUES ('ada', 'Ada', 'admin', 'x', '2026-11-01T00:00:00.000Z')`,
    ).run();
    const upTo30 = migrations.filter((m) => m.version <= 30);
    expect(migrate(db, { path: file, migrations: upTo30 })).toMatchObject({ from: 20, applied: ['0030-reception'] });
    expect(db.prepare('SELECT language FROM accounts').all()).toEqual([{ language: null }]);
    db.prepare("UPDATE accounts SET language = 'zh-CN'").run();
    expect(() => db.prepare("UPDATE accounts SET language = 'zh'").run()).toThrow(/CHECK/);
    db.close();
  });

  it('runs all pending steps in one transaction: a failing step leaves nothing behind', () => {
    const db = new Database(':memory:');
    const failing = [
      step(10, 'CREATE TABLE a (x INTEGER)'),
      step(20, 'CREATE TABLE b (x INTEGER); SELECT * FROM missing_table'),
    ];
    expect(() => migrate(db, { path: ':memory:', migrations: failing })).toThrow();
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name IN ('a', 'b')").get()).toEqual({ n: 0 });
  });

  it('copies the file before upgrading it, verified and under its final name', () => {
    const file = tempFile();
    const first = new Database(file);
    migrate(first, { path: file, migrations: [step(10, 'CREATE TABLE a (x INTEGER); INSERT INTO a VALUES (42)')] });
    first.close();
    const db = new Database(file);
    const result = migrate(db, { path: file, migrations: [step(10, ''), step(20, 'CREATE TABLE b (x INTEGER)')] });
    db.close();
    expect(result).toMatchObject({ from: 10, to: 20, applied: ['20-test'] });
    expect(result.backupPath).not.toBeNull();
    const copy = new Database(result.backupPath ?? '', { readonly: true });
    expect(copy.pragma('user_version', { simple: true })).toBe(10);
    expect(copy.prepare('SELECT x FROM a').get()).toEqual({ x: 42 });
    copy.close();
    expect(fs.readdirSync(path.dirname(result.backupPath ?? '')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses a registry out of order', () => {
    const db = new Database(':memory:');
    expect(() => migrate(db, { path: ':memory:', migrations: [step(20, ''), step(10, '')] })).toThrow(/out of order/);
  });
});
