// kill -9 during a restore: whatever moment the child dies at, the folder reopens with the old records or the restored
// ones, whole (never a mix, never a damaged file, never a false alarm from the audit chain).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../db/api/dispatch';
import { bootstrap } from '../../db/app/bootstrap';
import { backUp } from '../../db/services/backups';
import { type Core, silentLogger } from '../../db/services/core';
import { patientInput } from '../core/support';
import { bundleChild } from './crash-loop';

const root = fileURLToPath(new URL('../..', import.meta.url));
const PASSWORD = 'restore-kill-password-1';
const ITERATIONS = 12;

let temp = '';
let child = '';
let workerEntry = '';
let template = '';
let backupId = '';
/** Each table's rows in the backup (what a finished restore brings) and in the live records before the restore. */
let restored: Record<string, string[]> = {};
let before: Record<string, string[]> = {};

/** The tables a restore must switch all together; the audit log and accounts grow by the restore's own entries. */
const COMPARED = ['patients', 'files', 'ballast'] as const;
const contents = (core: Core): Record<string, string[]> =>
  Object.fromEntries(
    COMPARED.map((t) => [
      t,
      (core.db.prepare(`SELECT * FROM "${t}" ORDER BY rowid`).raw().all() as unknown[]).map((r) => JSON.stringify(r)),
    ]),
  );

async function open(dataDir: string) {
  return bootstrap({ dataDir, log: silentLogger, checkOutputs: false, passwordLog2N: 10 });
}

beforeAll(async () => {
  temp = fs.mkdtempSync(path.join(os.tmpdir(), 'strokedesk-restore-kill-'));
  child = await bundleChild(path.join(root, 'tests', 'host', 'restore-child.ts'), temp);
  workerEntry = await bundleChild(path.join(root, 'db', 'services', 'worker-entry.ts'), temp);
  template = path.join(temp, 'template');
  const { core } = await open(template);
  const session = { token: null as string | null };
  const call = async (method: string, input: unknown) => {
    const r = await dispatch(core, session, method, input);
    if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
    return r.value;
  };
  await call('auth.setupAdmin', { username: 'admin', displayName: 'Kill Admin', password: PASSWORD });
  await call('accounts.create', {
    username: 'coord',
    displayName: 'Kill Coord',
    role: 'coordinator',
    password: PASSWORD,
  });
  await call('auth.signIn', { username: 'coord', password: PASSWORD });
  const add = async (tag: string) =>
    call('patients.create', patientInput({ familyName: `Old${tag}`, givenName: 'Kept', nativeName: null }));
  for (const tag of ['aa', 'ab', 'ac']) await add(tag);
  // Ballast, so the restore's copies, checks and renames take long enough for the kills to land inside them.
  core.db.exec('CREATE TABLE ballast (b BLOB)');
  const put = core.db.prepare('INSERT INTO ballast VALUES (randomblob(4000))');
  core.db.transaction(() => {
    for (let i = 0; i < 300; i++) put.run();
  })();
  const backup = await backUp(core, null, 'manual');
  expect(backup.status).toBe('ok');
  backupId = backup.id;
  restored = contents(core);
  // The records move on after the backup: new patients, ballast changed, so the two states differ in every table.
  for (const tag of ['ba', 'bb']) await add(tag);
  core.db.exec('DELETE FROM ballast WHERE rowid % 3 = 0');
  before = contents(core);
  core.db.close();
  expect(before).not.toEqual(restored);
}, 60_000);

afterAll(() => {
  if (temp) fs.rmSync(temp, { recursive: true, force: true });
});

/** Runs the child on `dataDir`; kills it `killAtMs` after "ready" (never, when null). Resolves with what it said. */
function restoreUntilKilled(dataDir: string, killAtMs: number | null): Promise<{ done: boolean; ms: number }> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [child, dataDir, backupId, workerEntry], { cwd: root });
    let out = '';
    let err = '';
    let readyAt = 0;
    let timer: NodeJS.Timeout | undefined;
    proc.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (readyAt === 0 && out.includes('ready\n')) {
        readyAt = performance.now();
        if (killAtMs !== null) timer = setTimeout(() => proc.kill('SIGKILL'), killAtMs);
      }
    });
    proc.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    proc.on('exit', (code, signal) => {
      clearTimeout(timer);
      const done = out.includes('done\n');
      if (signal === 'SIGKILL' || code === 0) resolve({ done, ms: performance.now() - readyAt });
      else reject(new Error(`the restore child failed (${String(code)}): ${err.slice(0, 2000)}`));
    });
  });
}

/** The folder as the app opens it: sound, a sound audit chain, and the old or the restored records in every table. */
async function reopen(dataDir: string): Promise<'before' | 'restored'> {
  const { core, damage } = await open(dataDir).catch((err: unknown) => {
    // What was left in the folder, to tell which step the kill interrupted.
    const files = fs.readdirSync(dataDir).map((f) => `${f}:${fs.statSync(path.join(dataDir, f)).size}`);
    const details = JSON.stringify((err as { details?: unknown }).details ?? null);
    throw new Error(`reopen failed: ${String(err)} ${details} ${files.join(' ')}`);
  });
  try {
    expect(damage).toBeNull();
    expect(core.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(core.auditChain.status.state).toBe('ok');
    const now = contents(core);
    if (JSON.stringify(now) === JSON.stringify(before)) return 'before';
    expect(now).toEqual(restored);
    return 'restored';
  } finally {
    core.db.close();
  }
}

describe('kill -9 during a restore', () => {
  it(`leaves the old records or the restored ones, whole, at ${ITERATIONS} kill points`, async () => {
    // One restore to its end: how long it takes, so the kills spread over all of it.
    const whole = path.join(temp, 'whole');
    fs.cpSync(template, whole, { recursive: true });
    const full = await restoreUntilKilled(whole, null);
    expect(full.done).toBe(true);
    expect(await reopen(whole)).toBe('restored');

    const seen: string[] = [];
    for (let i = 0; i < ITERATIONS; i++) {
      const dataDir = path.join(temp, `kill-${i}`);
      fs.cpSync(template, dataDir, { recursive: true });
      // Evenly over the restore's length and a little past it, each moved by a random part of one step.
      const step = (full.ms * 1.1) / ITERATIONS;
      const killAt = i * step + Math.random() * step;
      const run = await restoreUntilKilled(dataDir, killAt);
      const state = await reopen(dataDir);
      if (run.done) expect(state).toBe('restored');
      seen.push(`${Math.round(killAt)} ms: ${state}`);
      // A restore after the kill (what the admin does next) still works and brings the backup back.
      if (i % 4 === 3) {
        expect((await restoreUntilKilled(dataDir, null)).done).toBe(true);
        expect(await reopen(dataDir)).toBe('restored');
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
    console.log(`restore kill: whole restore ${Math.round(full.ms)} ms; ${seen.join(', ')}`);
    // Not all kills after the end nor all before the swap: both outcomes were reached.
    expect(seen.some((s) => s.endsWith('before'))).toBe(true);
  }, 120_000);
});
