// Where the records live: --data-dir, else STROKEDESK_DATA_DIR, else the operating system's per-user data folder.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const DB_FILE_NAME = 'strokedesk.sqlite';

export function defaultDataDir(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env, home = os.homedir()): string {
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'StrokeDesk');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'StrokeDesk');
  return path.join(env.XDG_DATA_HOME ?? path.join(home, '.local', 'share'), 'StrokeDesk');
}

export function resolveDataDir(option: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  // An empty value counts as unset: path.resolve('') would quietly mean the current folder.
  const dir = path.resolve(option || env.STROKEDESK_DATA_DIR || defaultDataDir(process.platform, env));
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}
