// Smoke: the built screens load from the loopback host on an empty database, under the strict CSP, without errors.
import { expect, test } from './fixtures';

test('opening the app on an empty database shows StrokeDesk', async ({ app, page }) => {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  await page.goto(app.openUrl);
  await expect(page).toHaveTitle(/StrokeDesk/);
  await expect(page).toHaveURL(`${app.url}/`);
  // The token is in the HttpOnly cookie now, not in the address bar or readable by scripts.
  expect(await page.evaluate(() => document.cookie)).toBe('');
  await expect(page.locator('body')).not.toBeEmpty();
  expect(problems).toEqual([]);
});
