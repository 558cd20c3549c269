// The worker pool: started once, reused by every job, never keeping the process alive while idle, refilled after a
// cancel, and still answering after it is closed.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyChain, verifyChainInWorkers } from '../../db/services/audit-chain';
import { closeWorkers, prepareWorkers, runInWorker, warmWorkers, workersStarted } from '../../db/services/worker-jobs';
import { auditContent, chainHash, GENESIS_HASH } from '../../db/sqlite/audit-hash';
import { readable } from '../../db/sqlite/handles';
import { openDatabase } from '../../db/sqlite/open';
import { bundleChild } from '../host/crash-loop';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sd-worker-pool-'));
const file = path.join(dir, 'records.sqlite');
const ENTRIES = 500;

beforeAll(() => {
  const { db } = openDatabase(file);
  db.pragma('foreign_keys = OFF'); // made-up actors need no accounts
  const insert = db.prepare(
    `INSERT INTO audit_log (id, at, actor_id, action, entity, entity_id, before_json, after_json, hash)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  let previous = GENESIS_HASH;
  db.transaction(() => {
    for (let id = 1; id <= ENTRIES; id += 1) {
      const row = {
        id,
        at: '2026-11-20T10:00:00.000Z',
        actor_id: id % 3 ? id : null,
        action: 'patients.get',
        entity: 'patient',
        entity_id: id,
        before_json: null,
        after_json: id % 2 ? null : `{"n":${id}}`,
      };
      previous = chainHash(previous, auditContent(row));
      insert.run(...Object.values(row), previous);
    }
  })();
  db.close();
  prepareWorkers(); // a source run bundles the worker's entry on first use; the desktop app ships it built
});
afterAll(async () => {
  await closeWorkers();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('worker pool', () => {
  // A child process (~1 s): the only way to see that a process with idle workers ends by itself.
  it('does not keep a process alive once its jobs are done', async () => {
    const child = await bundleChild(path.join(root, 'tests', 'core', 'worker-pool-child.ts'), dir);
    const entry = await bundleChild(path.join(root, 'db', 'services', 'worker-entry.ts'), dir);
    const proc = spawn(process.execPath, [child, file, entry]);
    let out = '';
    proc.stdout.on('data', (d: Buffer) => (out += d.toString()));
    const ended = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
    const hung = new Promise<'hung'>((resolve) => setTimeout(() => resolve('hung'), 20_000).unref());
    const outcome = await Promise.race([ended, hung]);
    if (outcome === 'hung') proc.kill('SIGKILL');
    expect({ outcome, out: out.trim() }).toEqual({ outcome: 0, out: String(ENTRIES) });
  });

  it('starts its workers once: verifications and a failed job reuse them', async () => {
    await warmWorkers(2);
    const started = workersStarted();
    const { db } = openDatabase(file);
    for (let i = 0; i < 3; i += 1) {
      const check = await verifyChainInWorkers(readable(db), null, 2);
      expect(check).toMatchObject({ ok: true, checkedEntries: ENTRIES, last: { id: ENTRIES } });
    }
    db.close();
    // A task that fails inside its worker answers with the failure; the worker goes back to the pool.
    const missing = { file: path.join(dir, 'none.sqlite'), afterId: 0, previousHash: '', throughId: 9 };
    await expect(runInWorker('audit.verifyRange', missing)).rejects.toThrow();
    expect(workersStarted()).toBe(started);
  });

  it('replaces a worker stopped by a cancel, and the next job runs on the pool', async () => {
    await warmWorkers(2);
    const started = workersStarted();
    const input = { file, afterId: 0, previousHash: GENESIS_HASH, throughId: ENTRIES };
    const cancel = new AbortController();
    cancel.abort();
    await expect(runInWorker('audit.verifyRange', input, undefined, cancel.signal)).rejects.toMatchObject({
      code: 'ABORTED',
    });
    expect(workersStarted()).toBe(started + 1);
    const { db } = openDatabase(file);
    const one = verifyChain(readable(db));
    db.close();
    await expect(runInWorker('audit.verifyRange', input)).resolves.toEqual(one);
    expect(workersStarted()).toBe(started + 1);
  });

  it('after closing, a job starts a worker of its own and still answers', async () => {
    await warmWorkers(2);
    await closeWorkers();
    const started = workersStarted();
    const input = { file, afterId: 0, previousHash: GENESIS_HASH, throughId: ENTRIES };
    await expect(runInWorker('audit.verifyRange', input)).resolves.toMatchObject({ ok: true, checkedEntries: ENTRIES });
    expect(workersStarted()).toBe(started + 1);
  });
});
