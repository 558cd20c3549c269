// Starting on a data folder (shared by the shell and the host): the folder is created private, the demo offered only once.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { bootstrap } from '../../db/app/bootstrap';
import { openDatabase } from '../../db/sqlite/open';
import { silentLogger } from '../../db/services/core';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});
const temp = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'strokedesk-bootstrap-'));
  dirs.push(d);
  return d;
};
const count = (db: Database.Database, table: string) =>
  (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('bootstrap', () => {
  it('creates a missing data folder for this user only, with the records file and attachments beside it', async () => {
    const dataDir = path.join(temp(), 'nested', 'StrokeDesk');
    const said: string[] = [];
    const started = await bootstrap({ dataDir, log: silentLogger, say: (l) => said.push(l) });
    try {
      expect(started.dataDir).toBe(dataDir);
      expect(started.dbFile).toBe(path.join(dataDir, 'strokedesk.sqlite'));
      expect(fs.existsSync(started.dbFile)).toBe(true);
      if (process.platform !== 'win32') expect(fs.statSync(dataDir).mode & 0o077).toBe(0);
      expect(started.core.attachmentsDir).toBe(path.join(dataDir, 'attachments'));
      expect(started.seeded).toBeNull();
      expect(count(started.core.db, 'accounts')).toBe(0);
      expect(said).toEqual([]);
    } finally {
      started.core.db.close();
    }
  });

  it('offers the demo clinic while nobody has an account, and never again once there are accounts', async () => {
    const dataDir = temp();
    const said: string[] = [];
    const first = await bootstrap({ dataDir, offerDemo: true, log: silentLogger, say: (l) => said.push(l) });
    const inquiries = count(first.core.db, 'inquiries');
    first.core.db.close();
    expect(first.seeded?.accounts.some((a) => a.role === 'admin')).toBe(true);
    expect(inquiries).toBeGreaterThan(0);
    expect(said).toContain('Demo accounts (synthetic clinic, no real people):');
    expect(said.some((l) => /^\s+admin\s+admin\s+\S+$/.test(l))).toBe(true);

    const again: string[] = [];
    const second = await bootstrap({ dataDir, offerDemo: true, log: silentLogger, say: (l) => again.push(l) });
    try {
      expect(second.seeded).toBeNull();
      expect(count(second.core.db, 'inquiries')).toBe(inquiries);
      expect(again).toEqual([]);
    } finally {
      second.core.db.close();
    }
    // The demo hashes its passwords at production cost: seconds on an idle machine, far more on a shared one.
  }, 180_000);

  it('uses a given records file as is, with its folder as the data folder', async () => {
    const dir = temp();
    const dbFile = path.join(dir, 'clinic.sqlite');
    const started = await bootstrap({ dbFile, log: silentLogger });
    try {
      expect(started.dataDir).toBe(dir);
      expect(started.dbFile).toBe(dbFile);
      expect(started.core.attachmentsDir).toBe(path.join(dir, 'attachments'));
      expect(fs.existsSync(path.join(dir, 'strokedesk.sqlite'))).toBe(false);
    } finally {
      started.core.db.close();
    }
  });

  it('starts a file from a newer StrokeDesk in recovery mode (no demo) and leaves it untouched', async () => {
    const dataDir = temp();
    const dbFile = path.join(dataDir, 'strokedesk.sqlite');
    openDatabase(dbFile).db.close();
    const raw = new Database(dbFile);
    raw.pragma('user_version = 9990');
    raw.close();
    const before = fs.readFileSync(dbFile);
    const started = await bootstrap({ dataDir, offerDemo: true, log: silentLogger });
    started.core.db.close();
    expect(started.recovery?.kind).toBe('too_new');
    expect(started.recovery?.problem).toMatch(/newer/i);
    expect(started.seeded).toBeNull();
    expect(fs.readFileSync(dbFile).equals(before)).toBe(true);
  });
});
