// Drafts end to end: half-typed forms come back after a reload, leaving asks first, a save drops the draft, and one
// person's draft is never another's.
import type { Page } from '@playwright/test';
import { expect, signIn, test } from './fixtures';

/** Picks an option of a select with the keyboard alone (as in inquiries.spec.ts). */
async function choose(page: Page, label: string, option: string) {
  const trigger = page.getByRole('button', { name: new RegExp(`${label}`) }).first();
  await trigger.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('listbox')).toBeVisible();
  await page.keyboard.type(option);
  await expect(page.getByRole('option', { name: option, exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('listbox')).toHaveCount(0);
}

/** The drafts the core keeps for an account, straight from the database the host serves. */
const draftKeys = (
  app: { core: { db: { prepare(s: string): { all(...a: unknown[]): unknown[] } } } },
  accountId: number,
) =>
  (
    app.core.db.prepare('SELECT form_key FROM form_drafts WHERE account_id = ? ORDER BY form_key').all(accountId) as {
      form_key: string;
    }[]
  ).map((r) => r.form_key);

test('a half-typed intake comes back after a reload, with a notice and a way to discard it', async ({ app, page }) => {
  const { coord, doctor } = await app.seedAccounts();
  await page.goto(app.openUrl);
  await signIn(page, 'coord');
  await page.getByRole('link', { name: 'New inquiry' }).click();
  await expect(page.getByRole('heading', { name: 'New inquiry' })).toBeVisible();
  await page.getByLabel('Contact name').fill('Olga Sokolova');
  await page.getByLabel('Patient name').fill('Nikolai Sokolov');
  await expect(page.getByText(/^Draft kept at /)).toBeVisible();
  expect(draftKeys(app, coord.id)).toEqual(['inquiry:new']);

  // The browser asks before a reload drops a dirty form; saying yes reloads, and the draft brings the values back.
  page.on('dialog', (dialog) => void dialog.accept());
  await page.reload();
  await expect(page.getByLabel('Contact name')).toHaveValue('Olga Sokolova');
  await expect(page.getByLabel('Patient name')).toHaveValue('Nikolai Sokolov');
  await expect(page.getByRole('status').filter({ hasText: /^Restored what you typed on / })).toBeVisible();

  // Today lists it as an unsaved draft that leads back into the form.
  await page.getByRole('link', { name: 'Today' }).click();
  await expect(page.getByRole('alertdialog', { name: 'Leave this form?' })).toBeVisible();
  await page.getByRole('button', { name: 'Leave' }).click();
  const drafts = page.getByRole('region', { name: /Unsaved drafts/ });
  await expect(drafts.getByRole('link', { name: 'New inquiry' })).toBeVisible();
  await drafts.getByRole('link', { name: 'New inquiry' }).click();
  await expect(page.getByLabel('Patient name')).toHaveValue('Nikolai Sokolov');

  // Discarding puts the form back as it opened and the core keeps nothing.
  await page.getByRole('button', { name: 'Discard draft' }).click();
  await expect(page.getByLabel('Patient name')).toHaveValue('');
  await expect.poll(() => draftKeys(app, coord.id)).toEqual([]);

  // A second person never sees the first person's draft.
  await page.getByLabel('Patient name').fill('Only for Chen');
  await expect.poll(() => draftKeys(app, coord.id)).toEqual(['inquiry:new']);
  // Signing out is its own decision: it asks nothing, and the draft stays the coordinator's.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByLabel('Username')).toBeVisible();
  expect(draftKeys(app, coord.id)).toEqual(['inquiry:new']);
  await signIn(page, 'doctor');
  await page.goto(`${app.url}/#/inquiries/new`);
  await expect(page.getByRole('heading', { name: 'New inquiry' })).toBeVisible();
  await expect(page.getByLabel('Patient name')).toHaveValue('');
  await expect(page.getByText(/^Restored what you typed/)).toHaveCount(0);
  expect(draftKeys(app, doctor.id)).toEqual([]);
});

test('leaving a dirty patient form asks first; Stay keeps you, Leave goes; after saving the draft is gone', async ({
  app,
  page,
}) => {
  const { coord } = await app.seedAccounts();
  await page.goto(app.openUrl);
  await signIn(page, 'coord');
  await page.goto(`${app.url}/#/patients/new`);
  await expect(page.getByRole('heading', { name: 'Register patient' })).toBeVisible();

  // An untouched form lets you go without a word.
  await page.getByRole('link', { name: 'Inquiries' }).click();
  await expect(page).toHaveURL(/#\/inquiries$/);
  await page.goto(`${app.url}/#/patients/new`);
  await page.getByLabel('Family name').fill('Sokolov');

  await page.getByRole('link', { name: 'Inquiries' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Leave this form?' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Stay' })).toBeFocused();
  // Focus stays inside the dialog.
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Leave' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Stay' })).toBeFocused();
  await dialog.getByRole('button', { name: 'Stay' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page).toHaveURL(/#\/patients\/new$/);
  await expect(page.getByLabel('Family name')).toHaveValue('Sokolov');

  await page.getByRole('link', { name: 'Inquiries' }).click();
  await dialog.getByRole('button', { name: 'Leave' }).click();
  await expect(page).toHaveURL(/#\/inquiries$/);
  await expect(page.getByRole('heading', { name: 'Inquiries', exact: true })).toBeVisible();
  await expect.poll(() => draftKeys(app, coord.id)).toEqual(['patient:new']);

  // Back in the form, finished and saved: the draft goes with the save, and leaving asks nothing.
  await page.goto(`${app.url}/#/patients/new`);
  await expect(page.getByLabel('Family name')).toHaveValue('Sokolov');
  await page.getByLabel('Given name').fill('Nikolai');
  await choose(page, 'Sex', 'Male');
  await choose(page, 'Stroke type', 'Unknown');
  await page.getByRole('button', { name: 'Register patient' }).click();
  await expect(page.getByRole('heading', { name: 'Sokolov Nikolai' })).toBeVisible();
  await expect(page.getByRole('alertdialog')).toHaveCount(0);
  expect(draftKeys(app, coord.id)).toEqual([]);
  await page.goto(`${app.url}/#/patients/new`);
  await expect(page.getByLabel('Family name')).toHaveValue('');
});
