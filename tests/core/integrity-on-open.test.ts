// Integrity on open: read-only look first, empty and foreign files refused, damage opens read-only, the corruption latch.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { bootstrap } from '../../db/app/bootstrap';
import { corruption } from '../../db/sqlite/corruption';
import { migrations } from '../../db/sqlite/migrations';
import { openDatabase } from '../../db/sqlite/open';
import { silentLogger } from '../../db/services/core';
import { codeOf, damageTable } from './backup-support';
import { caller, makeCore, staff } from './support';

const dirs: string[] = [];
const tempDir = (): string => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'strokedesk-integrity-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

const latest = migrations.at(-1)?.version ?? 0;
function recordsFile(dir: string): string {
  const file = path.join(dir, 'strokedesk.sqlite');
  openDatabase(file).db.close();
  return file;
}

describe('integrity on open', () => {
  it('creates a new file whole under a temporary name: nothing but the records file is left', () => {
    const dir = tempDir();
    recordsFile(dir);
    expect(fs.readdirSync(dir).sort()).toEqual(['strokedesk.sqlite']);
  });

  it('refuses a newer rollback-journal file without switching it to WAL or writing anything', () => {
    const file = path.join(tempDir(), 'strokedesk.sqlite');
    const raw = new Database(file);
    raw.pragma('journal_mode = DELETE');
    raw.pragma(`application_id = ${0x5344534b}`);
    raw.pragma(`user_version = ${latest + 10}`);
    raw.exec('CREATE TABLE t (x)');
    raw.close();
    const before = fs.readFileSync(file);
    expect(codeOf(() => openDatabase(file))).toBe('DB_TOO_NEW');
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
    expect(new Database(file, { readonly: true }).pragma('journal_mode', { simple: true })).toBe('delete');
  });

  it('refuses an empty SQLite file of another app, and one with no id at all', () => {
    const dir = tempDir();
    for (const [name, id] of [
      ['other.sqlite', 0x41424344],
      ['blank.sqlite', 0],
    ] as const) {
      const file = path.join(dir, name);
      const raw = new Database(file);
      raw.pragma(`application_id = ${id}`);
      raw.pragma('user_version = 1');
      raw.pragma('user_version = 0');
      raw.close();
      const before = fs.readFileSync(file);
      expect(before.length).toBeGreaterThan(0);
      expect(codeOf(() => openDatabase(file))).toBe('DB_FOREIGN');
      expect(fs.readFileSync(file).equals(before)).toBe(true);
    }
  });

  it('never replaces a zero-byte or foreign records file with the demo clinic', async () => {
    const dataDir = tempDir();
    const file = path.join(dataDir, 'strokedesk.sqlite');
    fs.writeFileSync(file, '');
    const started = await bootstrap({ dataDir, offerDemo: true, log: silentLogger });
    started.core.db.close();
    expect(started.recovery?.kind).toBe('empty_file');
    expect(started.seeded).toBeNull();
    expect(fs.statSync(file).size).toBe(0);
  });

  it('offers the demo only where there was no records file, not to an existing file without accounts', async () => {
    const dataDir = tempDir();
    recordsFile(dataDir);
    const said: string[] = [];
    const started = await bootstrap({ dataDir, offerDemo: true, log: silentLogger, say: (l) => said.push(l) });
    try {
      expect(started.seeded).toBeNull();
      expect(said.join('\n')).not.toMatch(/demo/i);
    } finally {
      started.core.db.close();
    }
  });

  it('opens a damaged file read-only, says what is wrong, and refuses every write', async () => {
    const dataDir = tempDir();
    const file = recordsFile(dataDir);
    damageTable(file, 'patients');
    const before = fs.readFileSync(file);
    const said: string[] = [];
    const started = await bootstrap({ dataDir, log: silentLogger, say: (l) => said.push(l) });
    try {
      expect(started.damage).toMatch(/page|tree|malformed/i);
      expect(said.join('\n')).toMatch(/damaged/);
      expect(started.core.db.readonly).toBe(true);
      expect(corruption(started.core.db)).not.toBeNull();
      const r = await caller(started.core).call('auth.setupAdmin', {
        username: 'admin',
        displayName: 'Ada Admin',
        password: 'a long enough password 1',
      });
      expect(r.ok ? 'ok' : r.error.code).toBe('DB_CORRUPT');
    } finally {
      started.core.db.close();
    }
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('refuses a file that is not a database at all as damaged, untouched', () => {
    const file = path.join(tempDir(), 'strokedesk.sqlite');
    fs.writeFileSync(file, Buffer.alloc(8192, 0x5a));
    expect(codeOf(() => openDatabase(file))).toBe('DB_CORRUPT');
    expect(fs.readFileSync(file).equals(Buffer.alloc(8192, 0x5a))).toBe(true);
  });
});

describe('the corruption latch', () => {
  it('after one SQLITE_CORRUPT answer, no later write commits, even to sound tables', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'strokedesk.sqlite');
    {
      const core = makeCore({ path: file });
      await staff(core);
      core.db.close();
    }
    const core = makeCore({ path: file });
    const admin = caller(core);
    await admin.ok('auth.signIn', { username: 'admin', password: 'test-password-1' });
    const coordinator = caller(core);
    await coordinator.ok('auth.signIn', { username: 'coord', password: 'test-password-1' });
    // Damage arrives while the app runs: a page it has not read yet goes bad on disk.
    damageTable(file, 'patients');
    const hurt = await coordinator.call('patients.list', {});
    expect(hurt.ok ? 'ok' : hurt.error.code).toBe('DB_CORRUPT');
    expect(corruption(core.db)).toMatch(/SQLITE_CORRUPT/);
    const accountsBefore = (core.db.prepare('SELECT count(*) AS n FROM accounts').get() as { n: number }).n;
    const write = await admin.call('accounts.create', {
      username: 'later',
      displayName: 'Written Later',
      role: 'doctor',
      password: 'test-password-1',
    });
    expect(write.ok ? 'ok' : write.error.code).toBe('DB_CORRUPT');
    core.db.close();
    const check = new Database(file, { readonly: true });
    expect((check.prepare('SELECT count(*) AS n FROM accounts').get() as { n: number }).n).toBe(accountsBefore);
    check.close();
  });
});
