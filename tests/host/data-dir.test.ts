// Where the host keeps the records: --data-dir, then STROKEDESK_DATA_DIR, then each operating system's per-user folder.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DB_FILE_NAME, defaultDataDir, resolveDataDir } from '../../db/host/data-dir';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});
const temp = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'strokedesk-datadir-'));
  dirs.push(d);
  return d;
};

describe('data folder', () => {
  it('defaults to the per-user folder of each operating system', () => {
    expect(defaultDataDir('linux', {}, '/home/ana')).toBe(path.join('/home/ana', '.local', 'share', 'StrokeDesk'));
    expect(defaultDataDir('darwin', {}, '/Users/ana')).toBe(path.join('/Users/ana', 'Library', 'Application Support', 'StrokeDesk'));
    expect(defaultDataDir('win32', { APPDATA: 'C:\\Users\\ana\\AppData\\Roaming' }, 'C:\\Users\\ana')).toBe(
      path.join('C:\\Users\\ana\\AppData\\Roaming', 'StrokeDesk'),
    );
  });

  it('prefers --data-dir, then the environment, and creates the folder', () => {
    const base = temp();
    const fromOption = path.join(base, 'option', 'deep');
    const fromEnv = path.join(base, 'env');
    expect(resolveDataDir(fromOption, { STROKEDESK_DATA_DIR: fromEnv })).toBe(fromOption);
    expect(fs.statSync(fromOption).isDirectory()).toBe(true);
    expect(resolveDataDir(undefined, { STROKEDESK_DATA_DIR: fromEnv })).toBe(fromEnv);
    expect(fs.statSync(fromEnv).isDirectory()).toBe(true);
  });

  // On macOS the default ignores the environment, so this would create the real user's folder: run it elsewhere.
  it.skipIf(process.platform === 'darwin')('treats an empty STROKEDESK_DATA_DIR as unset rather than as the current folder', () => {
    const home = temp();
    const resolved = resolveDataDir(undefined, { STROKEDESK_DATA_DIR: '', XDG_DATA_HOME: path.join(home, 'xdg'), APPDATA: path.join(home, 'appdata') });
    expect(resolved).not.toBe(process.cwd());
    expect(resolved.startsWith(home)).toBe(true);
    expect(path.basename(resolved)).toBe('StrokeDesk');
  });

  it('names the records file strokedesk.sqlite', () => {
    expect(DB_FILE_NAME).toBe('strokedesk.sqlite');
  });
});
