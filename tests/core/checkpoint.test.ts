// WAL checkpoints happen between calls, not inside a save: the save appends to the WAL only, and the records file
// itself holds the change once the WAL is worth copying back or the app has been quiet, and at close.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import {
  CHECKPOINT_DELAY_MS,
  CHECKPOINT_PAGES,
  INLINE_CHECKPOINT_PAGES,
  checkpointSoon,
  closeRecords,
  walPagesPending,
} from '../../db/sqlite/checkpoint';
import type { Core } from '../../db/services/core';
import { makeCore, staff } from './support';

let dir = '';
let core: Core | null = null;
afterEach(() => {
  core?.db.close();
  core = null;
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

/** The accounts the records file alone holds, without its WAL: a copy of just the main file, opened on its own. */
function accountsInMainFile(file: string): number {
  const copy = path.join(dir, 'main-only.sqlite');
  fs.copyFileSync(file, copy);
  const db = new Database(copy, { readonly: true });
  try {
    return (db.prepare('SELECT count(*) AS n FROM accounts').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
const newAccount = (n: number) => ({
  username: `second.doctor${n}`,
  displayName: 'Second Doctor',
  role: 'doctor',
  password: 'test-password-2',
});

describe('WAL checkpoints', () => {
  it('keeps the copy-back out of the save: a small WAL waits for a quiet moment, a large one goes after the burst', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'strokedesk-ckpt-'));
    const file = path.join(dir, 'records.sqlite');
    core = makeCore({ path: file });
    expect(core.db.pragma('wal_autocheckpoint', { simple: true })).toBe(INLINE_CHECKPOINT_PAGES);
    const people = await staff(core);
    core.db.pragma('wal_checkpoint(TRUNCATE)');
    const before = accountsInMainFile(file);

    await people.admin.ok('accounts.create', newAccount(1));
    // Acknowledged, in the WAL (synced), not in the main file, and not copied back after the burst either: the WAL
    // is small, and copying it back now would make the next save restart the WAL (one more sync in that save).
    const pending = walPagesPending(core.db);
    expect(pending).toBeGreaterThan(0);
    expect(pending).toBeLessThan(CHECKPOINT_PAGES);
    await pause(CHECKPOINT_DELAY_MS * 3);
    expect(accountsInMainFile(file)).toBe(before);
    expect(walPagesPending(core.db)).toBe(pending);

    // Quiet long enough (a short quiet time here): the small WAL is copied back.
    checkpointSoon(core.db, 100);
    await pause(CHECKPOINT_DELAY_MS * 3);
    expect(accountsInMainFile(file)).toBe(before + 1);
    expect(walPagesPending(core.db)).toBe(0);

    // A WAL past CHECKPOINT_PAGES is copied back shortly after its burst, without waiting for a quiet time.
    await people.admin.ok('accounts.create', newAccount(2));
    const db = core.db;
    db.exec('CREATE TABLE bulk_pages (x BLOB)');
    const add = db.prepare('INSERT INTO bulk_pages (x) VALUES (zeroblob(3000))');
    db.transaction(() => {
      for (let i = 0; i < CHECKPOINT_PAGES; i++) add.run();
    }).immediate();
    expect(walPagesPending(db)).toBeGreaterThanOrEqual(CHECKPOINT_PAGES);
    checkpointSoon(db);
    await pause(CHECKPOINT_DELAY_MS * 3);
    expect(walPagesPending(db)).toBe(0);
    expect(accountsInMainFile(file)).toBe(before + 2);
  });

  it('empties the WAL at close, so the records file alone holds everything', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'strokedesk-ckpt-'));
    const file = path.join(dir, 'records.sqlite');
    core = makeCore({ path: file });
    const people = await staff(core);
    await people.admin.ok('accounts.create', newAccount(3));
    const reader = new Database(file, { readonly: true });
    try {
      // Another connection still open: SQLite's own close would leave the WAL behind; the TRUNCATE empties it.
      closeRecords(core.db);
      core = null;
      expect(fs.statSync(`${file}-wal`, { throwIfNoEntry: false })?.size ?? 0).toBe(0);
    } finally {
      reader.close();
    }
    expect(accountsInMainFile(file)).toBeGreaterThanOrEqual(2);
  });
});
