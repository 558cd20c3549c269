// The inquiry pipeline end to end: intake through the form, search, activities, status changes, refusals, reload.
import type { Page } from '@playwright/test';
import { expect, signIn, test } from './fixtures';

/** The options a select offers, read with it open, then closed again. */
async function optionsOf(page: Page, label: string): Promise<string[]> {
  await page
    .getByRole('button', { name: new RegExp(`${label}`) })
    .first()
    .focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('listbox')).toBeVisible();
  const options = await page.getByRole('option').allInnerTexts();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('listbox')).toHaveCount(0);
  return options.map((o) => o.trim());
}

/** Picks an option of a select with the keyboard alone: focus it, open with Enter, type to jump, Enter to choose. */
async function choose(page: Page, label: string, option: string) {
  const trigger = page.getByRole('button', { name: new RegExp(`${label}`) }).first();
  await trigger.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('listbox')).toBeVisible();
  await page.keyboard.type(option);
  await expect(page.getByRole('option', { name: option, exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('listbox')).toHaveCount(0);
  await expect(trigger).toContainText(option);
}

test('a coordinator records an inquiry and works it through the pipeline', async ({ app, page }) => {
  await app.seedAccounts();
  await page.goto(app.openUrl);
  await signIn(page, 'coord');
  await expect(page.getByRole('heading', { name: 'Today', exact: true })).toBeVisible();

  // Alt+N opens the intake form from anywhere.
  await page.keyboard.press('Alt+N');
  await expect(page.getByRole('heading', { name: 'New inquiry' })).toBeVisible();
  await choose(page, 'Channel', 'Phone');
  await page.getByLabel('Contact name').fill('Olga Sokolova');
  await choose(page, 'Relation to patient', 'Son or daughter');
  await page.getByRole('textbox', { name: 'Phone', exact: true }).fill('+7 701 555 0142');
  // Submit with a missing patient name: the field says so, and what was typed stays.
  await page.getByRole('button', { name: 'Save inquiry' }).click();
  await expect(page.getByText('fields need attention before saving')).toBeVisible();
  await expect(page.getByLabel('Patient name'))
    .toBeFocused({ timeout: 2000 })
    .catch(() => undefined);
  await expect(page.getByLabel('Contact name')).toHaveValue('Olga Sokolova');
  await expect(page.getByLabel('Patient name')).toHaveAttribute('aria-invalid', 'true');

  await page.getByLabel('Patient name').fill('Nikolai Sokolov');
  await choose(page, 'Sex', 'Male');
  await page.getByLabel('Date of birth', { exact: true }).fill('1958-04-12');
  await choose(page, 'Diagnosis', 'Ischemic stroke (cerebral infarction)');
  await page.getByLabel('Date of stroke onset').fill('2025-09-03');
  await page.getByRole('checkbox', { name: 'Weakness on one side' }).press('Space');
  await page.getByRole('checkbox', { name: 'Trouble walking' }).press('Space');
  await expect(page.getByRole('checkbox', { name: 'Trouble walking' })).toBeChecked();
  await page.getByLabel('Message', { exact: true }).fill('My father cannot walk without help since the stroke.');
  // Ctrl+S saves from inside the form.
  await page.getByLabel('Message', { exact: true }).press('Control+s');

  await expect(page.getByRole('heading', { name: 'Nikolai Sokolov' })).toBeVisible();
  await expect(page.getByText('New', { exact: true }).first()).toBeVisible();

  // Find it by part of the phone number, then by part of the name.
  await page.getByRole('link', { name: 'Inquiries' }).click();
  await page.getByLabel('Search', { exact: true }).fill('5550');
  await expect(page.getByRole('link', { name: 'Nikolai Sokolov' })).toBeVisible();
  await page.getByLabel('Search', { exact: true }).fill('sokol');
  await expect(page.getByText('1–1 of 1')).toBeVisible();
  await page.getByRole('link', { name: 'Nikolai Sokolov' }).click();

  // Logging the first call ends the wait for first contact and moves it to Contacted.
  await page.getByLabel('What happened').fill('Called Olga; she will send the MRI report.');
  await page.getByRole('button', { name: 'Add to timeline' }).click();
  await expect(page.getByText('Status: New → Contacted')).toBeVisible();
  await expect(page.getByText(/First contact after/)).toBeVisible();

  for (const status of ['Awaiting records', 'Under review']) {
    await page.getByRole('button', { name: `Move to ${status}` }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Change status' }).click();
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await expect(page.locator('.header-badges').getByText(status)).toBeVisible();
  }

  // Accepting and declining are a doctor's decision: a coordinator is offered neither (nor the current status).
  await page.getByRole('button', { name: 'Change status…' }).click();
  expect(await optionsOf(page, 'New status')).toEqual(['Awaiting records', 'Closed']);
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();

  await page.getByLabel('Kind').focus();
  await page.getByLabel('What happened').fill('MRI report received; passed to Dr. Doctor.');
  await choose(page, 'Kind', 'Note');
  await page.getByRole('button', { name: 'Add to timeline' }).click();
  await expect(page.getByText('MRI report received; passed to Dr. Doctor.')).toBeVisible();

  // Everything is still there after a reload.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Nikolai Sokolov' })).toBeVisible();
  await expect(page.locator('.header-badges').getByText('Under review')).toBeVisible();
  await expect(page.getByText('Called Olga; she will send the MRI report.')).toBeVisible();
  await expect(page.getByText('MRI report received; passed to Dr. Doctor.')).toBeVisible();
  await expect(page.getByText('Status: Awaiting records → Under review')).toBeVisible();

  // Saving the next follow-up says so beside the button, in a polite live region.
  const assignment = page.getByRole('form', { name: 'Owner' });
  await expect(assignment.getByRole('status')).toHaveText('');
  await assignment.getByLabel('Next follow-up').fill('2030-01-15');
  await assignment.getByRole('button', { name: 'Save' }).click();
  await expect(assignment.getByRole('status')).toHaveText('Saved.');
  await expect(assignment.getByRole('status')).toHaveAttribute('aria-live', 'polite');

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
});

test('the status dialog offers only the allowed next steps, and a reason is asked for', async ({ app, page }) => {
  await app.seedAccounts();
  await page.goto(app.openUrl);
  await signIn(page, 'doctor');
  await page.getByRole('link', { name: 'New inquiry' }).click();
  await choose(page, 'Channel', 'E-mail');
  await page.getByLabel('Contact name').fill('Ahmed Al Harbi');
  await choose(page, 'Relation to patient', 'The patient');
  await page.getByRole('textbox', { name: 'E-mail', exact: true }).fill('ahmed.alharbi@example.org');
  await page.getByLabel('Patient name').fill('Ahmed Al Harbi');
  await choose(page, 'Sex', 'Male');
  await page.getByLabel('Age (if no date of birth)').fill('61');
  await choose(page, 'Diagnosis', 'Hemorrhagic stroke (cerebral hemorrhage)');
  await page.getByRole('button', { name: 'Save inquiry' }).click();
  await expect(page.getByRole('heading', { name: 'Ahmed Al Harbi' })).toBeVisible();

  // Only what this doctor may choose from New: never New itself, never Converted (its own action), no jump ahead.
  await page.getByRole('button', { name: 'Change status…' }).click();
  expect(await optionsOf(page, 'New status')).toEqual(['Contacted', 'Declined', 'Closed']);
  // Closing needs a reason; the field says so.
  await choose(page, 'New status', 'Closed');
  await page.getByRole('dialog').getByRole('button', { name: 'Change status' }).click();
  await expect(page.getByRole('dialog').getByText('Say why the inquiry is closed')).toBeVisible();
  await page.getByRole('dialog').getByLabel('Reason').fill('Family chose treatment closer to home');
  await page.getByRole('dialog').getByRole('button', { name: 'Change status' }).click();
  await expect(page.locator('.header-badges').getByText('Closed')).toBeVisible();
  await expect(page.getByText('This inquiry is finished.')).toBeVisible();
});
