// A phone intake by keyboard: how many Tab presses it takes, dates as the caller says them, an age kept as a birth year.
import type { Locator, Page } from '@playwright/test';
import { dispatch } from '../../db/api/dispatch';
import type { Inquiry } from '../../db/contract';
import type { Core } from '../../db/services/core';
import { inquiryInput } from '../core/support';
import { E2E_PASSWORD, expect, signIn, test } from './fixtures';

/** Keys pressed to move between fields: Tab presses, and Alt+n section jumps. */
interface Moves {
  tabs: number;
  jumps: number;
}

const holdsFocus = (target: Locator) =>
  target.evaluate((el) => el === document.activeElement || el.contains(document.activeElement));

/** Presses Tab until `target` has focus; counts the presses. */
async function tabTo(page: Page, target: Locator, moves: Moves): Promise<void> {
  for (let i = 0; i < 60; i += 1) {
    if (await holdsFocus(target)) return;
    await page.keyboard.press('Tab');
    moves.tabs += 1;
  }
  throw new Error('never reached the field by Tab');
}

/** Alt+n to the n-th section when the form has sections (this build), else Tab; then Tab on to `target`. */
async function jumpTo(page: Page, section: number, target: Locator, moves: Moves): Promise<void> {
  if ((await page.locator('[data-form-section]').count()) >= section) {
    await page.keyboard.press(`Alt+${section}`);
    moves.jumps += 1;
  }
  await tabTo(page, target, moves);
}

/** A select reached by keyboard: Enter opens it, typing jumps to the option, Enter picks it. */
async function pick(page: Page, option: string) {
  await page.keyboard.press('Enter');
  await expect(page.getByRole('listbox')).toBeVisible();
  await page.keyboard.type(option);
  await expect(page.getByRole('option', { name: option, exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('listbox')).toHaveCount(0);
}

const select = (page: Page, label: string) => page.getByRole('button', { name: new RegExp(` ${label}$`) }).first();

/**
 * The common phone call: who calls and their phone, the patient's name, sex and age, the diagnosis and roughly when,
 * the weak side, one symptom, the two consents; saved with Ctrl+S. Every move between fields is counted.
 */
async function phoneIntake(page: Page): Promise<Moves> {
  const moves: Moves = { tabs: 0, jumps: 0 };
  await expect(select(page, 'Channel')).toBeFocused();
  await pick(page, 'Phone');
  await tabTo(page, page.getByLabel('Contact name'), moves);
  await page.keyboard.type('Olga Sokolova');
  await tabTo(page, select(page, 'Relation to patient'), moves);
  await pick(page, 'Son or daughter');
  await tabTo(page, page.getByRole('textbox', { name: 'Phone', exact: true }), moves);
  await page.keyboard.type('+7 701 555 0142');
  const consents = async () => {
    await jumpTo(page, 4, page.getByRole('checkbox', { name: 'Agrees to be contacted' }), moves);
    await page.keyboard.press('Space');
    await tabTo(page, page.getByRole('checkbox', { name: 'Agrees to the processing of their data' }), moves);
    await page.keyboard.press('Space');
  };
  // The form before sections had the consents right after the contact's details; each form in its own order.
  const sectioned = (await page.locator('[data-form-section]').count()) > 0;
  if (!sectioned) await consents();
  await jumpTo(page, 2, page.getByLabel('Patient name'), moves);
  await page.keyboard.type('Nikolai Sokolov');
  await tabTo(page, select(page, 'Sex'), moves);
  await pick(page, 'Male');
  await tabTo(page, page.getByLabel('Age (if no date of birth)'), moves);
  await page.keyboard.type('64');
  await tabTo(page, select(page, 'Diagnosis'), moves);
  await pick(page, 'Ischemic stroke (cerebral infarction)');
  const onset = page.getByLabel('Date of stroke onset');
  await tabTo(page, onset, moves);
  // The old form had a date picker: month, day and year typed into its segments.
  await page.keyboard.type((await onset.getAttribute('type')) === 'date' ? '04012026' : '8 mo ago');
  const weakSide = select(page, 'Weak side');
  if ((await weakSide.count()) > 0) {
    await tabTo(page, weakSide, moves);
    await pick(page, 'Left side');
  }
  await tabTo(page, page.getByRole('checkbox', { name: 'Weakness on one side' }), moves);
  await page.keyboard.press('Space');
  if (sectioned) await consents();
  await page.keyboard.press('Control+s');
  return moves;
}

test('a phone intake by keyboard: few Tab presses, the onset "8 mo ago" saved and shown as approximate', async ({
  app,
  page,
}) => {
  await app.seedAccounts();
  await page.goto(app.openUrl);
  await signIn(page, 'coord');
  await expect(page.getByRole('heading', { name: 'Today', exact: true })).toBeVisible();
  await page.keyboard.press('Alt+N');
  await expect(page.getByRole('heading', { name: 'New inquiry' })).toBeVisible();

  const moves = await phoneIntake(page);
  console.log(`phone intake: ${moves.tabs} Tab presses, ${moves.jumps} section jumps`);
  await expect(page.getByRole('heading', { name: 'Nikolai Sokolov' })).toBeVisible();
  // Measured on the form before partial dates and sections (commit 95196cd): 26 Tab presses for this call.
  expect(moves.tabs + moves.jumps).toBeLessThanOrEqual(16);

  const saved = app.core.db
    .prepare('SELECT stroke_onset_date AS d, stroke_onset_approx AS a, weakness_side AS w FROM inquiries')
    .get();
  expect(saved).toEqual({ d: expect.stringMatching(/^\d{4}-\d{2}$/), a: 1, w: 'left' });
  await expect(page.getByText(/^≈ [A-Z][a-z]{2} \d{4} \(/)).toBeVisible();
  await expect(page.getByText('Left side', { exact: true })).toBeVisible();
});

test('a date the field cannot read is named under the field and kept as typed', async ({ app, page }) => {
  await app.seedAccounts();
  await page.goto(app.openUrl);
  await signIn(page, 'coord');
  await expect(page.getByRole('heading', { name: 'Today', exact: true })).toBeVisible();
  await page.keyboard.press('Alt+N');
  const onset = page.getByLabel('Date of stroke onset');
  await onset.fill('2026-04');
  await expect(page.getByText('April 2026', { exact: true })).toBeVisible();
  await onset.fill('8 mo ago');
  await expect(page.getByText(/^≈ [A-Z][a-z]+ \d{4} \(approximate\)$/)).toBeVisible();
  await onset.fill('last spring');
  await onset.press('Tab');
  await expect(
    page.getByText('Date of stroke onset: cannot read “last spring” as a date.', { exact: false }),
  ).toBeVisible();
  await expect(onset).toHaveValue('last spring');
  await expect(onset).toHaveAttribute('aria-invalid', 'true');
});

async function acceptedWithAge(core: Core): Promise<Inquiry> {
  const as = async (username: string, method: string, input: unknown) => {
    const session = { token: null as string | null };
    const signedIn = await dispatch(core, session, 'auth.signIn', { username, password: E2E_PASSWORD });
    if (!signedIn.ok) throw new Error(signedIn.error.message);
    const r = await dispatch(core, session, method, input);
    if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
    return r.value as Inquiry;
  };
  const fields = inquiryInput({
    receivedAt: '2026-03-10T09:00:00.000Z',
    patientBirthDate: null,
    patientAge: 64,
    weaknessSide: 'right',
  });
  let inquiry = await as('coord', 'inquiries.create', fields);
  for (const to of ['contacted', 'under_review'] as const) {
    inquiry = await as('coord', 'inquiries.changeStatus', {
      id: inquiry.id,
      version: inquiry.version,
      to,
      reason: null,
    });
  }
  return as('doctor', 'inquiries.changeStatus', {
    id: inquiry.id,
    version: inquiry.version,
    to: 'accepted',
    reason: null,
  });
}

test('converting an inquiry that gave an age keeps an estimated birth year, in the list and on the record', async ({
  app,
  page,
}) => {
  await app.seedAccounts();
  const inquiry = await acceptedWithAge(app.core);
  await page.goto(app.openUrl);
  await signIn(page, 'coord');
  await page.goto(`${app.url}/#/inquiries/${inquiry.id}`);
  await page.getByRole('link', { name: 'Convert to patient' }).click();
  await expect(page.getByLabel('Date of birth')).toHaveValue('~1962');
  await page.getByRole('button', { name: 'Register and convert' }).click();
  await expect(page.getByRole('heading', { name: 'Sokolov Nikolai' })).toBeVisible();
  await expect(page.getByText('≈ 1962 (estimated, 64 years)', { exact: true })).toBeVisible();
  await expect(page.getByText('Right side', { exact: true })).toBeVisible();

  await page.getByRole('link', { name: 'Patients', exact: true }).click();
  const born = page.getByRole('cell', { name: '≈ 1962', exact: true });
  await expect(born).toBeVisible();
  await expect(born).toHaveAttribute('title', 'estimated');
});
