// The data folder (0700) and the records file with its -wal and -shm (0600) are the clinic account's only (#12 item 8).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { bootstrap } from '../../db/app/bootstrap';
import { DB_FILE_NAME } from '../../db/app/data-dir';
import { silentLogger } from '../../db/services/core';

const mode = (p: string) => fs.statSync(p).mode & 0o777;
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe.skipIf(process.platform === 'win32')('file modes', () => {
  it('are closed again on every start, whatever they were', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rel-auth-modes-'));
    dirs.push(dir);
    const first = await bootstrap({ dataDir: dir, log: silentLogger });
    const file = path.join(dir, DB_FILE_NAME);
    const files = [file, `${file}-wal`, `${file}-shm`];
    expect(mode(dir)).toBe(0o700);
    expect(files.map(mode)).toEqual([0o600, 0o600, 0o600]);
    first.core.db.close();

    // Loosened by hand, a copy, or an older version: the next start closes them again.
    fs.chmodSync(dir, 0o755);
    fs.writeFileSync(`${file}-wal`, '');
    for (const f of files) if (fs.existsSync(f)) fs.chmodSync(f, 0o644);
    const again = await bootstrap({ dataDir: dir, log: silentLogger });
    expect(mode(dir)).toBe(0o700);
    expect(files.map(mode)).toEqual([0o600, 0o600, 0o600]);
    again.core.db.close();
  });
});
