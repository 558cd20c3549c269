// The loopback host against a real core on a temp file: token, Host/Origin checks, static files, CSP and the cookie sign-in flow.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, resolveStatic } from '../../db/app/web-policy';
import { type RunningHost, startHost } from '../../db/host/server';
import { createCore, silentLogger } from '../../db/services/core';
import { openDatabase } from '../../db/sqlite/open';
import { CookieClient, portOf, rawRequest, setCookies } from './http-client';

const PASSWORD = 'host-test-password';
let dir: string;
let db: Database;
let host: RunningHost;
let port: number;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'strokedesk-host-'));
  // rendererDir sits one level down so there is something real (a secret) just outside it to try to reach.
  const renderer = path.join(dir, 'renderer');
  fs.mkdirSync(path.join(renderer, 'assets'), { recursive: true });
  fs.writeFileSync(
    path.join(renderer, 'index.html'),
    '<!doctype html><title>StrokeDesk</title><script type="module" src="/assets/app.js"></script>',
  );
  fs.writeFileSync(path.join(renderer, 'assets', 'app.js'), 'console.log("app");');
  fs.writeFileSync(path.join(renderer, 'assets', 'app.css'), 'body{}');
  fs.writeFileSync(path.join(renderer, '.env'), 'SECRET=renderer-dotfile');
  fs.writeFileSync(path.join(dir, 'package.json'), '{"secret":"outside-the-renderer"}');
  ({ db } = openDatabase(path.join(dir, 'strokedesk.sqlite')));
  const core = createCore(db, { log: silentLogger, passwordLog2N: 10 });
  host = await startHost({ core, port: 0, rendererDir: renderer, log: silentLogger });
  port = portOf(host.url);
});

afterAll(async () => {
  await host.close();
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const apiPost = (headers: Record<string, string>, body = '{}', method = 'auth.status') =>
  rawRequest(port, { method: 'POST', path: `/api/${method}`, headers, body });

describe('startHost', () => {
  it('listens on 127.0.0.1 with a port of its own and a URL-safe per-run token', () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(port).toBeGreaterThan(0);
    expect(host.token).toMatch(/^[A-Za-z0-9_-]{32,}$/);
    expect(host.openUrl).toBe(`${host.url}/?token=${host.token}`);
  });

  it('makes a fresh token every run unless one is given', async () => {
    const core = createCore(db, { log: silentLogger });
    const a = await startHost({ core, rendererDir: null, log: silentLogger });
    const b = await startHost({ core, rendererDir: null, token: 'given-token', log: silentLogger });
    try {
      expect(a.token).not.toBe(host.token);
      expect(b.token).toBe('given-token');
    } finally {
      await a.close();
      await b.close();
    }
  });
});

describe('API requests', () => {
  const json = { 'content-type': 'application/json' };

  it('answers the envelope with the token in the header', async () => {
    const res = await apiPost({ ...json, 'x-strokedesk-token': host.token });
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(JSON.parse(res.body)).toEqual({
      ok: true,
      value: {
        needsSetup: true,
        user: null,
        clinicName: 'StrokeDesk',
        idleLockMinutes: 10,
        locked: false,
        timeZone: 'Asia/Shanghai',
      },
    });
  });

  it.each([
    ['no token', {}],
    ['a wrong token', { 'x-strokedesk-token': 'not-the-token' }],
    ['a wrong run cookie', { cookie: 'sd_run=not-the-token' }],
    ['a token one character short', { 'x-strokedesk-token': 'x' }],
  ])(
    'refuses %s with 401 and a HOST_TOKEN envelope that says which address to open',
    async (_label, headers: Record<string, string>) => {
      const res = await apiPost({ ...json, ...headers });
      expect(res.status).toBe(401);
      const body = JSON.parse(res.body) as { ok: boolean; error: { code: string; details: unknown } };
      expect(body.ok).toBe(false);
      expect(body.error.code).toBe('HOST_TOKEN');
      expect(body.error.details).toBeNull();
    },
  );

  it.each(['evil.example', `127.0.0.1:${1}`, 'attacker.test:80', '127.0.0.1', 'localhost'])(
    'refuses the Host header %j (DNS rebinding) with 403',
    async (hostHeader) => {
      const res = await apiPost({ ...json, 'x-strokedesk-token': host.token, host: hostHeader });
      expect(res.status).toBe(403);
    },
  );

  it('accepts localhost:PORT as the Host too', async () => {
    const res = await apiPost({
      ...json,
      'x-strokedesk-token': host.token,
      host: `localhost:${port}`,
      origin: `http://localhost:${port}`,
    });
    expect(res.status).toBe(200);
  });

  it.each(['https://evil.example', 'null', `http://127.0.0.1:${1}`, `https://127.0.0.1:PORT`, `127.0.0.1:PORT`])(
    'refuses the Origin %j with 403 even with the right token',
    async (origin) => {
      const res = await apiPost({
        ...json,
        'x-strokedesk-token': host.token,
        origin: origin.replace('PORT', String(port)),
      });
      expect(res.status).toBe(403);
      expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'TRANSPORT' } });
    },
  );

  it.each(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/jsonp'])(
    'refuses the content type %s with 415',
    async (type) => {
      const res = await apiPost({ 'content-type': type, 'x-strokedesk-token': host.token });
      expect(res.status).toBe(415);
    },
  );

  it('accepts application/json with a charset', async () => {
    const res = await apiPost({ 'content-type': 'application/json; charset=utf-8', 'x-strokedesk-token': host.token });
    expect(res.status).toBe(200);
  });

  it('answers 400 for a body that is not JSON and 413 for one over the limit', async () => {
    expect((await apiPost({ ...json, 'x-strokedesk-token': host.token }, '{not json')).status).toBe(400);
    const big = JSON.stringify({ text: 'x'.repeat(6 * 1024 * 1024) });
    expect((await apiPost({ ...json, 'x-strokedesk-token': host.token }, big, 'inquiries.list')).status).toBe(413);
  });

  it('answers 413 for an over-limit body that does not declare its length', async () => {
    const big = JSON.stringify({ text: 'x'.repeat(6 * 1024 * 1024) });
    const res = await apiPost(
      { ...json, 'x-strokedesk-token': host.token, 'transfer-encoding': 'chunked' },
      big,
      'inquiries.list',
    );
    expect(res.status).toBe(413);
    // The host is still fine afterwards.
    expect((await apiPost({ ...json, 'x-strokedesk-token': host.token })).status).toBe(200);
  });

  it('refuses GET on the API', async () => {
    const res = await rawRequest(port, { path: '/api/auth.status', headers: { 'x-strokedesk-token': host.token } });
    expect(res.status).toBe(405);
  });

  it('passes an unknown method to dispatch, which names it', async () => {
    const res = await apiPost({ ...json, 'x-strokedesk-token': host.token }, '{}', 'nope.nothing');
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
  });

  it('survives a malformed escape in the method name and in a cookie', async () => {
    expect((await apiPost({ ...json, 'x-strokedesk-token': host.token }, '{}', '%E0%A4%A')).status).toBe(404);
    expect((await apiPost({ ...json, 'x-strokedesk-token': host.token, cookie: 'sd_session=%E0%A4%A' })).status).toBe(
      200,
    );
  });
});

describe('GET /?token=', () => {
  it('sets the HttpOnly SameSite=Strict run cookie and redirects to /', async () => {
    const res = await rawRequest(port, { path: `/?token=${host.token}` });
    expect(res.status).toBe(302);
    expect(res.headers.location).toBe('/');
    const run = setCookies(res).get('sd_run');
    expect(run?.value).toBe(host.token);
    expect(run?.attributes).toMatch(/HttpOnly/);
    expect(run?.attributes).toMatch(/SameSite=Strict/);
    expect(run?.attributes).toMatch(/Path=\//);
  });

  it('sets nothing for a wrong token', async () => {
    const res = await rawRequest(port, { path: '/?token=wrong' });
    expect(res.status).toBe(401);
    expect(res.headers['set-cookie']).toBeUndefined();
  });
});

describe('static files', () => {
  it('serves index.html with the strict CSP and the other security headers', async () => {
    const res = await rawRequest(port, { path: '/' });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.body).toContain('<title>StrokeDesk</title>');
    const csp = res.headers['content-security-policy'] ?? '';
    expect(csp).toBe(CONTENT_SECURITY_POLICY);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(res.headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-resource-policy': 'same-origin',
      'x-frame-options': 'DENY',
    });
  });

  it('serves assets with their content types', async () => {
    const js = await rawRequest(port, { path: '/assets/app.js' });
    expect(js.status).toBe(200);
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(js.body).toBe('console.log("app");');
    const css = await rawRequest(port, { path: '/assets/app.css' });
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
  });

  it('falls back to index.html for app routes, but not for missing files', async () => {
    const route = await rawRequest(port, { path: '/inquiries/42' });
    expect(route.status).toBe(200);
    expect(route.body).toContain('<title>StrokeDesk</title>');
    expect((await rawRequest(port, { path: '/assets/missing.js' })).status).toBe(404);
  });

  it.each([
    '/../package.json',
    '/assets/../../package.json',
    '/%2e%2e/package.json',
    '/%2E%2E/package.json',
    '/..%2fpackage.json',
    '/assets%2f..%2f..%2fpackage.json',
    '/..%5cpackage.json',
    '/.env',
    '/%2eenv',
    '/assets/%00app.js',
  ])('refuses %s', async (target) => {
    const res = await rawRequest(port, { path: target });
    expect(res.body).not.toContain('outside-the-renderer');
    expect(res.body).not.toContain('renderer-dotfile');
    expect(res.status).toBe(404);
  });

  it('keeps resolveStatic inside its root', () => {
    const root = path.join(dir, 'renderer');
    expect(resolveStatic(root, '/assets/app.js')).toBe(path.join(root, 'assets', 'app.js'));
    expect(resolveStatic(root, '/../package.json')).toBeNull();
    expect(resolveStatic(root, '/a/%2e%2e/%2e%2e/package.json')).toBeNull();
    expect(resolveStatic(root, '/%ZZ')).toBeNull();
  });

  it('says how to build the screens when there is no renderer build', async () => {
    const core = createCore(db, { log: silentLogger });
    const bare = await startHost({ core, rendererDir: null, log: silentLogger });
    const missing = await startHost({ core, rendererDir: path.join(dir, 'no-such-folder'), log: silentLogger });
    try {
      for (const h of [bare, missing]) {
        const res = await rawRequest(portOf(h.url), { path: '/' });
        expect(res.body).toContain('npm run build:renderer');
        expect(res.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
      }
    } finally {
      await bare.close();
      await missing.close();
    }
  });

  it('refuses a bad Host on static files too', async () => {
    const res = await rawRequest(port, { path: '/', headers: { host: `rebound.example:${port}` } });
    expect(res.status).toBe(403);
    expect(res.body).not.toContain('<title>');
  });
});

describe('sign-in over cookies', () => {
  it('sets up the admin, uses the session cookie, and clears it on sign-out', async () => {
    const client = new CookieClient(port);
    await client.open(host.token);
    expect(client.jar.get('sd_run')).toBe(host.token);

    const setup = await client.call('auth.setupAdmin', {
      username: 'admin',
      displayName: 'Ada Admin',
      password: PASSWORD,
    });
    expect(JSON.parse(setup.body)).toMatchObject({ ok: true, value: { username: 'admin', role: 'admin' } });
    const session = setCookies(setup).get('sd_session');
    expect(session?.value).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    expect(session?.attributes).toMatch(/HttpOnly/);
    expect(session?.attributes).toMatch(/SameSite=Strict/);

    const list = await client.call('accounts.list', {});
    expect(JSON.parse(list.body)).toMatchObject({
      ok: true,
      value: [{ username: 'admin', role: 'admin', active: true }],
    });
    // A call that keeps the session leaves the cookie alone.
    expect(list.headers['set-cookie']).toBeUndefined();

    const status = await client.call('auth.status', {});
    expect(JSON.parse(status.body)).toMatchObject({
      ok: true,
      value: { needsSetup: false, user: { username: 'admin' } },
    });

    const out = await client.call('auth.signOut', {});
    expect(JSON.parse(out.body)).toEqual({ ok: true, value: { ok: true } });
    expect(setCookies(out).get('sd_session')?.attributes).toMatch(/Max-Age=0/);
    expect(client.jar.has('sd_session')).toBe(false);

    const after = await client.call('accounts.list', {});
    expect(JSON.parse(after.body)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });

    // The old session token is dead on the server, not just forgotten by this client.
    const replay = await client.call(
      'accounts.list',
      {},
      { cookie: `sd_run=${host.token}; sd_session=${session?.value ?? ''}` },
    );
    expect(JSON.parse(replay.body)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });

    const back = await client.call('auth.signIn', { username: 'admin', password: PASSWORD });
    expect(JSON.parse(back.body)).toMatchObject({ ok: true, value: { username: 'admin' } });
    expect(client.jar.get('sd_session')).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    expect(client.jar.get('sd_session')).not.toBe(session?.value);
  });
});
