// The host's command line as a person runs it: it prints one address that works, stops cleanly, and starts files it
// must not use in recovery mode instead of opening them.
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { registerFunctions } from '../../db/sqlite/functions';
import { openDatabase } from '../../db/sqlite/open';
import { CookieClient, portOf, rawRequest } from './http-client';

const root = fileURLToPath(new URL('../..', import.meta.url));
const ADDRESS_LINE = /^StrokeDesk is running at (http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]+)$/m;

const dirs: string[] = [];
const children: ChildProcessWithoutNullStreams[] = [];
afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function tempDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'strokedesk-cli-'));
  dirs.push(d);
  return d;
}

function withoutDataDirEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.STROKEDESK_DATA_DIR;
  return env;
}

function cli(args: string[]): {
  child: ChildProcessWithoutNullStreams;
  out: () => string;
  err: () => string;
  exited: Promise<number | null>;
} {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'db', 'host', 'cli.ts'), ...args], {
    cwd: root,
    env: withoutDataDirEnv(),
  });
  children.push(child);
  let out = '';
  let err = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr.on('data', (c: Buffer) => (err += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, out: () => out, err: () => err, exited };
}

async function waitFor<T>(probe: () => T | null, what: string, ms = 45_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = probe();
    if (v !== null) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('db/host/cli.ts', () => {
  it('on a second Ctrl+C during shutdown says it is still shutting down, answers the call under way, and exits 0', async () => {
    const dbPath = path.join(tempDir(), 'clinic.sqlite');
    const run = cli(['--db', dbPath, '--port', '0', '--no-open']);
    const openUrl = await waitFor(() => ADDRESS_LINE.exec(run.out())?.[1] ?? null, `the address line (${run.err()})`);
    const client = new CookieClient(portOf(openUrl));
    await client.open(new URL(openUrl).searchParams.get('token') ?? '');
    // A sign-in hashes twice at full cost (the decoy, then the check): a call still under way when Ctrl+C comes.
    const underWay = client.call('auth.signIn', { username: 'nobody', password: 'not a password' });
    // Long enough for the host to have read the call (a connection with no call read yet is cut at once), well
    // short of the two hashes.
    await new Promise((r) => setTimeout(r, 300));
    run.child.kill('SIGINT');
    await waitFor(() => (/Stopping StrokeDesk/.test(run.out()) ? true : null), 'the stopping line');
    run.child.kill('SIGINT');
    const answer = await underWay;
    expect(JSON.parse(answer.body)).toMatchObject({ ok: false, error: { code: 'BAD_CREDENTIALS' } });
    expect(await run.exited).toBe(0);
    expect(run.out()).toMatch(/StrokeDesk is still shutting down…/);
    const db = new Database(dbPath, { readonly: true });
    // The start-of-name search indexes are built on StrokeDesk's own fold function: a check needs it registered.
    registerFunctions(db);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'auth.signInFailed'").get()).toEqual({
      n: 1,
    });
    db.close();
  });

  it('offers the demo clinic on an empty database, prints one address line that works, and stops on SIGTERM', async () => {
    const dbPath = path.join(tempDir(), 'clinic.sqlite');
    const run = cli(['--db', dbPath, '--port', '0', '--no-open', '--offer-demo']);
    const openUrl = await waitFor(
      () => ADDRESS_LINE.exec(run.out())?.[1] ?? null,
      `the address line (stdout: ${run.out()} stderr: ${run.err()})`,
    );
    expect(run.out().match(new RegExp(ADDRESS_LINE.source, 'gm'))).toHaveLength(1);
    // The demo accounts are printed as a small table so a person can sign in.
    expect(run.out()).toMatch(/Demo accounts/);
    expect(run.out()).toMatch(/^\s+admin\s+admin\s+\S+$/m);

    const url = new URL(openUrl);
    const client = new CookieClient(portOf(openUrl));
    const opened = await client.open(url.searchParams.get('token') ?? '');
    expect(opened.status).toBe(302);
    const status = await client.call('auth.status', {});
    expect(JSON.parse(status.body)).toMatchObject({ ok: true, value: { needsSetup: false, user: null } });
    const page = await rawRequest(portOf(openUrl), { path: '/' });
    expect(page.headers['content-security-policy']).toContain("default-src 'none'");

    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
    // Closed cleanly: the WAL was checkpointed away and the file opens again with the demo data in it.
    expect(fs.existsSync(`${dbPath}-wal`)).toBe(false);
    const db = new Database(dbPath, { readonly: true });
    expect((db.prepare('SELECT count(*) AS n FROM inquiries').get() as { n: number }).n).toBeGreaterThan(0);
    db.close();
    // Seeding the demo hashes its passwords at production cost: seconds when idle, far more on a shared CI machine.
  }, 120_000);

  it('does not seed a database that already has accounts', async () => {
    const dbPath = path.join(tempDir(), 'clinic.sqlite');
    const first = cli(['--db', dbPath, '--port', '0', '--no-open', '--offer-demo', '--quiet']);
    await waitFor(() => ADDRESS_LINE.exec(first.out()), 'the first run');
    first.child.kill('SIGINT');
    expect(await first.exited).toBe(0);
    const second = cli(['--db', dbPath, '--port', '0', '--no-open', '--offer-demo', '--quiet']);
    await waitFor(() => ADDRESS_LINE.exec(second.out()), 'the second run');
    expect(second.out()).not.toMatch(/Demo accounts/);
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  }, 120_000);

  it('uses --data-dir for strokedesk.sqlite, creating the folder', async () => {
    const dataDir = path.join(tempDir(), 'nested', 'data');
    const run = cli(['--data-dir', dataDir, '--port', '0', '--no-open', '--quiet']);
    await waitFor(() => ADDRESS_LINE.exec(run.out()), 'the address line');
    expect(fs.existsSync(path.join(dataDir, 'strokedesk.sqlite'))).toBe(true);
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
  });

  // A records file the app cannot use is never replaced and never stops the desk: the host starts in recovery mode
  // (one line says so, the address works) so an administrator can restore a backup from the screen.
  it('starts a database from a newer StrokeDesk in recovery mode, leaving the file untouched', async () => {
    const dbPath = path.join(tempDir(), 'newer.sqlite');
    openDatabase(dbPath).db.close();
    const raw = new Database(dbPath);
    raw.pragma('user_version = 9990');
    raw.close();
    const before = fs.readFileSync(dbPath);

    const run = cli(['--db', dbPath, '--port', '0', '--no-open']);
    await waitFor(() => ADDRESS_LINE.exec(run.out())?.[1] ?? null, `the address line (${run.err()})`);
    expect(run.out()).toContain(`Recovery mode: sign in as an administrator to restore a backup of ${dbPath}`);
    expect(run.out()).not.toMatch(/Demo accounts/);
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
    expect(fs.readFileSync(dbPath).equals(before)).toBe(true);
  });

  it('starts a SQLite file that is not ours in recovery mode and never seeds a demo clinic into it', async () => {
    const dbPath = path.join(tempDir(), 'foreign.sqlite');
    const raw = new Database(dbPath);
    raw.exec('CREATE TABLE recipes (id INTEGER PRIMARY KEY, name TEXT)');
    raw.close();
    const before = fs.readFileSync(dbPath);
    const run = cli(['--db', dbPath, '--port', '0', '--no-open', '--offer-demo']);
    await waitFor(() => ADDRESS_LINE.exec(run.out())?.[1] ?? null, `the address line (${run.err()})`);
    expect(run.out()).toMatch(/Recovery mode/);
    expect(run.out()).not.toMatch(/Demo accounts/);
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
    expect(fs.readFileSync(dbPath).equals(before)).toBe(true);
  });

  it('refuses a bad option or port with one line and exit code 1', async () => {
    for (const args of [['--frobnicate'], ['--port', 'eighty']]) {
      const run = cli([...args, '--db', path.join(tempDir(), 'x.sqlite'), '--no-open']);
      expect(await run.exited).toBe(1);
      expect(
        run
          .err()
          .split('\n')
          .filter((l) => l.trim() !== ''),
      ).toHaveLength(1);
    }
  });
});
