// The inquiry list draws only the rows near the screen (a keystroke's answer builds half the rows), yet the page keeps
// its full height, every row of it is reached by Tab and Shift+Tab, and screen readers hear the page's size.
import { seedClinic } from '../../db/seed/generate';
import { expect, test } from './fixtures';

const ROWS = 50;
/** The list's fixed row height (records.css, InquiryListScreen's ROW_HEIGHT). */
const ROW_HEIGHT = 45;

test('the inquiry list draws the rows near the screen, and the keyboard still walks the whole page', async ({
  app,
  page,
}) => {
  test.setTimeout(120_000);
  const seeded = await seedClinic(app.core, { inquiries: 80, patients: 25 });
  const coord = seeded.accounts.find((a) => a.username === 'coord.li');
  if (!coord) throw new Error('the demo has no coord.li');
  // The page's first fifty inquiries, newest first (the list's default order).
  const ids = (
    app.core.db.prepare('SELECT id FROM inquiries ORDER BY received_at DESC, id DESC LIMIT ?').all(ROWS) as {
      id: number;
    }[]
  ).map((r) => r.id);

  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(app.openUrl);
  await page.getByLabel('Username').fill(coord.username);
  await page.getByLabel('Password').fill(coord.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Inquiries', exact: true }).click();
  await expect(page.getByText('1–50 of 80', { exact: true })).toBeVisible();

  const table = page.getByRole('table');
  await expect(table).toHaveAttribute('aria-rowcount', String(ROWS + 1));
  const drawn = table.locator('tbody tr:not(.virtual-spacer)');
  await expect(drawn.first()).toHaveAttribute('aria-rowindex', '2');
  // A screenful and a few more, not the whole page; the rows not drawn still take their room (no jump on scrolling).
  expect(await drawn.count()).toBeLessThan(30);
  const height = await table.locator('tbody').evaluate((e) => e.getBoundingClientRect().height);
  expect(Math.abs(height - ROWS * ROW_HEIGHT)).toBeLessThan(2);

  // Tab from the first row down: each press reaches the next row's link, drawn by the time focus gets there.
  const focused = () =>
    page.evaluate(() => {
      const a = document.activeElement;
      const row = a?.closest('tbody tr');
      return row ? { row: Number(row.getAttribute('aria-rowindex')), href: a?.getAttribute('href') ?? '' } : null;
    });
  await drawn.first().getByRole('link').first().focus();
  const down: { row: number; href: string }[] = [];
  for (let at = await focused(); at !== null; at = await focused()) {
    down.push(at);
    await page.keyboard.press('Tab');
  }
  expect(down.map((d) => d.row)).toEqual(ids.map((_, i) => i + 2));
  expect(down.map((d) => d.href)).toEqual(ids.map((id) => `#/inquiries/${id}`));
  // Past the last row: the pager's Next.
  await expect(page.getByRole('button', { name: 'Next page' })).toBeFocused();

  // And back up with Shift+Tab, every row again, to the first.
  const up: number[] = [];
  await page.keyboard.press('Shift+Tab');
  for (let at = await focused(); at !== null; at = await focused()) {
    up.push(at.row);
    await page.keyboard.press('Shift+Tab');
  }
  expect(up).toEqual(ids.map((_, i) => i + 2).reverse());
});
