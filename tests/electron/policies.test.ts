// The desktop shell's security settings and guards, tested as plain functions (no Electron binary needed).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveDataDir } from '../../db/app/data-dir';
import { CONTENT_SECURITY_POLICY } from '../../db/app/web-policy';
import {
  appProtocolResponse,
  dataDirArg,
  isTrustedSender,
  nativeBindingPath,
  permissionAllowed,
  resolveAppPath,
  shouldAllowNavigation,
  windowOptions,
} from '../../electron/main/policies';

describe('window security settings', () => {
  it.each([
    ['contextIsolation', true],
    ['sandbox', true],
    ['nodeIntegration', false],
    ['nodeIntegrationInWorker', false],
    ['nodeIntegrationInSubFrames', false],
    ['webSecurity', true],
    ['allowRunningInsecureContent', false],
    ['webviewTag', false],
  ] as const)('isolates the renderer: %s is %s', (setting, expected) => {
    expect(windowOptions('/app/preload.cjs').webPreferences[setting]).toBe(expected);
  });

  it('loads only our preload and shows the window once it is drawn', () => {
    const o = windowOptions('/app/preload.cjs');
    expect(o.webPreferences.preload).toBe('/app/preload.cjs');
    expect(o.show).toBe(false);
  });

  it('has a CSP without inline scripts or styles and with no remote content', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-inline');
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:/);
  });

  it('denies every permission and navigation away from the app', () => {
    for (const p of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read'])
      expect(permissionAllowed(p)).toBe(false);
    expect(shouldAllowNavigation('app://strokedesk/index.html#/inquiries')).toBe(true);
    for (const url of [
      'https://example.com/',
      'file:///etc/passwd',
      'app://other/index.html',
      'javascript:alert(1)',
      'not a url',
    ]) {
      expect(shouldAllowNavigation(url)).toBe(false);
    }
  });

  it('answers IPC only from the app’s own frame; a null frame is refused', () => {
    expect(isTrustedSender('app://strokedesk/index.html')).toBe(true);
    expect(isTrustedSender(null)).toBe(false);
    expect(isTrustedSender(undefined)).toBe(false);
    expect(isTrustedSender('https://strokedesk/')).toBe(false);
    expect(isTrustedSender('about:blank')).toBe(false);
  });
});

describe('app:// paths', () => {
  let dir = '';
  let root = '';
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'strokedesk-app-protocol-'));
    root = path.join(dir, 'renderer');
    fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>StrokeDesk</title>');
    fs.writeFileSync(path.join(root, 'assets', 'index-abc.js'), 'console.log("app");');
    fs.writeFileSync(path.join(dir, 'package.json'), '{"secret":"outside-the-renderer"}');
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('serves files under the renderer folder and falls back to index.html for routes, not for missing files', () => {
    expect(resolveAppPath(root, 'app://strokedesk/')).toBe(path.join(root, 'index.html'));
    expect(resolveAppPath(root, 'app://strokedesk/assets/index-abc.js')).toBe(
      path.join(root, 'assets', 'index-abc.js'),
    );
    expect(resolveAppPath(root, 'app://strokedesk/inquiries/12')).toBe(path.join(root, 'index.html'));
    expect(resolveAppPath(root, 'app://strokedesk/assets/missing.js')).toBeNull();
  });

  it('answers with the file, its type and the shared CSP, or a 404', async () => {
    const js = await appProtocolResponse(root, 'app://strokedesk/assets/index-abc.js');
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(js.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(js.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await js.text()).toBe('console.log("app");');
    const outside = await appProtocolResponse(root, 'app://strokedesk/%2e%2e/package.json');
    expect(outside.status).toBe(404);
    expect(await outside.text()).not.toContain('outside-the-renderer');
  });

  it.each([
    'app://strokedesk/../package.json',
    'app://strokedesk/%2e%2e/package.json',
    'app://strokedesk/assets/%2e%2e/%2e%2e/%2e%2e/secret.txt',
    'app://strokedesk/..%2f..%2fpackage.json',
    'app://strokedesk/assets/..%5c..%5csecret.txt',
  ])('never leaves the renderer folder for %s', (url) => {
    const resolved = resolveAppPath(root, url);
    if (resolved !== null) expect(resolved.startsWith(root + path.sep)).toBe(true);
  });

  it.each([
    'app://strokedesk/..%2f..%2fpackage.json',
    'app://strokedesk/assets/..%5c..%5csecret.txt',
    'app://strokedesk/%00index.html',
    'app://strokedesk/.env',
    'app://strokedesk/assets/.hidden/x.js',
    'app://strokedesk/C:/Windows/win.ini',
    'app://strokedesk/%E0%A4%A',
    'app://elsewhere/index.html',
    'file:///etc/passwd',
  ])('refuses %s', (url) => {
    expect(resolveAppPath(root, url)).toBeNull();
  });
});

describe('data folder and native module', () => {
  it('takes --data-dir, then STROKEDESK_DATA_DIR, then the user-data folder (the core’s resolveDataDir)', () => {
    const userDataPath = '/home/u/.config/StrokeDesk';
    const resolve = (argv: string[], env: NodeJS.ProcessEnv) => resolveDataDir(dataDirArg(argv), env, userDataPath);
    expect(resolve(['electron', 'main.cjs', '--data-dir', '/d/a'], { STROKEDESK_DATA_DIR: '/d/b' })).toBe(
      path.resolve('/d/a'),
    );
    expect(resolve(['electron', '--data-dir=/d/c'], {})).toBe(path.resolve('/d/c'));
    expect(resolve(['electron', '--no-sandbox'], { STROKEDESK_DATA_DIR: '/d/b' })).toBe(path.resolve('/d/b'));
    expect(resolve([], { STROKEDESK_DATA_DIR: '' })).toBe(path.resolve(userDataPath));
  });

  it('points better-sqlite3 at its Electron build only when packaged', () => {
    expect(nativeBindingPath('/opt/StrokeDesk/resources', false)).toBeUndefined();
    expect(nativeBindingPath('/opt/StrokeDesk/resources', true)).toBe(
      '/opt/StrokeDesk/resources/app.asar.unpacked/node_modules/better-sqlite3/build/Release/better_sqlite3.node'
        .split('/')
        .join(path.sep),
    );
  });
});
