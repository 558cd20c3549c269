// The desktop shell's security settings and guards, tested as plain functions (no Electron binary needed).
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  isTrustedSender,
  nativeBindingPath,
  permissionAllowed,
  resolveAppPath,
  resolveDataDir,
  shouldAllowNavigation,
  windowOptions,
} from '../../electron/main/policies';

describe('window security settings', () => {
  it('isolates the renderer: context isolation, sandbox, no Node, no webviews', () => {
    const o = windowOptions('/app/preload.cjs');
    expect(o.webPreferences).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
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
    for (const p of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read']) expect(permissionAllowed(p)).toBe(false);
    expect(shouldAllowNavigation('app://strokedesk/index.html#/inquiries')).toBe(true);
    for (const url of ['https://example.com/', 'file:///etc/passwd', 'app://other/index.html', 'javascript:alert(1)', 'not a url']) {
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
  const root = path.resolve('/srv/renderer');
  it('serves files under the renderer folder and falls back to index.html for routes', () => {
    expect(resolveAppPath(root, 'app://strokedesk/')).toBe(path.join(root, 'index.html'));
    expect(resolveAppPath(root, 'app://strokedesk/assets/index-abc.js')).toBe(path.join(root, 'assets', 'index-abc.js'));
    expect(resolveAppPath(root, 'app://strokedesk/inquiries/12')).toBe(path.join(root, 'index.html'));
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
  it('takes --data-dir, then STROKEDESK_DATA_DIR, then the user-data folder', () => {
    const userDataPath = '/home/u/.config/StrokeDesk';
    expect(resolveDataDir({ argv: ['electron', 'main.cjs', '--data-dir', '/d/a'], env: { STROKEDESK_DATA_DIR: '/d/b' }, userDataPath })).toBe(path.resolve('/d/a'));
    expect(resolveDataDir({ argv: ['electron', '--data-dir=/d/c'], env: {}, userDataPath })).toBe(path.resolve('/d/c'));
    expect(resolveDataDir({ argv: [], env: { STROKEDESK_DATA_DIR: '/d/b' }, userDataPath })).toBe(path.resolve('/d/b'));
    expect(resolveDataDir({ argv: [], env: { STROKEDESK_DATA_DIR: '' }, userDataPath })).toBe(path.resolve(userDataPath));
  });

  it('points better-sqlite3 at its Electron build only when packaged', () => {
    expect(nativeBindingPath('/opt/StrokeDesk/resources', false)).toBeUndefined();
    expect(nativeBindingPath('/opt/StrokeDesk/resources', true)).toBe(
      path.join('/opt/StrokeDesk/resources', 'app.asar.unpacked', 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'),
    );
  });
});
