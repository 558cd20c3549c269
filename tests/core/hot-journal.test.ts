// A records file left with a hot rollback journal (a process killed mid-write outside WAL, as a restore's reopen can
// be) is looked at, rolled back to its last commit, instead of being refused as "read-only or no permission".
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { inspectFile } from '../../db/sqlite/open';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sd-hot-journal-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

it('rolls a hot journal back and reads the file as it was at its last commit', () => {
  const live = path.join(dir, 'live.sqlite');
  const db = new Database(live);
  db.pragma('journal_mode = DELETE');
  db.pragma('application_id = 1234');
  db.pragma('user_version = 7');
  db.exec('CREATE TABLE t (x TEXT)');
  const insert = db.prepare('INSERT INTO t VALUES (?)');
  db.transaction(() => {
    for (let i = 0; i < 2000; i++) insert.run('committed'.repeat(20));
  })();
  // A write in flight: a cache too small to hold it spills changed pages into the file, their originals journaled.
  db.pragma('cache_size = 2');
  db.exec('BEGIN');
  db.exec("UPDATE t SET x = 'in flight'; PRAGMA user_version = 8");
  expect(fs.existsSync(`${live}-journal`)).toBe(true);
  // The files as a killed process leaves them: the journal hot (nobody holds the lock on the copies).
  const left = path.join(dir, 'left.sqlite');
  fs.copyFileSync(live, left);
  fs.copyFileSync(`${live}-journal`, `${left}-journal`);
  db.exec('ROLLBACK');
  db.close();
  expect(() => new Database(left, { readonly: true }).pragma('user_version')).toThrow(/readonly|read-only|rollback/i);

  expect(inspectFile(left, 'integrity_check')).toEqual({ applicationId: 1234, schemaVersion: 7, check: ['ok'] });
  const after = new Database(left, { readonly: true });
  expect(after.prepare("SELECT count(*) AS n FROM t WHERE x = 'in flight'").get()).toEqual({ n: 0 });
  after.close();
  expect(fs.existsSync(`${left}-journal`)).toBe(false);
});
