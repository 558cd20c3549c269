// Clinic numbers in Chromium on the demo clinic: a coordinator opens the screen by its nav label, the headline figure
// matches the core, the funnel switches from chart to table, its CSV downloads with BOM, header and the total row;
// no serious axe violation; the same screen in Chinese; screenshots at 1366×768.
import fs from 'node:fs';
import { dispatch } from '../../db/api/dispatch';
import type { ClinicNumbers } from '../../db/contract';
import { parseCsv } from '../../db/contract';
import { DEMO_ACCOUNTS, DEMO_SIZE, seedClinic } from '../../db/seed/generate';
import { seriousViolations } from './axe';
import { expect, signIn, test } from './fixtures';

const shots = 'tests/e2e/.artifacts/screens';

test('a coordinator reads the clinic numbers, opens a table, exports its CSV, in English and Chinese', async ({
  app,
  page,
}) => {
  test.setTimeout(240_000);
  await seedClinic(app.core, DEMO_SIZE);
  const coord = DEMO_ACCOUNTS.find((a) => a.role === 'coordinator');
  if (!coord) throw new Error('The demo has a coordinator');
  const session = { token: null as string | null };
  await dispatch(app.core, session, 'auth.signIn', { username: coord.username, password: coord.password });
  const core = await dispatch(app.core, session, 'reports.clinicNumbers', {});
  if (!core.ok) throw new Error(core.error.message);
  const numbers = core.value as ClinicNumbers;
  expect(numbers.patientsTreated).toBeGreaterThan(0);
  expect(numbers.funnel.total.inquiries).toBeGreaterThan(0);

  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(app.openUrl);
  await signIn(page, coord.username, coord.password);
  await page.getByRole('link', { name: 'Clinic numbers' }).click();
  await expect(page.getByRole('heading', { name: 'Clinic numbers', level: 1 })).toBeVisible();

  const figure = page.locator('.numbers-figure').filter({ hasText: 'Patients treated' });
  await expect(figure.locator('dd')).toHaveText(new Intl.NumberFormat('en').format(numbers.patientsTreated));
  await expect(page.getByRole('img', { name: /Completed procedures per month/ })).toBeVisible();
  await page.screenshot({ path: `${shots}/en-clinic-numbers.png`, fullPage: true });

  // The funnel: from its chart to its table; the total row carries the core's count.
  const funnel = page.getByRole('region', { name: 'Inquiry funnel' });
  await funnel.getByRole('button', { name: 'Table', exact: true }).click();
  await expect(funnel.getByRole('button', { name: 'Table', exact: true })).toHaveAttribute('aria-pressed', 'true');
  const total = funnel.getByRole('row').filter({ hasText: 'Total' });
  await expect(total.getByRole('cell').nth(1)).toHaveText(
    new Intl.NumberFormat('en').format(numbers.funnel.total.inquiries),
  );
  await expect(funnel.getByRole('row').filter({ hasText: 'Web form' })).toHaveCount(1);
  await page.screenshot({ path: `${shots}/en-clinic-numbers-funnel-table.png`, fullPage: true });

  const download = page.waitForEvent('download');
  await funnel.getByRole('button', { name: /Export CSV/ }).click();
  const file = await (await download).path();
  const text = fs.readFileSync(file, 'utf8');
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const rows = parseCsv(text);
  expect(rows[0]?.slice(0, 5)).toEqual(['Channel', 'Inquiries', 'Contacted', 'Accepted', 'Treated']);
  expect(rows.at(-1)?.slice(0, 5)).toEqual([
    'Total',
    String(numbers.funnel.total.inquiries),
    String(numbers.funnel.total.contacted),
    String(numbers.funnel.total.accepted),
    String(numbers.funnel.total.treated),
  ]);
  expect(await seriousViolations(page, 'clinic numbers')).toEqual([]);
  // The app scrolls inside its main area: the lower sections are shot one by one for review.
  await page.locator('.numbers-pair').screenshot({ path: `${shots}/en-clinic-numbers-adverse-events.png` });
  const followUp = page.getByRole('region', { name: 'Follow-up completeness' });
  await followUp.screenshot({ path: `${shots}/en-clinic-numbers-follow-up.png` });

  // The same screen in Chinese.
  await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: '中文' }).click();
  await expect(page.getByRole('heading', { name: '诊所数据', level: 1 })).toBeVisible();
  await expect(
    page.getByRole('region', { name: '咨询转化漏斗' }).getByRole('row').filter({ hasText: '网页表单' }),
  ).toHaveCount(1);
  await page.screenshot({ path: `${shots}/zh-clinic-numbers.png` });
  await page
    .getByRole('region', { name: '咨询转化漏斗' })
    .screenshot({ path: `${shots}/zh-clinic-numbers-funnel.png` });
  expect(await seriousViolations(page, 'clinic numbers (zh-CN)')).toEqual([]);
});
