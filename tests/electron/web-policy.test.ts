// Both transports serve the screens by one policy: the host and the app:// handler send the same CSP and refuse the same paths.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, resolveStatic, SECURITY_HEADERS } from '../../db/app/web-policy';
import { type RunningHost, startHost } from '../../db/host/server';
import { createCore, silentLogger } from '../../db/services/core';
import { openDatabase } from '../../db/sqlite/open';
import { appProtocolResponse } from '../../electron/main/policies';
import { portOf, rawRequest } from '../host/http-client';

let dir = '';
let root = '';
let db: Database;
let host: RunningHost;
let port = 0;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'strokedesk-web-policy-'));
  // The renderer sits one level down so there is something real just outside it to try to reach.
  root = path.join(dir, 'renderer');
  fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>StrokeDesk</title>');
  fs.writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log("app");');
  fs.writeFileSync(path.join(root, '.env'), 'SECRET=renderer-dotfile');
  fs.writeFileSync(path.join(dir, 'package.json'), '{"secret":"outside-the-renderer"}');
  db = openDatabase(':memory:').db;
  host = await startHost({
    core: createCore(db, { log: silentLogger }),
    port: 0,
    rendererDir: root,
    log: silentLogger,
  });
  port = portOf(host.url);
});

afterAll(async () => {
  await host.close();
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** The same path through both transports: status, body and the headers that matter. */
async function both(urlPath: string) {
  const viaHost = await rawRequest(port, { path: urlPath });
  const viaApp = await appProtocolResponse(root, `app://strokedesk${urlPath}`);
  return {
    host: {
      status: viaHost.status,
      body: viaHost.body,
      csp: viaHost.headers['content-security-policy'],
      type: viaHost.headers['content-type'],
    },
    app: {
      status: viaApp.status,
      body: await viaApp.text(),
      csp: viaApp.headers.get('content-security-policy'),
      type: viaApp.headers.get('content-type'),
    },
  };
}

describe('one web policy for the host and the desktop shell', () => {
  it('sends the same CSP and security headers from both', async () => {
    const { host: h, app: a } = await both('/');
    expect(h.status).toBe(200);
    expect(a.status).toBe(200);
    expect(h.csp).toBe(CONTENT_SECURITY_POLICY);
    expect(a.csp).toBe(h.csp);
    const viaHost = await rawRequest(port, { path: '/' });
    const viaApp = await appProtocolResponse(root, 'app://strokedesk/');
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
      expect(viaHost.headers[name]).toBe(value);
      expect(viaApp.headers.get(name)).toBe(value);
    }
  });

  it('serves the same file with the same content type from both', async () => {
    const { host: h, app: a } = await both('/assets/app.js');
    expect([h.status, a.status]).toEqual([200, 200]);
    expect(h.type).toBe('text/javascript; charset=utf-8');
    expect(a.type).toBe(h.type);
    expect(a.body).toBe(h.body);
  });

  const outside = () => path.join(dir, 'package.json');
  it.each([
    ['dot-dot', () => '/../package.json'],
    ['nested dot-dot', () => '/assets/../../package.json'],
    ['encoded dot-dot', () => '/%2e%2e/package.json'],
    ['upper-case encoded dot-dot', () => '/%2E%2E/package.json'],
    ['encoded slash and dot-dot', () => '/assets%2f..%2f..%2fpackage.json'],
    ['backslash', () => '/..%5cpackage.json'],
    ['raw backslash', () => '/assets/..\\..\\package.json'],
    ['encoded absolute path', () => `/${encodeURIComponent(outside())}`],
    ['double-slash absolute path', () => `//${outside().replace(/^\//, '')}`],
    ['drive letter', () => '/C:/Windows/win.ini'],
    ['dotfile', () => '/.env'],
    ['NUL', () => '/assets/%00app.js'],
  ])('both refuse the %s form', async (_name, target) => {
    const { host: h, app: a } = await both(target());
    expect(h.status).toBe(404);
    expect(a.status).toBe(404);
    for (const body of [h.body, a.body]) {
      expect(body).not.toContain('outside-the-renderer');
      expect(body).not.toContain('renderer-dotfile');
    }
  });

  it.each([
    '/../package.json',
    '/%2e%2e/package.json',
    '/a/%2E%2E/%2e%2e/package.json',
    '/..%5cpackage.json',
    '/x\\y.js',
    '/C:/Windows/win.ini',
    '/c:%5cWindows',
    '/.env',
    '/%00',
    '/%ZZ',
  ])('resolveStatic refuses %s', (target) => {
    expect(resolveStatic(root, target)).toBeNull();
  });

  it('keeps an absolute path inside the root rather than at the root of the disk', () => {
    expect(resolveStatic(root, `/${encodeURIComponent(outside())}`)).toBe(path.join(root, outside()));
    expect(resolveStatic(root, '/')).toBe(path.resolve(root));
  });
});
