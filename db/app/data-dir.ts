// Where the records live: --data-dir, else STROKEDESK_DATA_DIR, else a per-user folder (the OS's, or the shell's own).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const DB_FILE_NAME = 'strokedesk.sqlite';

export function defaultDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home = os.homedir(),
): string {
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'StrokeDesk');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'StrokeDesk');
  return path.join(env.XDG_DATA_HOME ?? path.join(home, '.local', 'share'), 'StrokeDesk');
}

/**
 * The data folder as an absolute path (nothing is created). `fallback` is the per-user folder: Electron passes its own
 * userData path; the host uses the operating system's.
 */
export function resolveDataDir(
  option: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
  fallback: string = defaultDataDir(process.platform, env),
): string {
  // An empty value counts as unset: path.resolve('') would quietly mean the current folder.
  return path.resolve(option || env.STROKEDESK_DATA_DIR || fallback);
}

/**
 * Creates the folder if it is missing, and on every start makes it this user's only (0700: it holds patient records),
 * so a folder copied in or loosened by hand is closed again. Windows has no such bits; its ACLs are the profile's.
 */
export function ensureDataDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (process.platform !== 'win32') fs.chmodSync(dir, 0o700);
}
