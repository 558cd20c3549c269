// The follow-up worklist in Chromium: a coordinator finds a patient whose 1-month follow-up is due, records "No answer"
// by keyboard, sees it in the row; no serious axe violation; the same screen in Chinese; screenshots at 1366×768.
import { patientInput } from '../core/support';
import { seriousViolations } from './axe';
import { apiAs, expect, signIn, test } from './fixtures';

const shots = 'tests/e2e/.artifacts/screens';
/** The clinic's day (Asia/Shanghai, UTC+8) `offset` days from now. */
const clinicDay = (offset = 0) => new Date(Date.now() + offset * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);
/** The same day of the month a month earlier (clamped like the schedule), so the 1-month target is today. */
function monthAgo(day: string): string {
  const [y = 0, m = 1, d = 1] = day.split('-').map(Number);
  const last = new Date(Date.UTC(y, m - 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m - 2, Math.min(d, last))).toISOString().slice(0, 10);
}

test('a coordinator records a no-answer attempt on a due 1-month follow-up, in English and Chinese', async ({
  app,
  page,
}) => {
  await app.seedAccounts();
  const coord = await apiAs(app, 'coord');
  const patient = await coord<{ id: number }>(
    'patients.create',
    patientInput({ familyName: 'Sokolova', givenName: 'Irina', phone: '+7 912 345 67 89', languages: ['ru', 'en'] }),
  );
  const discharged = monthAgo(clinicDay(0));
  const course = await coord<{ id: number }>('courses.create', {
    patientId: patient.id,
    fields: {
      plannedAdmission: clinicDay(-60),
      plannedDischarge: discharged,
      baselineSeverity: null,
      plannedTransplants: 1,
      plannedRoutes: ['intrathecal'],
      allergies: null,
      notes: null,
    },
  });
  // Discharged a month ago, written straight to the table (the course commands are another spec's subject).
  app.core.db
    .prepare(`UPDATE courses SET status = 'discharged', admitted_on = ?, discharged_on = ? WHERE id = ?`)
    .run(clinicDay(-60), discharged, course.id);

  await page.goto(app.openUrl);
  await signIn(page, 'coord');
  await page.setViewportSize({ width: 1366, height: 768 });
  const nav = page.getByRole('link', { name: 'Follow-ups' });
  await nav.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Follow-ups', level: 1 })).toBeVisible();

  const row = page.getByRole('row').filter({ hasText: 'Sokolova' });
  await expect(row).toHaveCount(1);
  await expect(row.getByRole('cell').nth(3)).toContainText('1 month');
  await expect(row).toContainText('+7 912 345 67 89');
  await expect(row).toContainText('Russian');
  await expect(row).toContainText(/Due|Overdue/);
  await expect(row).toContainText('Not contacted yet');

  // The time point filter, by keyboard: 3 months shows nobody (the empty sentence), back to any.
  await page.getByRole('button', { name: /Time point/ }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('option', { name: '3 months', exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText('No follow-ups match')).toBeVisible();
  await page.getByRole('button', { name: /Time point/ }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('option', { name: 'Any time point', exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect(row).toHaveCount(1);

  await row.getByRole('button', { name: /Record attempt/ }).focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Record attempt' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('radio', { name: 'Reached' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(dialog.getByRole('radio', { name: 'No answer' })).toBeChecked();
  await dialog.getByLabel('Note').focus();
  await page.keyboard.type('Rang twice, voicemail');
  await dialog.getByLabel('Next try (optional)').fill(clinicDay(2));
  await page.screenshot({ path: `${shots}/follow-up-dialog.png` });
  expect(await seriousViolations(page, 'record attempt dialog')).toEqual([]);
  await dialog.getByRole('button', { name: 'Save attempt' }).focus();
  await page.keyboard.press('Enter');

  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  await expect(row).toContainText('No answer');
  await expect(row).toContainText('Rang twice, voicemail');
  await expect(row).toContainText('Chen Coordinator');
  await expect(row).toContainText('Next try');
  await page.screenshot({ path: `${shots}/follow-ups.png` });
  // Straight after the dialog closed: nothing of it is left behind (no unnamed live-region img from its button).
  expect(await seriousViolations(page, 'follow-ups')).toEqual([]);

  // The same screen in Chinese.
  await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: '中文' }).click();
  await expect(page.getByRole('heading', { name: '随访', level: 1 })).toBeVisible();
  await expect(row).toContainText('无人接听');
  await expect(row).toContainText('1 个月');
  await page.screenshot({ path: `${shots}/zh-follow-ups.png` });
  expect(await seriousViolations(page, 'follow-ups (zh-CN)')).toEqual([]);
});
