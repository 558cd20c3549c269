// The packaged shell started for real: first-run screen, context isolation, the bridge, and a call through IPC.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron, expect, test } from '@playwright/test';
import { electronBinary } from './electron-binary';

const binary = electronBinary();
const mainBundle = fileURLToPath(new URL('../../build/out/electron/main.cjs', import.meta.url));

test.skip('reason' in binary, 'reason' in binary ? `ELECTRON E2E SKIPPED: ${binary.reason}` : '');

test('the desktop window opens on the first-run screen with the renderer isolated', async () => {
  if (!('path' in binary)) return;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'strokedesk-electron-'));
  const app = await electron.launch({ executablePath: binary.path, args: [mainBundle, '--data-dir', dataDir] });
  try {
    const window = await app.firstWindow();
    await expect(window.getByRole('heading', { name: 'Set up StrokeDesk' })).toBeVisible();
    expect(await window.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
    expect(await window.evaluate(() => typeof (window as unknown as { process?: unknown }).process)).toBe('undefined');
    const status = await window.evaluate(() =>
      (window as unknown as { strokedesk: { invoke(m: string, i: unknown): Promise<unknown> } }).strokedesk.invoke(
        'auth.status',
        {},
      ),
    );
    expect(status).toMatchObject({ ok: true, value: { needsSetup: true } });
    expect(fs.existsSync(path.join(dataDir, 'strokedesk.sqlite'))).toBe(true);
  } finally {
    await app.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
