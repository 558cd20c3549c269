// WAL checkpoints happen between calls, not inside a save: the save appends to the WAL only, and the records file
// itself holds the change a moment later.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { CHECKPOINT_DELAY_MS, INLINE_CHECKPOINT_PAGES } from '../../db/sqlite/checkpoint';
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

describe('WAL checkpoints', () => {
  it('keeps the copy-back out of the save and runs it a moment later', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'strokedesk-ckpt-'));
    const file = path.join(dir, 'records.sqlite');
    core = makeCore({ path: file });
    expect(core.db.pragma('wal_autocheckpoint', { simple: true })).toBe(INLINE_CHECKPOINT_PAGES);
    const people = await staff(core);
    await new Promise((r) => setTimeout(r, CHECKPOINT_DELAY_MS * 3));
    const before = accountsInMainFile(file);

    await people.admin.ok('accounts.create', {
      username: 'second.doctor',
      displayName: 'Second Doctor',
      role: 'doctor',
      password: 'test-password-2',
    });
    // Acknowledged, in the WAL (synced), not yet in the main file: the save did not pay for the checkpoint.
    expect(accountsInMainFile(file)).toBe(before);
    await new Promise((r) => setTimeout(r, CHECKPOINT_DELAY_MS * 3));
    expect(accountsInMainFile(file)).toBe(before + 1);
  });
});
