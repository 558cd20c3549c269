// Screenshots of the main screens over a seeded demo clinic, for people to look at (tests/e2e/.artifacts/screens).
import { DEMO_SIZE, seedClinic } from '../../db/seed/generate';
import { expect, signIn, test } from './fixtures';

const dir = 'tests/e2e/.artifacts/screens';

test('the demo clinic through a coordinator’s eyes', async ({ app, page }) => {
  const seeded = await seedClinic(app.core, DEMO_SIZE);
  const coordinator = seeded.accounts.find((a) => a.username === 'coord.li');
  if (!coordinator) throw new Error('the demo has no coord.li');
  await page.goto(app.openUrl);
  await signIn(page, coordinator.username, coordinator.password);
  await expect(page.getByRole('heading', { name: 'Waiting for a first contact' })).toBeVisible();
  await page.screenshot({ path: `${dir}/home.png` });

  await page.getByRole('link', { name: 'Inquiries' }).click();
  await expect(page.getByText(/^1–50 of 400$/)).toBeVisible();
  await page.screenshot({ path: `${dir}/list.png` });

  await page.getByLabel('Search', { exact: true }).fill('example.org');
  await expect(page.getByText(/^1–50 of (?!400$)\d+$/)).toBeVisible();
  await page.screenshot({ path: `${dir}/list-search.png` });

  // The navigation link clears the search: the list follows the address.
  await page.getByRole('link', { name: 'Inquiries' }).click();
  await expect(page.getByLabel('Search', { exact: true })).toHaveValue('');
  await expect(page.getByText(/^1–50 of 400$/)).toBeVisible();
  await page.locator('a.row-link').first().click();
  await expect(page.getByRole('heading', { name: 'Timeline' })).toBeVisible();
  await page.screenshot({ path: `${dir}/detail.png`, fullPage: true });

  await page.getByRole('link', { name: 'New inquiry' }).click();
  await page.getByRole('button', { name: 'Save inquiry' }).click();
  await expect(page.getByText(/fields need attention/)).toBeVisible();
  await page.screenshot({ path: `${dir}/form-errors.png`, fullPage: true });

  await page.getByRole('link', { name: 'Patients' }).click();
  await expect(page.getByText(/^1–50 of 90$/)).toBeVisible();
  await page.screenshot({ path: `${dir}/patients.png` });
  const withNative = app.core.db.prepare("SELECT id FROM patients WHERE native_name IS NOT NULL AND id IN (SELECT patient_id FROM inquiries) LIMIT 1").get() as { id: number };
  await page.goto(`${app.url}/#/patients/${withNative.id}`);
  await expect(page.getByRole('heading', { name: 'Stroke history' })).toBeVisible();
  await page.screenshot({ path: `${dir}/patient.png`, fullPage: true });

  await page.goto(`${app.url}/#/patients/duplicates`);
  await expect(page.getByRole('button', { name: /^Keep / }).first()).toBeVisible();
  await page.screenshot({ path: `${dir}/duplicates.png` });

  const accepted = app.core.db.prepare("SELECT id FROM inquiries WHERE status = 'accepted' LIMIT 1").get() as { id: number };
  await page.goto(`${app.url}/#/inquiries/${accepted.id}/convert`);
  await expect(page.getByRole('button', { name: 'Register and convert' })).toBeVisible();
  await page.screenshot({ path: `${dir}/convert.png`, fullPage: true });

  await page.keyboard.press('Control+k');
  await page.keyboard.type('wang');
  await expect(page.getByRole('option', { name: /Wang/ }).first()).toBeVisible();
  await page.screenshot({ path: `${dir}/search.png` });
});
