// Recovery mode end to end: the host starts on a garbage records file with one good backup; the admin restores it by
// keyboard from the recovery page and lands in the normal app, with the garbage kept aside.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { dispatch } from '../../db/api/dispatch';
import { bootstrap } from '../../db/app/bootstrap';
import { startHost } from '../../db/host/server';
import { silentLogger } from '../../db/services/core';
import { seriousViolations } from './axe';
import { E2E_PASSWORD, expect, test } from './fixtures';

const rendererDir = fileURLToPath(new URL('../../build/out/renderer', import.meta.url));
const start = (dataDir: string) => bootstrap({ dataDir, passwordLog2N: 12, checkOutputs: true, log: silentLogger });

/** A clinic (an admin and a coordinator) with one verified backup, closed. */
async function clinicWithOneBackup(dataDir: string): Promise<void> {
  const { core } = await start(dataDir);
  const session = { token: null as string | null };
  const must = async (method: string, input: unknown) => {
    const r = await dispatch(core, session, method, input);
    if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  };
  await must('auth.setupAdmin', { username: 'admin', displayName: 'Ada Admin', password: E2E_PASSWORD });
  await must('accounts.create', {
    username: 'coord',
    displayName: 'Chen Coordinator',
    role: 'coordinator',
    password: E2E_PASSWORD,
  });
  await must('backups.create', {});
  core.db.close();
}

test.use({ viewport: { width: 1366, height: 768 } });

test('a garbage records file starts in recovery mode; the admin restores the backup and lands in the app', async ({
  page,
}, testInfo) => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'strokedesk-e2e-recovery-'));
  const dbFile = path.join(dataDir, 'strokedesk.sqlite');
  await clinicWithOneBackup(dataDir);
  const garbage = Buffer.alloc(16384, 0x5a);
  fs.writeFileSync(dbFile, garbage);

  const started = await start(dataDir);
  expect(started.recovery?.kind).toBe('not_a_database');
  expect(started.seeded).toBeNull();
  const host = await startHost({ core: started.core, rendererDir, port: 0, log: silentLogger });
  try {
    await page.goto(host.openUrl);
    await expect(page.getByRole('heading', { name: 'The records file cannot be used', level: 1 })).toBeVisible();
    await expect(page.getByText('The records file is not a database any more')).toBeVisible();
    await expect(page.getByText(dbFile)).toBeVisible();
    const choice = page.getByRole('radio');
    await expect(choice).toHaveCount(1);
    await expect(choice).toBeChecked();
    await expect(page.getByRole('radiogroup')).toContainText('0 patients');
    await page.screenshot({ path: testInfo.outputPath('recovery-page.png') });
    expect(await seriousViolations(page, 'recovery')).toEqual([]);
    // The same page in Chinese: every line translated, still axe-clean; then back to English for the restore.
    await page.getByRole('button', { name: '中文' }).click();
    await expect(page.getByRole('heading', { name: '记录文件无法使用', level: 1 })).toBeVisible();
    await expect(page.getByText(dbFile)).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath('recovery-page-zh.png') });
    expect(await seriousViolations(page, 'recovery zh-CN')).toEqual([]);
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByRole('heading', { name: 'The records file cannot be used', level: 1 })).toBeVisible();

    // A coordinator of the backup is not an administrator: refused, nothing restored.
    await page.getByLabel("Administrator's username").fill('coord');
    await page.getByLabel('Password').fill(E2E_PASSWORD);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('alert')).toContainText(/not an active administrator|Wrong username or password/);
    expect(fs.readFileSync(dbFile).equals(garbage)).toBe(true);

    // By keyboard: the admin of the backup, Enter to restore.
    await page.getByLabel("Administrator's username").fill('admin');
    await page.getByLabel('Password').fill(E2E_PASSWORD);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('button', { name: /sign out/i })).toBeVisible({ timeout: 30_000 });
    await page.getByRole('link', { name: 'Backups' }).click();
    await expect(page.getByRole('heading', { name: 'Backups', level: 1 })).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath('after-restore.png') });

    const kept = fs.readdirSync(path.join(dataDir, 'backups')).filter((n) => n.startsWith('damaged-'));
    expect(kept).toHaveLength(1);
    expect(fs.readFileSync(path.join(dataDir, 'backups', kept[0] ?? '', 'strokedesk.sqlite')).equals(garbage)).toBe(
      true,
    );
    const audit = started.core.db.prepare("SELECT count(*) FROM audit_log WHERE action = 'backups.restore'").pluck();
    expect(audit.get()).toBe(1);
  } finally {
    await host.close();
    started.core.db.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
