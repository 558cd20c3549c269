// Today and the code pickers end to end: follow-ups fit their panels, a doctor's review queue, Armenia by typing.
import { clinicToday } from '../../db/services/core';
import { apiAs, expect, signIn, test } from './fixtures';

const inquiry = (n: number, patch: Record<string, unknown> = {}) => ({
  receivedAt: new Date(Date.now() - (40 - n) * 3_600_000).toISOString(),
  channel: 'email',
  contactName: `Contact ${n}`,
  contactRelation: 'child',
  contactEmail: `family${n}@example.org`,
  contactPhone: null,
  messagingHandle: null,
  country: 'AM',
  preferredLanguage: 'hy',
  patientName: `Patient Number ${n}`,
  patientSex: 'female',
  patientBirthDate: null,
  patientAge: 60,
  diagnosis: 'ischemic',
  strokeOnsetDate: null,
  symptoms: [],
  conditions: [],
  conditionsOther: null,
  message: null,
  heardAbout: null,
  consentContact: true,
  consentDataProcessing: true,
  ownerId: null,
  nextFollowUp: null,
  ...patch,
});

test("a coordinator's Today shows all 12 due follow-ups, each with its last activity and next step, without an inner scrollbar", async ({
  app,
  page,
}) => {
  const { coord } = await app.seedAccounts();
  const call = await apiAs(app, 'coord');
  const today = clinicToday(app.core);
  for (let n = 1; n <= 12; n += 1) {
    const { id } = await call<{ id: number }>(
      'inquiries.create',
      inquiry(n, { ownerId: coord.id, nextFollowUp: today }),
    );
    await call('inquiries.addActivity', {
      id,
      kind: 'call',
      summary: `Spoke with the family about records, call ${n}`,
      at: null,
    });
  }
  await page.goto(app.openUrl);
  await signIn(page, 'coord');
  const panel = page.getByRole('region', { name: /Follow-ups due today/ });
  await expect(panel.getByRole('listitem')).toHaveCount(12);
  await expect(panel.getByRole('listitem').first()).toContainText('Spoke with the family about records');
  await expect(panel.getByRole('listitem').first()).toContainText('Next: ask for the medical records');
  const list = panel.locator('ul.worklist');
  const { scrollHeight, clientHeight } = await list.evaluate((el) => ({
    scrollHeight: el.scrollHeight,
    clientHeight: el.clientHeight,
  }));
  expect(scrollHeight).toBeLessThanOrEqual(clientHeight);
  const whole = await panel.evaluate((el) => ({ scrollHeight: el.scrollHeight, clientHeight: el.clientHeight }));
  expect(whole.scrollHeight).toBeLessThanOrEqual(whole.clientHeight);
  // A coordinator has no review queue on Today.
  await expect(page.getByRole('region', { name: /Waiting for my review/ })).toHaveCount(0);
});

test('a long Today panel opens with its first 12 rows, and Show all brings the rest of them', async ({ app, page }) => {
  const { coord } = await app.seedAccounts();
  const call = await apiAs(app, 'coord');
  const today = clinicToday(app.core);
  for (let n = 1; n <= 30; n += 1) {
    await call('inquiries.create', inquiry(n, { ownerId: coord.id, nextFollowUp: today }));
  }
  await page.goto(app.openUrl);
  await signIn(page, 'coord');
  const panel = page.getByRole('region', { name: /Follow-ups due today/ });
  await expect(panel.getByRole('listitem')).toHaveCount(12);
  await expect(panel.locator('.count')).toHaveText('30');
  // By keyboard: the button goes once the rows come, and the keyboard's place is the first row it brought.
  await panel.getByRole('button', { name: 'Show all 30' }).focus();
  await page.keyboard.press('Enter');
  await expect(panel.getByRole('listitem')).toHaveCount(30);
  await expect(panel.getByRole('button', { name: /Show all/ })).toHaveCount(0);
  await expect(panel.getByRole('listitem').nth(12).getByRole('link')).toBeFocused();
});

test("a doctor's Today shows the inquiries waiting for review, longest waiting first", async ({ app, page }) => {
  await app.seedAccounts();
  const call = await apiAs(app, 'coord');
  for (const n of [1, 2, 3]) {
    let i = await call<{ id: number; version: number }>('inquiries.create', inquiry(n));
    if (n === 3) continue; // Patient 3 stays new: not waiting for review.
    for (const to of ['contacted', 'under_review']) {
      i = await call('inquiries.changeStatus', { id: i.id, version: i.version, to, reason: null });
    }
  }
  await page.goto(app.openUrl);
  await signIn(page, 'doctor');
  const queue = page.getByRole('region', { name: /Waiting for my review/ });
  await expect(queue.getByRole('listitem')).toHaveCount(2);
  await expect(queue.getByRole('listitem').nth(0)).toContainText('Patient Number 1');
  await expect(queue.getByRole('listitem').nth(1)).toContainText('Patient Number 2');
  await expect(queue.getByRole('listitem').nth(0)).toContainText('Next: decide on eligibility');
  await expect(queue.getByRole('listitem').nth(0)).toContainText(/Waiting \d+ min/);
});

test('a coordinator picks Armenia by typing, on the intake form and in the list filter', async ({ app, page }) => {
  await app.seedAccounts();
  const call = await apiAs(app, 'coord');
  await call('inquiries.create', inquiry(1));
  await call('inquiries.create', inquiry(2, { country: 'NP', preferredLanguage: 'ne' }));
  await page.goto(app.openUrl);
  await signIn(page, 'coord');
  // The shortcut lives in the app shell: wait for it to be there (Today now loads more panels before it paints).
  await expect(page.getByRole('heading', { name: 'Today', level: 1 })).toBeVisible();
  await page.keyboard.press('Alt+N');
  await expect(page.getByRole('heading', { name: 'New inquiry' })).toBeVisible();
  const country = page.getByRole('combobox', { name: 'Country' });
  await country.focus();
  await page.keyboard.type('arm');
  await expect(page.getByRole('option')).toHaveText(['Armenia']);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(country).toHaveValue('Armenia');
  const language = page.getByRole('combobox', { name: 'Preferred language' });
  await language.focus();
  await page.keyboard.type('georg');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(language).toHaveValue('Georgian');

  // The half-typed intake is kept as a draft: leaving asks first.
  await page.goto(`${app.url}/#/inquiries`);
  await page.getByRole('button', { name: 'Leave' }).click();
  const filter = page.getByRole('combobox', { name: 'Country' });
  await filter.focus();
  await page.keyboard.type('nep');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('row', { name: /Patient Number 2/ })).toBeVisible();
  await expect(page.getByRole('row', { name: /Patient Number 1/ })).toHaveCount(0);
});
