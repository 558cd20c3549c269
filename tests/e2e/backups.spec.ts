// Backups end to end: Today warns without a backup, the admin backs up (keyboard), sees it listed, restores after a change.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { seriousViolations } from './axe';
import { apiAs, expect, signIn, test } from './fixtures';

test('Today warns every user until a good backup exists; the admin backs up and restores from the Backups screen', async ({
  app,
  page,
}) => {
  await app.seedAccounts();
  await page.goto(app.openUrl);
  await signIn(page, 'coord');
  await expect(page.getByRole('status').filter({ hasText: 'There is no backup of the records yet' })).toBeVisible();
  await page.getByRole('button', { name: /sign out/i }).click();

  await signIn(page, 'admin');
  await page.getByRole('link', { name: 'Backups' }).click();
  await expect(page.getByRole('heading', { name: 'Backups', level: 1 })).toBeVisible();
  await expect(page.getByText('No backups yet.')).toBeVisible();
  expect(await seriousViolations(page, 'backups')).toEqual([]);
  // By keyboard: focus the button and press Enter.
  await page.getByRole('button', { name: 'Back up now' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Backup made and verified.' })).toBeVisible();
  const rows = page.getByRole('table').getByRole('row');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1)).toContainText('Verified');
  await expect(rows.nth(1)).toContainText('3 accounts');

  // A change after the backup, then a restore that takes it away again.
  const admin = await apiAs(app, 'admin');
  await admin('accounts.create', {
    username: 'later',
    displayName: 'Made Later',
    role: 'doctor',
    password: 'e2e-password-1',
  });
  await rows.nth(1).getByRole('button', { name: 'Restore…' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('3 accounts');
  await expect(dialog).toContainText('backed up first');
  expect(await seriousViolations(page, 'backups restore dialog')).toEqual([]);
  await page.screenshot({ path: '/tmp/pw-backup/restore-dialog.png' });
  await dialog.getByRole('button', { name: 'Restore', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The backup was restored.' })).toBeVisible();
  await page.screenshot({ path: '/tmp/pw-backup/restored.png' });
  await expect(page.getByText('(less than an hour ago)')).toBeVisible();
  const names = app.core.db.prepare('SELECT username FROM accounts ORDER BY id').pluck().all();
  expect(names).toEqual(['admin', 'coord', 'doctor']);
  // The restore backed up the state before it: two backups listed now.
  await expect(page.getByRole('table').getByRole('row')).toHaveCount(3);
});

test('the admin sets a second folder (a missing one is refused at the field) and a backup reports its copy there', async ({
  app,
  page,
}) => {
  const usb = fs.mkdtempSync(path.join(os.tmpdir(), 'strokedesk-e2e-usb-'));
  try {
    await app.seedAccounts();
    await page.goto(app.openUrl);
    await signIn(page, 'admin');
    await page.getByRole('link', { name: 'Backups' }).click();
    const panel = page.getByRole('form', { name: 'Second folder' });
    const field = panel.getByRole('textbox', { name: 'Folder' });
    // The browser host has no folder dialog: only the text field.
    await expect(panel.getByRole('button', { name: 'Choose…' })).toHaveCount(0);
    await field.fill(path.join(usb, 'not-plugged-in'));
    await panel.getByRole('button', { name: 'Save' }).click();
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(panel).toContainText('This folder does not exist');
    await field.fill(usb);
    await panel.getByRole('button', { name: 'Save' }).click();
    await expect(panel.getByRole('status')).toHaveText('Saved. The next backup is copied there too.');
    expect(await seriousViolations(page, 'backups second folder')).toEqual([]);

    await page.getByRole('button', { name: 'Back up now' }).click();
    await expect(
      page.getByRole('status').filter({ hasText: 'Backup made and verified, and copied to the second folder.' }),
    ).toBeVisible();
    const row = page.getByRole('table').getByRole('row').nth(1);
    await expect(row.getByRole('cell').nth(5)).toHaveText('Copied');
    const copies = fs.readdirSync(path.join(usb, 'StrokeDesk backups')).filter((n) => /^\d{8}-/.test(n));
    expect(copies).toHaveLength(1);
    await page.screenshot({ path: '/tmp/pw-backup/second-folder.png', fullPage: true });
  } finally {
    fs.rmSync(usb, { recursive: true, force: true });
  }
});
