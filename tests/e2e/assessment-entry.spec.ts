// Assessment entry end to end, by keyboard: a doctor starts a baseline NIHSS and Barthel, types the scores, reloads
// half-way and resumes at the first missing item, signs (read-only after), amends the Barthel with a reason and edits
// one item; axe finds nothing serious on the start and entry screens, in English and in Chinese.
import type { Page } from '@playwright/test';
import { patientInput } from '../core/support';
import { seriousViolations } from './axe';
import { type E2eApp, apiAs, expect, signIn, test } from './fixtures';

const SHOTS = 'tests/e2e/.artifacts/screens';

/** The clinic's (Shanghai's) calendar day `offset` days from now. */
const clinicDay = (offset = 0) => new Date(Date.now() + offset * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);

/** A patient with a course admitted in two days: its baseline window (30 days up to admission) is open today. */
async function setUp(app: E2eApp) {
  await app.seedAccounts();
  const coord = await apiAs(app, 'coord');
  const patient = await coord<{ id: number }>('patients.create', patientInput());
  await coord('courses.create', {
    patientId: patient.id,
    fields: {
      plannedAdmission: clinicDay(2),
      plannedDischarge: clinicDay(20),
      baselineSeverity: 'mRS 4, NIHSS 9 on referral',
      plannedTransplants: 2,
      plannedRoutes: ['intrathecal'],
      allergies: null,
      notes: null,
    },
  });
  return patient.id;
}

const item = (page: Page, code: string) => page.getByRole('group', { name: new RegExp(`^${code} `) });
const saved = (page: Page) => expect(page.locator('.entry-save-status')).toHaveText(/^(Saved|已于) .*\d\d:\d\d/);

/** Types each value into the focused item and presses Enter to move on. */
async function enter(page: Page, values: readonly string[]) {
  for (const v of values) {
    await page.keyboard.type(v);
    await page.keyboard.press('Enter');
  }
}

async function startAssessments(page: Page, patientId: number, url: string, instruments: readonly string[]) {
  await page.goto(`${url}/#/patients/${patientId}/assessments/new`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  for (const name of instruments) {
    await page.getByRole('checkbox', { name, exact: true }).press('Space');
  }
}

test('a doctor enters a baseline NIHSS and Barthel by keyboard, resumes after a reload, signs and amends', async ({
  app,
  page,
}) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  const patientId = await setUp(app);
  await page.goto(app.openUrl);
  await signIn(page, 'doctor');
  await page.goto(`${app.url}/#/patients/${patientId}`);
  await expect(page.getByRole('heading', { level: 1, name: /Sokolov/ })).toBeVisible();

  await startAssessments(page, patientId, app.url, ['NIH Stroke Scale', 'Barthel Index']);
  await expect(page.getByRole('heading', { name: 'Start an assessment' })).toBeVisible();
  // The open time point is offered first, with its window and state.
  await expect(page.getByRole('radio', { name: /^Baseline/ })).toBeChecked();
  await expect(page.locator('.start-point').first()).toContainText('Due');
  await expect(page.getByRole('radio', { name: 'In person' })).toBeChecked();
  expect(await seriousViolations(page, 'assessment start')).toEqual([]);
  await page.screenshot({ path: `${SHOTS}/assessment-start.png` });
  await page.getByRole('button', { name: 'Start 2 assessments' }).press('Enter');

  // NIHSS: focus is on the first item; number keys pick, Enter moves on.
  await expect(page.getByRole('heading', { level: 1, name: 'NIH Stroke Scale' })).toBeVisible();
  await expect(item(page, '1a').getByRole('radio').first()).toBeFocused();
  await expect(page.getByText('0 of 15 items')).toBeVisible();
  await enter(page, ['0', '1', '0', '0', '1', '2', '1', '0']);
  // Out of range does nothing: 7 on a 0–4 item leaves it empty.
  await page.keyboard.type('7');
  await expect(item(page, '6a').getByRole('radio', { checked: true })).toHaveCount(0);
  await expect(page.getByText('8 of 15 items')).toBeVisible();
  await expect(page.locator('.entry-summary')).toContainText('5 so far (of 42)');
  await saved(page);
  expect(await seriousViolations(page, 'assessment entry')).toEqual([]);
  await page.screenshot({ path: `${SHOTS}/assessment-entry-en.png` });

  // A reload keeps every value and resumes at the first missing item.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'NIH Stroke Scale' })).toBeVisible();
  await expect(item(page, '4').getByRole('radio', { name: /^2 / })).toBeChecked();
  await expect(item(page, '5a').getByRole('radio', { name: /^1 / })).toBeChecked();
  await expect(item(page, '6a').getByRole('radio').first()).toBeFocused();
  // The missing list links to each item.
  await page.locator('.entry-missing-list').getByRole('link', { name: '9', exact: true }).press('Enter');
  await expect(item(page, '9').getByRole('radio').first()).toBeFocused();
  await page.getByRole('link', { name: '6a', exact: true }).press('Enter');
  await enter(page, ['0', '0', '0', '1', '1', '1', '0']);
  await expect(page.getByText('15 of 15 items')).toBeVisible();
  await expect(page.locator('.entry-summary')).toContainText('8 / 42');

  // After the last item Enter reaches Sign; the dialog shows the total and completeness.
  await expect(page.getByRole('button', { name: 'Sign…' })).toBeFocused();
  await page.keyboard.press('Enter');
  const signDialog = page.getByRole('dialog', { name: 'Sign NIHSS?' });
  await expect(signDialog).toContainText('8 / 42');
  await expect(signDialog).toContainText('15 of 15 items');
  await signDialog.getByRole('button', { name: 'Sign', exact: true }).press('Enter');
  await expect(page.getByText(/Signed by Dr\. Daria Doctor/)).toBeVisible();
  await expect(page.getByRole('radio')).toHaveCount(0);
  await expect(page.getByRole('row', { name: /4 Facial palsy/ })).toContainText('Partial paralysis');

  // Next instrument: the Barthel; "10" typed quickly is ten, "1" then "5" is fifteen.
  await page.getByRole('link', { name: 'Next instrument' }).press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Barthel Index' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Next instrument' })).toHaveCount(0);
  await expect(item(page, '1').getByRole('radio').first()).toBeFocused();
  await enter(page, ['10', '15', '5', '10', '0', '10', '5', '10', '10', '5']);
  await expect(item(page, '2').getByRole('radio', { name: /^15 / })).toBeChecked();
  await expect(page.locator('.entry-summary')).toContainText('80 / 100');
  await page.keyboard.press('Enter');
  await page.getByRole('dialog').getByRole('button', { name: 'Sign', exact: true }).press('Enter');
  await expect(page.getByText(/Signed by/)).toBeVisible();

  // Amend: a reason is required; the new version is a draft to edit.
  await page.getByRole('button', { name: 'Amend…' }).press('Enter');
  const amend = page.getByRole('dialog', { name: 'Amend this assessment' });
  await amend.getByRole('button', { name: 'Amend', exact: true }).press('Enter');
  await expect(amend.getByText('Required')).toBeVisible();
  await amend.getByLabel('Reason for the amendment').fill('Bathing re-checked with the ward nurse');
  await amend.getByRole('button', { name: 'Amend', exact: true }).press('Enter');
  await expect(page.getByText('Version 2 · Draft')).toBeVisible();
  await expect(page.getByText('Amendment reason: Bathing re-checked with the ward nurse')).toBeVisible();
  await item(page, '5').getByRole('radio', { checked: true }).focus();
  await page.keyboard.type('5');
  await expect(page.locator('.entry-summary')).toContainText('85 / 100');
  await saved(page);
  await page.reload();
  await expect(item(page, '5').getByRole('radio', { name: /^5 / })).toBeChecked();
  await page.getByRole('button', { name: 'Sign…' }).press('Enter');
  await page.getByRole('dialog').getByRole('button', { name: 'Sign', exact: true }).press('Enter');
  await expect(page.getByText('Version 2 · Signed')).toBeVisible();
  await expect(page.locator('.entry-summary')).toContainText('85 / 100');
  expect(await seriousViolations(page, 'assessment read-only')).toEqual([]);
});

test('the entry form in Chinese: catalogue wording, summary and axe', async ({ app, page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  const patientId = await setUp(app);
  const doctor = await apiAs(app, 'doctor');
  await doctor('auth.setLanguage', { language: 'zh-CN' });
  await page.goto(app.openUrl);
  await signIn(page, 'doctor');
  await startAssessments(page, patientId, app.url, ['美国国立卫生研究院卒中量表']);
  await expect(page.getByRole('heading', { name: '开始评估' })).toBeVisible();
  expect(await seriousViolations(page, 'assessment start zh-CN')).toEqual([]);
  await page.getByRole('button', { name: '开始' }).press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: '美国国立卫生研究院卒中量表' })).toBeVisible();
  await enter(page, ['1', '0', '0', '1', '2']);
  await expect(page.getByText('已完成 5 / 15 项')).toBeVisible();
  await saved(page);
  expect(await seriousViolations(page, 'assessment entry zh-CN')).toEqual([]);
  await page.screenshot({ path: `${SHOTS}/assessment-entry-zh.png` });
});
