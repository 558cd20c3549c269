// axe-core over every main screen and state: no serious or critical WCAG 2.1 A/AA violation anywhere.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { DEMO_SIZE, seedClinic } from '../../db/seed/generate';
import { type E2eApp, expect, signIn, test } from './fixtures';

/** Called once per screen or state the walk reaches; `name` says which. */
export type ScreenCheck = (name: string) => Promise<void>;

function account(seeded: Awaited<ReturnType<typeof seedClinic>>, username: string) {
  const found = seeded.accounts.find((a) => a.username === username);
  if (!found) throw new Error(`the demo has no ${username}`);
  return found;
}

/**
 * Walks every main screen of a fresh app over the demo clinic and calls `check` on each. Kept apart from the test so
 * the same walk can run again in another language; `onSignIn` runs on the sign-in screen, e.g. to switch the language.
 */
export async function walkScreens(
  page: Page,
  app: E2eApp,
  check: ScreenCheck,
  onSignIn: (page: Page) => Promise<void> = async () => undefined,
): Promise<void> {
  await page.goto(app.openUrl);
  await expect(page.getByRole('heading', { name: 'Set up StrokeDesk' })).toBeVisible();
  await check('first-run setup');

  const seeded = await seedClinic(app.core, DEMO_SIZE);
  await page.goto(app.openUrl);
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await onSignIn(page);
  await check('sign-in');
  const coord = account(seeded, 'coord.li');
  await signIn(page, coord.username, coord.password);
  await expect(page.getByRole('heading', { name: 'Waiting for a first contact' })).toBeVisible();
  await check('home');

  await page.getByRole('link', { name: 'Inquiries' }).click();
  await expect(page.getByText(/^1–50 of 400$/)).toBeVisible();
  await check('inquiry list');

  const open = app.core.db.prepare("SELECT id FROM inquiries WHERE status = 'under_review' LIMIT 1").get() as { id: number };
  await page.goto(`${app.url}/#/inquiries/${open.id}`);
  await expect(page.getByRole('heading', { name: 'Timeline' })).toBeVisible();
  await check('inquiry detail');
  await page.getByRole('button', { name: 'Change status…' }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await check('status dialog');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);

  await page.getByRole('link', { name: 'New inquiry' }).click();
  await expect(page.getByRole('heading', { name: 'New inquiry' })).toBeVisible();
  await check('new inquiry');
  await page.getByRole('button', { name: 'Save inquiry' }).click();
  await expect(page.getByText(/fields need attention/)).toBeVisible();
  await check('new inquiry with errors');

  await page.getByRole('link', { name: 'Patients' }).click();
  await expect(page.getByText(/^1–50 of 90$/)).toBeVisible();
  await check('patient list');
  const patient = app.core.db
    .prepare('SELECT id FROM patients WHERE native_name IS NOT NULL AND id IN (SELECT patient_id FROM inquiries) LIMIT 1')
    .get() as { id: number };
  await page.goto(`${app.url}/#/patients/${patient.id}`);
  await expect(page.getByRole('heading', { name: 'Stroke history' })).toBeVisible();
  await check('patient record');
  await page.goto(`${app.url}/#/patients/${patient.id}/edit`);
  await expect(page.getByRole('button', { name: /^Save/ })).toBeVisible();
  await check('patient form');
  await page.goto(`${app.url}/#/patients/duplicates`);
  await expect(page.getByRole('button', { name: /^Keep / }).first()).toBeVisible();
  await check('duplicates');
  await page.goto(`${app.url}/#/import`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await check('import');

  await page.getByRole('link', { name: 'Inquiries' }).click();
  await page.keyboard.press('Control+k');
  await page.keyboard.type('wang');
  await expect(page.getByRole('option', { name: /Wang/ }).first()).toBeVisible();
  await check('global search open');
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: 'Sign out' }).click();
  const admin = account(seeded, 'admin');
  await signIn(page, admin.username, admin.password);
  await page.goto(`${app.url}/#/accounts`);
  await expect(page.getByRole('heading', { name: 'Staff accounts' })).toBeVisible();
  await check('admin accounts');
  await page.goto(`${app.url}/#/settings`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await check('settings');
}

/** Runs axe on the page as it is now and returns a readable line per serious or critical violation. */
export async function seriousViolations(page: Page, screen: string): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${screen}: ${v.id} (${v.impact}) at ${n.target.join(' ')} — ${n.failureSummary ?? ''}`));
}

test('no serious or critical accessibility violation on any main screen', async ({ app, page }) => {
  // Seeding the demo clinic and fifteen axe passes take minutes on a busy machine.
  test.setTimeout(600_000);
  const found: string[] = [];
  const screens: string[] = [];
  await walkScreens(page, app, async (name) => {
    screens.push(name);
    found.push(...(await seriousViolations(page, name)));
  });
  expect(screens.length).toBeGreaterThanOrEqual(15);
  expect(found, found.join('\n')).toEqual([]);
});
