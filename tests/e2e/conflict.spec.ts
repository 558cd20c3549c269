// Issue #8: two coordinators edit the same record; the second Save meets an alert beside Save, not at the page's top.
import type { Browser, Locator, Page } from '@playwright/test';
import { dispatch } from '../../db/api/dispatch';
import type { Core } from '../../db/services/core';
import { inquiryInput, patientInput } from '../core/support';
import { seriousViolations } from './axe';
import { E2E_PASSWORD, type E2eApp, expect, signIn, test } from './fixtures';

const VIEWPORT = { width: 1366, height: 768 };
const shots = 'tests/e2e/.artifacts';

/** As `username` through the core: what the test sets up is not what it is about. */
async function as(core: Core, username: string) {
  const session = { token: null as string | null };
  const r = await dispatch(core, session, 'auth.signIn', { username, password: E2E_PASSWORD });
  if (!r.ok) throw new Error(r.error.message);
  return async <T>(method: string, input: unknown): Promise<T> => {
    const out = await dispatch(core, session, method, input);
    if (!out.ok) throw new Error(`${method}: ${out.error.message}`);
    return out.value as T;
  };
}

/** The coordinators: Chen (seeded) and a second one, Mei, each to sign in from their own browser. */
async function twoCoordinators(app: E2eApp) {
  await app.seedAccounts();
  const admin = await as(app.core, 'admin');
  await admin('accounts.create', {
    username: 'mei',
    displayName: 'Mei Lin',
    role: 'coordinator',
    password: E2E_PASSWORD,
  });
  return as(app.core, 'coord');
}

/** A desk of its own (separate cookies and session), signed in and on `hash`. */
async function desk(browser: Browser, app: E2eApp, username: string, hash: string): Promise<Page> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  await page.goto(app.openUrl);
  await signIn(page, username);
  await expect(page.getByRole('navigation').first()).toBeVisible();
  await page.goto(`${app.url}/${hash}`);
  return page;
}

/** The alert sits just above the sticky Save bar, inside the window, and has focus. */
async function expectBesideSave(page: Page, alert: Locator) {
  await expect(alert).toBeFocused();
  const box = await alert.boundingBox();
  const bar = await page.locator('.form-footer').boundingBox();
  if (!box || !bar) throw new Error('alert or Save bar not laid out');
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.y + box.height).toBeLessThanOrEqual(bar.y + 1);
  expect(bar.y - (box.y + box.height)).toBeLessThan(40);
  expect(bar.y + bar.height).toBeLessThanOrEqual(VIEWPORT.height + 1);
}

/** The row of the changed-fields table for `label`: [their value, your value]. */
async function row(alert: Locator, label: string): Promise<string[]> {
  const r = alert.getByRole('row').filter({ has: alert.page().getByRole('rowheader', { name: label, exact: true }) });
  return (await r.getByRole('cell').allInnerTexts()).map((s) => s.trim());
}

test('a second coordinator saving a changed inquiry sees what changed beside Save, and loads theirs or keeps mine', async ({
  app,
  browser,
}) => {
  test.setTimeout(180_000);
  const chenCalls = await twoCoordinators(app);
  const { id } = await chenCalls<{ id: number }>('inquiries.create', inquiryInput());
  const edit = `#/inquiries/${id}/edit`;
  const chen = await desk(browser, app, 'coord', edit);
  const mei = await desk(browser, app, 'mei', edit);
  for (const p of [chen, mei]) await expect(p.getByLabel('Contact name')).toHaveValue('Olga Sokolova');

  // Chen saves a new contact name first.
  await chen.getByLabel('Contact name').fill('Olga Petrova');
  await chen.getByRole('button', { name: 'Save changes' }).click();
  await expect(chen.getByRole('heading', { name: 'Nikolai Sokolov' })).toBeVisible();

  // Mei, still on the version she opened, changes the message and saves.
  await mei.getByLabel('Message').fill('Please call after 6 pm.');
  await mei.getByRole('button', { name: 'Save changes' }).click();
  const alert = mei.getByRole('alert').filter({ hasText: 'Someone else saved this record' });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText('Chen Coordinator');
  await expect(alert).toContainText('after you opened this form. Nothing you typed has been lost.');
  expect(await row(alert, 'Contact name')).toEqual(['Olga Petrova', 'Olga Sokolova']);
  await expect(alert.getByRole('rowheader')).toHaveCount(1);
  await expectBesideSave(mei, alert);
  // The old top-of-form banner does not repeat it out of sight.
  await expect(mei.locator('.banner-error')).toHaveCount(0);
  await expect(mei.getByLabel('Message')).toHaveValue('Please call after 6 pm.');
  await mei.screenshot({ path: `${shots}/conflict-inquiry.png` });
  expect(await seriousViolations(mei, 'inquiry edit conflict')).toEqual([]);

  // Load their version: the form shows Chen's record, Mei's message is gone, focus returns to Save.
  await alert.getByRole('button', { name: 'Load their version (discard mine)' }).press('Enter');
  await expect(alert).toHaveCount(0);
  await expect(mei.getByLabel('Contact name')).toHaveValue('Olga Petrova');
  await expect(mei.getByLabel('Message')).toHaveValue('My father cannot walk without help.');
  await expect(mei.getByRole('button', { name: 'Save changes' })).toBeFocused();

  // Again: Chen changes where they heard of the clinic; Mei, built on Chen's first save, types her message again.
  await chen.goto(`${app.url}/${edit}`);
  await chen.getByLabel('How they heard of the clinic').fill('A neurologist in Almaty');
  await chen.getByRole('button', { name: 'Save changes' }).click();
  await expect(chen.getByRole('heading', { name: 'Nikolai Sokolov' })).toBeVisible();
  await mei.getByLabel('Message').fill('Please call after 6 pm.');
  await mei.getByRole('button', { name: 'Save changes' }).click();
  await expect(alert).toBeFocused();
  expect(await row(alert, 'How they heard of the clinic')).toEqual(['A neurologist in Almaty', 'A former patient']);

  // Keep my changes: what Mei typed stays, and the next Save goes through on Chen's version.
  await alert.getByRole('button', { name: 'Keep my changes' }).press('Enter');
  await expect(alert).toHaveCount(0);
  await expect(mei.getByLabel('Message')).toHaveValue('Please call after 6 pm.');
  await expect(mei.getByRole('button', { name: 'Save changes' })).toBeFocused();
  await mei.keyboard.press('Enter');
  await expect(mei.getByRole('heading', { name: 'Nikolai Sokolov' })).toBeVisible();
  const saved = await chenCalls<{ inquiry: { message: string; contactName: string; heardAbout: string } }>(
    'inquiries.get',
    { id },
  );
  expect(saved.inquiry).toMatchObject({
    message: 'Please call after 6 pm.',
    contactName: 'Olga Petrova',
    heardAbout: 'A former patient',
  });
});

test('the patient form shows the same alert, in Chinese for a coordinator who works in Chinese', async ({
  app,
  browser,
}) => {
  test.setTimeout(180_000);
  const chenCalls = await twoCoordinators(app);
  const meiCalls = await as(app.core, 'mei');
  await meiCalls('auth.setLanguage', { language: 'zh-CN' });
  const patient = await chenCalls<{ id: number }>('patients.create', patientInput());
  const edit = `#/patients/${patient.id}/edit`;
  const chen = await desk(browser, app, 'coord', edit);
  const mei = await desk(browser, app, 'mei', edit);
  await expect(chen.getByRole('textbox', { name: 'Address' })).toBeVisible();
  await expect(mei.getByRole('textbox', { name: '地址' })).toBeVisible();

  await chen.getByRole('textbox', { name: 'Phone', exact: true }).first().fill('+7 701 555 0199');
  await chen.getByRole('button', { name: 'Save changes' }).click();
  await expect(chen).toHaveURL(new RegExp(`#/patients/${patient.id}$`));

  await mei.getByRole('textbox', { name: '地址' }).fill('Almaty, Abay Ave 10');
  await mei.getByRole('button', { name: '保存修改' }).click();
  const alert = mei.getByRole('alert').filter({ hasText: '其他人保存了此记录' });
  await expect(alert).toBeVisible();
  await expectBesideSave(mei, alert);
  const phone = await row(alert, '电话');
  expect(phone[0]).toBe('+7 701 555 0199');
  await mei.screenshot({ path: `${shots}/conflict-patient-zh.png` });
  expect(await seriousViolations(mei, 'patient edit conflict (zh-CN)')).toEqual([]);

  await alert.getByRole('button', { name: '保留我的修改' }).click();
  await mei.getByRole('button', { name: '保存修改' }).click();
  await expect(mei).toHaveURL(new RegExp(`#/patients/${patient.id}$`));
  const saved = await chenCalls<{ patient: { address: string; phone: string } }>('patients.get', { id: patient.id });
  expect(saved.patient.address).toBe('Almaty, Abay Ave 10');
});

test('the owner / next follow-up form on the inquiry page shows the conflict beside its Save, focused', async ({
  app,
  browser,
}) => {
  test.setTimeout(180_000);
  const chenCalls = await twoCoordinators(app);
  const { id, version } = await chenCalls<{ id: number; version: number }>('inquiries.create', inquiryInput());
  const mei = await desk(browser, app, 'mei', `#/inquiries/${id}`);
  const assign = mei.getByRole('form', { name: 'Owner' });
  await expect(assign.getByLabel('Next follow-up')).toBeVisible();

  // Chen takes the inquiry on while Mei's page still shows it unassigned.
  const staff = await chenCalls<{ id: number; displayName: string }[]>('staff.list', {});
  const chenId = staff.find((s) => s.displayName === 'Chen Coordinator')?.id;
  await chenCalls('inquiries.assign', { id, version, ownerId: chenId, nextFollowUp: null });

  await assign.getByLabel('Next follow-up').fill('2030-05-06');
  const save = assign.getByRole('button', { name: 'Save', exact: true });
  await save.click();
  const alert = assign.getByRole('alert').filter({ hasText: 'Someone else saved this record' });
  await expect(alert).toBeFocused();
  await expect(alert).toContainText('Chen Coordinator');
  expect(await row(alert, 'Owner')).toEqual(['Chen Coordinator', '—']);
  await expect(alert.getByRole('rowheader')).toHaveCount(1);
  // Beside Save: just below its row, inside the window.
  const box = await alert.boundingBox();
  const button = await save.boundingBox();
  if (!box || !button) throw new Error('alert or Save not laid out');
  expect(box.y).toBeGreaterThan(button.y);
  expect(box.y - (button.y + button.height)).toBeLessThan(40);
  expect(box.y + box.height).toBeLessThanOrEqual(VIEWPORT.height + 1);
  await expect(assign.locator('.banner-error')).toHaveCount(0);
  await mei.screenshot({ path: `${shots}/conflict-assign.png` });
  expect(await seriousViolations(mei, 'assign conflict')).toEqual([]);

  // Keep my changes: focus returns to Save, and the save is built on Chen's version with what Mei's form holds (as the
  // table said: her owner, unassigned, and her date), as on the intake form.
  await alert.getByRole('button', { name: 'Keep my changes' }).press('Enter');
  await expect(alert).toHaveCount(0);
  await expect(save).toBeFocused();
  await mei.keyboard.press('Enter');
  await expect(mei.getByRole('form', { name: 'Owner' }).getByRole('status')).toHaveText('Saved.');
  const saved = await chenCalls<{ inquiry: { ownerId: number | null; nextFollowUp: string | null } }>('inquiries.get', {
    id,
  });
  expect(saved.inquiry).toMatchObject({ ownerId: null, nextFollowUp: '2030-05-06' });
});
