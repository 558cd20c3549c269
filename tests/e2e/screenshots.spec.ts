// Screenshots of the main screens over a seeded demo clinic, for people to look at (tests/e2e/.artifacts/screens).
import { seedClinic } from '../../db/seed/generate';
import { expect, signIn, test } from './fixtures';

const dir = 'tests/e2e/.artifacts/screens';

test('the demo clinic through a coordinator’s eyes', async ({ app, page }) => {
  const seeded = await seedClinic(app.core, { inquiries: 400 });
  const coordinator = seeded.accounts.find((a) => a.username === 'coord.li');
  if (!coordinator) throw new Error('the demo has no coord.li');
  await page.goto(app.openUrl);
  await signIn(page, coordinator.username, coordinator.password);
  await expect(page.getByRole('heading', { name: 'Waiting for a first contact' })).toBeVisible();
  await page.screenshot({ path: `${dir}/home.png` });

  await page.getByRole('link', { name: 'Inquiries' }).click();
  await expect(page.getByText(/^1–50 of 400$/)).toBeVisible();
  await page.screenshot({ path: `${dir}/list.png` });

  await page.getByLabel('Search').fill('example.org');
  await expect(page.getByText(/^1–50 of (?!400$)\d+$/)).toBeVisible();
  await page.screenshot({ path: `${dir}/list-search.png` });

  // The navigation link clears the search: the list follows the address.
  await page.getByRole('link', { name: 'Inquiries' }).click();
  await expect(page.getByLabel('Search')).toHaveValue('');
  await expect(page.getByText(/^1–50 of 400$/)).toBeVisible();
  await page.locator('a.row-link').first().click();
  await expect(page.getByRole('heading', { name: 'Timeline' })).toBeVisible();
  await page.screenshot({ path: `${dir}/detail.png`, fullPage: true });

  await page.getByRole('link', { name: 'New inquiry' }).click();
  await page.getByRole('button', { name: 'Save inquiry' }).click();
  await expect(page.getByText(/fields need attention/)).toBeVisible();
  await page.screenshot({ path: `${dir}/form-errors.png`, fullPage: true });
});
