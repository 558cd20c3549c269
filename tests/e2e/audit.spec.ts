// The admin's audit log end to end: opened from the sidebar, filtered by action, verified, exported as CSV, in
// English and in Chinese, with no serious axe finding.
import fs from 'node:fs';
import { seriousViolations } from './axe';
import { expect, signIn, test } from './fixtures';

const shots = 'tests/e2e/.artifacts/screens';

test('an admin filters the audit log, verifies the chain and exports what the filter shows', async ({ app, page }) => {
  await app.seedAccounts();
  await page.goto(app.openUrl);
  await signIn(page, 'admin');
  await page.getByRole('navigation').getByRole('link', { name: 'Audit log', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Audit log', level: 1 })).toBeVisible();

  // Filter by action: only the account creations remain (the coordinator's and the doctor's).
  await page.getByRole('button', { name: /Action$/ }).click();
  await page.getByRole('option', { name: 'accounts.create', exact: true }).click();
  const rows = page.getByRole('table', { name: 'Entries' }).locator('tbody tr');
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toContainText('accounts.create');
  await expect(rows.first()).toContainText('Ada Admin');

  // Verify now: a full run from the first entry, and the chain is intact.
  const chain = page.getByRole('region', { name: 'Chain verification' });
  await chain.getByRole('button', { name: 'Verify now' }).click();
  await expect(chain.getByText('Intact', { exact: true })).toBeVisible();
  await expect(chain.getByText(/\(full, \d+ entries\)/)).toBeVisible();
  expect(await seriousViolations(page, 'audit log')).toEqual([]);

  // Export CSV: the filtered entries, as a file; the export itself is recorded.
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const file = await downloading;
  expect(file.suggestedFilename()).toMatch(/^audit-log-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = fs
    .readFileSync(await file.path(), 'utf8')
    .trim()
    .split(/\r?\n/);
  expect(csv[0]).toBe('id,at,user_id,user,action,entity,entity_id,fields,hash');
  expect(csv).toHaveLength(3);
  for (const line of csv.slice(1)) expect(line).toContain(',accounts.create,account,');
  await expect(page.getByRole('status').filter({ hasText: 'Exported 2 entries.' })).toBeVisible();
  const recorded = app.core.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'audit.exportCsv'").get();
  expect(recorded).toEqual({ n: 1 });

  // The same screen in Chinese (the no-English check is in chinese.spec.ts): the chain's state and the filter follow.
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.screenshot({ path: `${shots}/audit-en.png` });
  await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: '中文' }).click();
  await expect(page.getByRole('heading', { name: '审计日志', level: 1 })).toBeVisible();
  await expect(page.getByRole('region', { name: '链校验' }).getByText('完整', { exact: true })).toBeVisible();
  await expect(page.getByRole('table', { name: '记录' }).locator('tbody tr')).toHaveCount(2);
  await page.screenshot({ path: `${shots}/audit-zh.png` });
  expect(await seriousViolations(page, 'audit log in Chinese')).toEqual([]);
});
