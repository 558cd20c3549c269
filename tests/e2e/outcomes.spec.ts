// The outcomes report on a demo clinic, by visible labels: open Reports, read the headline, switch the grouping,
// export the CSV (BOM + header), print to PDF and read its text, zero serious axe violations, once in Chinese.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { DEMO_SIZE, seedClinic } from '../../db/seed/generate';
import { seriousViolations } from './axe';
import { expect, test } from './fixtures';

const shots = 'tests/e2e/.artifacts/screens';

async function pick(page: Page, label: string, option: string) {
  await page.getByRole('button', { name: new RegExp(`${label}$`) }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

async function pdfText(page: Page): Promise<{ text: string; pages: string | undefined }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outcomes-pdf-'));
  const pdf = path.join(dir, 'outcomes.pdf');
  await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
  const text = execFileSync('pdftotext', ['-layout', pdf, '-']).toString();
  const pages = /Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf]).toString())?.[1];
  fs.rmSync(dir, { recursive: true, force: true });
  return { text, pages };
}

test('the outcomes report: headline, grouping, CSV, PDF, axe, Chinese', async ({ app, page }) => {
  test.setTimeout(300_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  await seedClinic(app.core, DEMO_SIZE);
  await page.goto(app.openUrl);
  await page.getByLabel('Username').fill('dr.zhang');
  await page.getByLabel('Password').fill('demo-doctor-2026');
  await page.getByRole('button', { name: 'Sign in' }).click();

  await page.getByRole('link', { name: 'Reports' }).click();
  await expect(page.getByRole('heading', { name: 'Outcomes report' })).toBeVisible();
  const summary = page.getByRole('region', { name: 'Summary' });
  await expect(summary).toContainText(/patients? assessed at 3 months improved by at least 10 points on the Barthel/);
  await expect(summary).toContainText('spontaneous recovery');
  // Grouped by time from onset at first: every onset band is a row of the table.
  const table = page.getByRole('table', { name: 'Improvement by group' });
  await expect(table.getByRole('rowheader', { name: 'Under 6 months' })).toBeVisible();
  await expect(table.getByRole('rowheader', { name: 'All treated patients' })).toBeVisible();
  expect(await seriousViolations(page, 'outcomes')).toEqual([]);
  await page.screenshot({ path: `${shots}/en-outcomes-report.png`, fullPage: true });

  await pick(page, 'Group by', 'Stroke type');
  await expect(table.getByRole('rowheader', { name: 'Ischemic (infarction)' })).toBeVisible();
  await expect(table.getByRole('rowheader', { name: 'Under 6 months' })).toHaveCount(0);

  // The table's CSV: UTF-8 with BOM, a header row, one line per row shown.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('region', { name: 'Improvement by group' }).getByRole('button', { name: 'Export CSV' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^outcomes-barthel-m3-by-strokeType-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = fs.readFileSync(await download.path(), 'utf8');
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  const lines = csv.slice(1).trim().split('\r\n');
  expect(lines[0]).toMatch(/^Group,Treated,Assessed,Improved,Share improved,95% CI low,95% CI high,/);
  expect(lines).toHaveLength(1 + 4);
  expect(lines[1]).toMatch(/^All treated patients,\d+,\d+,\d+,/);

  // Printed: the report alone, with its headline and tables, no app chrome.
  const { text } = await pdfText(page);
  expect(text).toContain('Outcomes: Barthel at 3 months against baseline');
  expect(text).toMatch(/improved by at least 10\s+points/);
  expect(text).toContain('Ischemic (infarction)');
  expect(text).toContain('Improvement by domain');
  expect(text).not.toContain('Sign out');
  expect(text).not.toContain('Export CSV');

  // Once in Chinese: the same report in natural words.
  await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: '中文' }).click();
  await expect(page.getByRole('heading', { name: '疗效报告' })).toBeVisible();
  await expect(page.getByRole('region', { name: '摘要' })).toContainText('95% 置信区间');
  await expect(
    page.getByRole('table', { name: '各组改善情况' }).getByRole('rowheader', { name: '缺血性（脑梗死）' }),
  ).toBeVisible();
  expect(await seriousViolations(page, 'outcomes zh')).toEqual([]);
  await page.screenshot({ path: `${shots}/zh-CN-outcomes-report.png`, fullPage: true });
});
