// Adverse events end to end: a doctor records a grade-2 headache after lumbar puncture linked to transplant #1, sees
// it open on the patient page and on the home screen, is asked for a follow-up date at grade 3 (nothing typed lost),
// resolves it; axe finds nothing serious on the form and the event; once in Chinese.
import type { Page } from '@playwright/test';
import type { Course, Patient, Procedure, Room } from '../../db/contract';
import { clinicToday } from '../../db/services/core';
import { patientInput } from '../core/support';
import { seriousViolations } from './axe';
import { type E2eApp, apiAs, expect, signIn, test } from './fixtures';

const SHOTS = 'tests/e2e/.artifacts/screens';
const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** A patient admitted yesterday with treatment consent, and transplant #1 (lumbar puncture) completed yesterday. */
async function patientWithTransplant(app: E2eApp): Promise<Patient> {
  const { coord } = await app.seedAccounts();
  const admin = await apiAs(app, 'admin');
  const call = await apiAs(app, 'coord');
  const doctor = await apiAs(app, 'doctor');
  const room = await admin<Room>('rooms.create', { name: 'Procedure room 1' });
  const today = clinicToday(app.core);
  const yesterday = addDays(today, -1);
  const patient = await call<Patient>('patients.create', patientInput({ passportNumber: null }));
  const course = await call<Course>('courses.create', {
    patientId: patient.id,
    fields: {
      plannedAdmission: yesterday,
      plannedDischarge: addDays(today, 10),
      baselineSeverity: null,
      plannedTransplants: 2,
      plannedRoutes: ['intrathecal'],
      allergies: null,
      notes: null,
    },
  });
  await call('courses.transition', {
    id: course.id,
    version: course.version,
    to: 'admitted',
    reason: null,
    on: yesterday,
  });
  await call('consents.record', { courseId: course.id, type: 'treatment', givenOn: yesterday, takenById: coord.id });
  const doctorId = (await doctor<{ user: { id: number } }>('auth.status', {})).user.id;
  const one = await call<Procedure>('procedures.book', {
    courseId: course.id,
    typeId: 1,
    roomId: room.id,
    doctorId,
    startsAt: new Date(`${yesterday}T10:00:00+08:00`).toISOString(),
    endsAt: new Date(`${yesterday}T11:00:00+08:00`).toISOString(),
  });
  await doctor('procedures.complete', {
    id: one.id,
    version: one.version,
    product: 'UC-MSC',
    lotNumber: 'LOT-2026-0042',
    dose: 50,
    doseUnit: 'million_cells',
    route: 'intrathecal',
    performedStart: one.startsAt,
    performedEnd: one.endsAt,
    notes: null,
  });
  return patient;
}

/** Opens a react-aria select (its button is named by its value, then its label) by its label from the keyboard and picks the option. */
async function choose(page: Page, label: string, option: string | RegExp) {
  const button = page.getByRole('button', { name: new RegExp(`${label}$`) });
  await button.focus();
  await page.keyboard.press('Enter');
  await page.getByRole('option', { name: option }).click();
}

test('a doctor records a grade-2 headache after transplant #1, sees it open, and resolves it', async ({
  app,
  page,
}) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  const patient = await patientWithTransplant(app);
  await page.goto(app.openUrl);
  await signIn(page, 'doctor');
  await expect(page.locator('.shell')).toBeVisible();
  await page.goto(`${app.url}/#/patients/${patient.id}`);
  const panel = page.getByRole('region', { name: /Adverse events/ });
  await expect(panel.getByText('No adverse events recorded.')).toBeVisible();
  await panel.getByRole('link', { name: 'Record adverse event' }).focus();
  await page.keyboard.press('Enter');

  await expect(page.getByRole('heading', { level: 1, name: 'Record adverse event' })).toBeVisible();
  await choose(page, 'After procedure', /Transplant #1 — .*, Lumbar puncture/);
  await choose(page, 'Category', 'Headache after lumbar puncture');
  await page.getByLabel('Description').fill('Postural headache, worse when sitting up');
  // Every grade is shown with its CTCAE meaning.
  await expect(page.getByRole('radio', { name: /Grade 1 — Mild Asymptomatic/ })).toBeAttached();
  await expect(page.getByText('Life-threatening consequences; urgent intervention indicated.')).toBeVisible();
  await expect(page.getByRole('radio', { name: /Grade 5 — Death Death related/ })).toBeDisabled();
  await page.getByRole('radio', { name: /Grade 3 — Severe/ }).focus();
  await page.keyboard.press('Space');
  await choose(page, 'Related to the treatment', 'Probable');
  await page.getByLabel('Action taken').fill('Bed rest, fluids, paracetamol');
  await page.getByRole('button', { name: 'Record adverse event' }).click();
  // Grade 3 without a follow-up date: said at the field, by name; nothing typed is lost.
  const followUp = page.getByLabel('Follow-up date');
  await expect(followUp).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Required for grade 3 or higher, or a serious event', { exact: true })).toBeVisible();
  await expect(followUp).toBeFocused();
  await expect(page.getByLabel('Description')).toHaveValue('Postural headache, worse when sitting up');
  await expect(page.getByRole('button', { name: /Category$/ })).toContainText('Headache after lumbar puncture');
  await expect(page.getByRole('button', { name: /After procedure$/ })).toContainText('Transplant #1');
  expect(await seriousViolations(page, 'adverse event form')).toEqual([]);
  await page.screenshot({ path: `${SHOTS}/adverse-event-form.png` });

  // It is grade 2 after all: the follow-up date is no longer asked.
  await page.getByRole('radio', { name: /Grade 2 — Moderate/ }).focus();
  await page.keyboard.press('Space');
  await expect(followUp).toHaveCount(0);
  await page.getByLabel('Action taken').focus();
  await page.keyboard.press('Control+s');

  await expect(page.getByRole('heading', { level: 1, name: 'Headache after lumbar puncture' })).toBeVisible();
  const facts = page.getByRole('region', { name: 'The event' });
  await expect(facts).toContainText('Grade 2');
  await expect(facts).toContainText(/Transplant #1 — .*, Lumbar puncture/);
  await expect(facts).toContainText('Probable');
  expect(await seriousViolations(page, 'adverse event')).toEqual([]);
  await page.screenshot({ path: `${SHOTS}/adverse-event.png` });

  // Open on the patient page and on the doctor's home.
  await page.goto(`${app.url}/#/patients/${patient.id}`);
  await expect(panel.getByRole('link', { name: /Headache after lumbar puncture/ })).toBeVisible();
  await expect(panel).toContainText('1 open');
  await page.getByRole('link', { name: 'Today' }).click();
  const home = page.getByRole('region', { name: /Open adverse events/ });
  await expect(home.getByRole('link', { name: /Sokolov.*Headache after lumbar puncture/ })).toBeVisible();
  await home.getByRole('link', { name: /Headache after lumbar puncture/ }).click();

  // Resolved today: it leaves the open lists.
  await page.getByRole('button', { name: 'Resolve…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Resolve adverse event' });
  await expect(dialog.getByLabel('Resolution date')).toBeFocused();
  await dialog.getByRole('button', { name: 'Resolve' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'The event' })).toContainText('Resolved on');
  await expect(page.getByRole('button', { name: 'Resolve…' })).toHaveCount(0);
  await page.getByRole('link', { name: 'Today' }).click();
  await expect(home.getByText('No open adverse events.')).toBeVisible();
});

test('the record form in Chinese: the CTCAE grades in Chinese, and nothing serious for axe', async ({ app, page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  const patient = await patientWithTransplant(app);
  await page.goto(app.openUrl);
  await signIn(page, 'doctor');
  await expect(page.locator('.shell')).toBeVisible();
  await page.locator('.sidebar-footer').getByRole('button', { name: '中文', exact: true }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await page.goto(`${app.url}/#/patients/${patient.id}/adverse-events/new`);
  await expect(page.getByRole('heading', { level: 1, name: '记录不良事件' })).toBeVisible();
  for (const grade of ['1 级 — 轻度', '2 级 — 中度', '3 级 — 重度', '4 级 — 危及生命', '5 级 — 死亡']) {
    await expect(page.getByRole('radio', { name: new RegExp(grade) })).toBeAttached();
  }
  await page.getByRole('button', { name: '记录不良事件' }).click();
  await expect(page.getByText('必填').first()).toBeVisible();
  expect(await seriousViolations(page, 'adverse event form (zh-CN)')).toEqual([]);
  await page.screenshot({ path: `${SHOTS}/adverse-event-form-zh.png` });
});
