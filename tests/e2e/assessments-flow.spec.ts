// Issue #10 end to end, by visible labels and the keyboard only: a doctor enters a baseline NIHSS and Barthel for a
// patient whose transplant #1 is done, reloads half-way and finds the draft intact, signs, amends the Barthel with a
// reason and sees both versions, records a grade-2 headache after transplant #1, and sees the Barthel chart with its
// two points (the later one signed through the API) and the adverse event on its time axis.
import type { Locator, Page } from '@playwright/test';
import { type Assessment, BARTHEL_V1, type Course, type Patient, type Procedure, type Room } from '../../db/contract';
import { clinicToday } from '../../db/services/core';
import { patientInput } from '../core/support';
import { seriousViolations } from './axe';
import { type E2eApp, E2E_PASSWORD, apiAs, expect, test } from './fixtures';

const SHOTS = 'tests/e2e/.artifacts/screens';
const REASON = 'Bathing re-checked with the ward nurse';

const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** A patient admitted 12 days ago, with transplant #1 (lumbar puncture) performed 10 days ago. */
async function setUp(app: E2eApp) {
  const { coord } = await app.seedAccounts();
  const admin = await apiAs(app, 'admin');
  const call = await apiAs(app, 'coord');
  const doctor = await apiAs(app, 'doctor');
  const room = await admin<Room>('rooms.create', { name: 'Procedure room 1' });
  const today = clinicToday(app.core);
  const patient = await call<Patient>('patients.create', patientInput({ familyName: 'Orlova', givenName: 'Vera' }));
  const course = await call<Course>('courses.create', {
    patientId: patient.id,
    fields: {
      plannedAdmission: addDays(today, -12),
      plannedDischarge: addDays(today, 5),
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
    on: addDays(today, -12),
  });
  await call('consents.record', {
    courseId: course.id,
    type: 'treatment',
    givenOn: addDays(today, -12),
    takenById: coord.id,
  });
  const doctorId = (await doctor<{ user: { id: number } }>('auth.status', {})).user.id;
  const day = addDays(today, -10);
  const one = await call<Procedure>('procedures.book', {
    courseId: course.id,
    typeId: 1,
    roomId: room.id,
    doctorId,
    startsAt: new Date(`${day}T10:00:00+08:00`).toISOString(),
    endsAt: new Date(`${day}T11:00:00+08:00`).toISOString(),
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
  /** The later time point: a Barthel three days after the transplant, every item one step better than worst+2. */
  const laterBarthel = async () => {
    const a = await doctor<Assessment>('assessments.start', {
      patientId: patient.id,
      courseId: course.id,
      timePoint: 'after_procedure',
      procedureId: one.id,
      instrument: { id: 'barthel' },
      mode: 'in_person',
      assessedOn: addDays(today, -7),
    });
    const values = Object.fromEntries(
      BARTHEL_V1.items.map((i) => {
        const up = [...i.anchors].sort((x, y) => (x.points ?? 0) - (y.points ?? 0));
        return [i.code, up.at(-1)?.value];
      }),
    );
    const saved = await doctor<{ version: number }>('assessments.saveDraft', { id: a.id, version: a.version, values });
    await doctor('assessments.sign', { id: a.id, version: saved.version });
  };
  return { patient, today, transplantDay: day, laterBarthel };
}

const item = (page: Page, code: string) => page.getByRole('group', { name: new RegExp(`^${code} `) });
const saved = (page: Page) => expect(page.locator('.entry-save-status')).toHaveText(/^Saved .*\d\d:\d\d/);

/** Types each value into the focused item and presses Enter to move on. */
async function enter(page: Page, values: readonly string[]) {
  for (const v of values) {
    await page.keyboard.type(v);
    await page.keyboard.press('Enter');
  }
}

/** A native date field typed as Chromium's en-US field takes it: month, day, year. */
async function typeDate(page: Page, field: Locator, day: string) {
  await field.focus();
  const [y, m, d] = day.split('-');
  await page.keyboard.type(`${m}${d}${y}`);
  await expect(field).toHaveValue(day);
}

/** Opens a react-aria select from the keyboard and moves down its options to the one wanted. */
async function choose(page: Page, label: string, option: string | RegExp) {
  await page.getByRole('button', { name: new RegExp(`${label}$`) }).press('Enter');
  const wanted = page.getByRole('option', { name: option });
  await expect(page.getByRole('listbox')).toBeVisible();
  for (let i = 0; i < 12 && !(await wanted.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press('ArrowDown');
  }
  await expect(wanted).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('listbox')).toHaveCount(0);
}

test('issue #10: baseline NIHSS and Barthel by keyboard, reload, sign, amend, adverse event, chart', async ({
  app,
  page,
}) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  const s = await setUp(app);
  const baselineDay = addDays(s.today, -11);

  await page.goto(app.openUrl);
  await page.getByLabel('Username').focus();
  await page.keyboard.type('doctor');
  await page.keyboard.press('Tab');
  await page.keyboard.type(E2E_PASSWORD);
  await page.keyboard.press('Enter');
  await expect(page.locator('.shell')).toBeVisible();
  await page.goto(`${app.url}/#/patients/${s.patient.id}`);
  const panel = page.getByRole('region', { name: 'Assessments' });
  await panel.getByRole('link', { name: 'New assessment' }).press('Enter');

  // The start screen: the after-procedure point says which procedure; baseline is dated the day before transplant.
  await expect(page.getByRole('heading', { level: 1, name: 'Start an assessment' })).toBeVisible();
  await expect(page.getByRole('radio', { name: /^After transplant #1 — \w{3} \d+/ })).toBeVisible();
  await page.getByRole('radio', { name: /^Baseline/ }).press('Space');
  await expect(page.getByRole('radio', { name: /^Baseline/ })).toBeChecked();
  for (const name of ['NIH Stroke Scale', 'Barthel Index']) {
    await page.getByRole('checkbox', { name, exact: true }).press('Space');
  }
  await typeDate(page, page.getByLabel('Assessed on'), baselineDay);
  expect(await seriousViolations(page, 'assessment start')).toEqual([]);
  await page.screenshot({ path: `${SHOTS}/flow-assessment-start.png` });
  await page.getByRole('button', { name: 'Start 2 assessments' }).press('Enter');

  // NIHSS: half-way, a reload keeps every value and resumes at the first missing item.
  await expect(page.getByRole('heading', { level: 1, name: 'NIH Stroke Scale' })).toBeVisible();
  await expect(item(page, '1a').getByRole('radio').first()).toBeFocused();
  await enter(page, ['0', '1', '0', '0', '1', '2', '1', '0']);
  await expect(page.getByText('8 of 15 items')).toBeVisible();
  await saved(page);
  await page.screenshot({ path: `${SHOTS}/flow-assessment-entry.png` });
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'NIH Stroke Scale' })).toBeVisible();
  await expect(page.getByText('8 of 15 items')).toBeVisible();
  await expect(item(page, '4').getByRole('radio', { name: /^2 / })).toBeChecked();
  await expect(item(page, '5b').getByRole('radio', { name: /^0 / })).toBeChecked();
  await expect(item(page, '6a').getByRole('radio').first()).toBeFocused();
  await enter(page, ['0', '0', '0', '1', '1', '1', '0']);
  await expect(page.locator('.entry-summary')).toContainText('8 / 42');
  await expect(page.getByRole('button', { name: 'Sign…' })).toBeFocused();
  await page.keyboard.press('Enter');
  await page
    .getByRole('dialog', { name: 'Sign NIHSS?' })
    .getByRole('button', { name: 'Sign', exact: true })
    .press('Enter');
  await expect(page.getByText(/Signed by Dr\. Daria Doctor/)).toBeVisible();
  // The dialog closed on success: nothing left behind for axe (the shared pending button).
  expect(await seriousViolations(page, 'signed NIHSS')).toEqual([]);

  // Barthel, signed, then amended with a reason.
  await page.getByRole('link', { name: 'Next instrument' }).press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Barthel Index' })).toBeVisible();
  await enter(page, ['5', '10', '0', '5', '0', '5', '5', '5', '5', '5']);
  await expect(page.locator('.entry-summary')).toContainText('45 / 100');
  await page.keyboard.press('Enter');
  await page.getByRole('dialog').getByRole('button', { name: 'Sign', exact: true }).press('Enter');
  await expect(page.getByText('Version 1 · Signed')).toBeVisible();
  await page.getByRole('button', { name: 'Amend…' }).press('Enter');
  const amend = page.getByRole('dialog', { name: 'Amend this assessment' });
  await amend.getByLabel('Reason for the amendment').focus();
  await page.keyboard.type(REASON);
  await amend.getByRole('button', { name: 'Amend', exact: true }).press('Enter');
  await expect(page.getByText('Version 2 · Draft')).toBeVisible();
  expect(await seriousViolations(page, 'amendment draft')).toEqual([]);
  await item(page, '5').getByRole('radio', { checked: true }).focus();
  await page.keyboard.type('5');
  await expect(page.locator('.entry-summary')).toContainText('50 / 100');
  await saved(page);
  await page.getByRole('button', { name: 'Sign…' }).press('Enter');
  await page.getByRole('dialog').getByRole('button', { name: 'Sign', exact: true }).press('Enter');
  await expect(page.getByText('Version 2 · Signed')).toBeVisible();
  expect(await seriousViolations(page, 'amended Barthel')).toEqual([]);

  // Both versions side by side, from the patient page's list of signed Barthels.
  await page.getByRole('link', { name: 'Back to patient' }).press('Enter');
  const list = panel.getByRole('table', { name: 'Barthel Index: signed assessments' });
  await list
    .getByRole('row', { name: /^Baseline/ })
    .getByRole('link', { name: 'History' })
    .press('Enter');
  await expect(page.getByRole('heading', { name: 'Barthel Index: every version' })).toBeVisible();
  const versions = page.getByRole('region', { name: 'Versions' }).getByRole('table');
  await expect(versions.getByRole('columnheader')).toHaveText(['Item', 'Version 1', 'Version 2Used by reports']);
  await expect(versions.getByRole('row', { name: /^Amendment reason/ })).toContainText(REASON);
  await expect(
    versions
      .getByRole('row', { name: /^Bathing/ })
      .getByRole('cell')
      .nth(1),
  ).toContainText('changed');
  expect(await seriousViolations(page, 'assessment history')).toEqual([]);
  await page.screenshot({ path: `${SHOTS}/flow-assessment-history.png`, fullPage: true });

  // A grade-2 headache after lumbar puncture, the day after transplant #1.
  await page.goto(`${app.url}/#/patients/${s.patient.id}`);
  await page
    .getByRole('region', { name: /Adverse events/ })
    .getByRole('link', { name: 'Record adverse event' })
    .press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Record adverse event' })).toBeVisible();
  await choose(page, 'After procedure', /Transplant #1 — .*, Lumbar puncture/);
  await typeDate(page, page.getByLabel('Onset date'), addDays(s.transplantDay, 1));
  await choose(page, 'Category', 'Headache after lumbar puncture');
  await page.getByLabel('Description').focus();
  await page.keyboard.type('Postural headache, worse when sitting up');
  await page.getByRole('radio', { name: /Grade 2 — Moderate/ }).press('Space');
  await choose(page, 'Related to the treatment', 'Probable');
  await page.getByLabel('Action taken').focus();
  await page.keyboard.type('Bed rest, fluids, paracetamol');
  await page.getByRole('button', { name: 'Record adverse event' }).press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Headache after lumbar puncture' })).toBeVisible();
  const facts = page.getByRole('region', { name: 'The event' });
  await expect(facts).toContainText('Grade 2');
  await expect(facts).toContainText(/Transplant #1 — .*, Lumbar puncture/);

  // The later Barthel, signed through the API; the chart has both points and the event on its day axis.
  await s.laterBarthel();
  // Signed at another desk: this page learns of it when it loads afresh. A hash change alone keeps the answers the app
  // holds as fresh for 5 s (main.tsx), and the patient page was open a few seconds ago, before the adverse event.
  await page.goto(`${app.url}/#/patients/${s.patient.id}`);
  await page.reload();
  const chart = panel.getByRole('figure', { name: 'Barthel Index' });
  await expect(chart).toContainText('P1: Transplant #1');
  await expect(chart).toContainText('AE1: Headache after lumbar puncture, Grade 2');
  await expect(chart.locator('.recharts-reference-line line[stroke="#b42318"]')).toHaveCount(1);
  await chart.getByRole('button', { name: 'Show as table' }).press('Enter');
  const rows = chart.getByRole('table', { name: 'Barthel Index totals' }).locator('tbody tr');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText('50');
  await expect(rows.nth(1)).toContainText('100');
  await expect(rows.nth(1)).toContainText('Improved');
  const events = chart.getByRole('table', { name: 'Procedures and adverse events on this axis' });
  const ae = events.getByRole('row', { name: /AE1: Headache after lumbar puncture, Grade 2/ });
  await expect(ae.getByRole('cell').nth(2)).toHaveText('1');
  await chart.getByRole('button', { name: 'Hide table' }).press('Enter');
  await chart.scrollIntoViewIfNeeded();
  expect(await seriousViolations(page, 'patient page with chart')).toEqual([]);
  await page.screenshot({ path: `${SHOTS}/flow-assessment-chart-page.png` });
  await chart.screenshot({ path: `${SHOTS}/flow-assessment-chart.png` });
});
