// Assessment reading screens end to end: a doctor's Barthel signed, amended and signed again (through the API), then
// in the UI the patient page's schedule and chart with its table, and the history with both versions side by side.
import type { Page } from '@playwright/test';
import { type Assessment, BARTHEL_V1, type Course, type Patient, type Room } from '../../db/contract';
import { clinicToday } from '../../db/services/core';
import { patientInput } from '../core/support';
import { seriousViolations } from './axe';
import { type E2eApp, addDays, apiAs, expect, signIn, test } from './fixtures';

const SHOTS = 'tests/e2e/.artifacts/screens';
const REASON = 'Feeding was scored from the ward notes, not observed';

/** Each Barthel item at its n-th value counted from the worst (clamped to its best), so totals are known. */
const barthel = (n: number) =>
  Object.fromEntries(
    BARTHEL_V1.items.map((i) => {
      const up = [...i.anchors].sort((a, b) => (a.points ?? 0) - (b.points ?? 0));
      return [i.code, up[Math.min(n, up.length - 1)]?.value];
    }),
  );
const total = (values: Record<string, unknown>) => BARTHEL_V1.score(values as Record<string, number>).total;

/**
 * A patient admitted 12 days ago with transplant #1 booked tomorrow; a baseline Barthel ten days ago signed, amended
 * with a reason (feeding raised) and signed again; a discharge Barthel today (early: outside its window), signed.
 */
async function seeded(app: E2eApp) {
  const { doctor: doc } = await app.seedAccounts();
  const admin = await apiAs(app, 'admin');
  const coord = await apiAs(app, 'coord');
  const doctor = await apiAs(app, 'doctor');
  const room = await admin<Room>('rooms.create', { name: 'Room A' });
  const today = clinicToday(app.core);
  const patient = await coord<Patient>('patients.create', patientInput({ familyName: 'Orlova', givenName: 'Vera' }));
  const c = await coord<Course>('courses.create', {
    patientId: patient.id,
    fields: {
      plannedAdmission: addDays(today, -12),
      plannedDischarge: addDays(today, 5),
      baselineSeverity: null,
      plannedTransplants: 1,
      plannedRoutes: ['intrathecal'],
      allergies: null,
      notes: null,
    },
  });
  await coord('courses.transition', {
    id: c.id,
    version: c.version,
    to: 'admitted',
    reason: null,
    on: addDays(today, -12),
  });
  const start = Date.parse(`${addDays(today, 1)}T02:00:00Z`);
  await coord('procedures.book', {
    courseId: c.id,
    typeId: 1,
    roomId: room.id,
    doctorId: doc.id,
    startsAt: new Date(start).toISOString(),
    endsAt: new Date(start + 3_600_000).toISOString(),
  });
  const begin = (timePoint: string, assessedOn: string) =>
    doctor<Assessment>('assessments.start', {
      patientId: patient.id,
      courseId: c.id,
      timePoint,
      instrument: { id: 'barthel' },
      mode: 'in_person',
      assessedOn,
    });
  const saveAndSign = async (a: Assessment, values: Record<string, unknown>) => {
    const saved = await doctor<{ version: number }>('assessments.saveDraft', { id: a.id, version: a.version, values });
    return doctor<Assessment>('assessments.sign', { id: a.id, version: saved.version });
  };
  const v1Values = barthel(1);
  const base = await saveAndSign(await begin('baseline', addDays(today, -10)), v1Values);
  const amended = await doctor<Assessment>('assessments.amend', { id: base.id, version: base.version, reason: REASON });
  const v2Values = { ...v1Values, feeding: 10 };
  await saveAndSign(amended, { feeding: 10 });
  const dischargeValues = barthel(2);
  await saveAndSign(await begin('discharge', today), dischargeValues);
  return { patient, baselineId: base.id, v1: total(v1Values), v2: total(v2Values), discharge: total(dischargeValues) };
}

async function noSerious(page: Page, screen: string) {
  expect(await seriousViolations(page, screen)).toEqual([]);
}

test('the patient page shows the schedule and the chart with its table; the history shows v1 and v2 side by side', async ({
  app,
  page,
}) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  const s = await seeded(app);
  await page.goto(app.openUrl);
  await signIn(page, 'doctor');
  await expect(page.locator('.shell')).toBeVisible();
  await page.goto(`${app.url}/#/patients/${s.patient.id}`);

  const panel = page.getByRole('region', { name: 'Assessments' });
  await expect(panel.getByRole('link', { name: 'New assessment' })).toHaveAttribute(
    'href',
    `#/patients/${s.patient.id}/assessments/new`,
  );
  const schedule = panel.getByRole('table', { name: 'Follow-up schedule, course #1' });
  await expect(schedule.getByRole('row', { name: /^Baseline/ })).toContainText('Done');
  await expect(schedule.getByRole('row', { name: /After transplant #1/ })).toContainText('Upcoming');
  await expect(schedule.getByRole('row', { name: /^Discharge/ })).toContainText('Done');

  const chart = panel.getByRole('figure', { name: 'Barthel Index' });
  await expect(chart.getByRole('img')).toHaveAttribute(
    'aria-label',
    /Barthel Index totals over time: .*Better is higher/,
  );
  await expect(chart).toContainText('Better is higher');
  await expect(chart).toContainText('P1: Transplant #1');
  await chart.getByRole('button', { name: 'Show as table' }).click();
  const table = chart.getByRole('table', { name: 'Barthel Index totals' });
  const rows = table.locator('tbody tr');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText(`Baseline`);
  await expect(rows.nth(0)).toContainText(String(s.v2));
  await expect(rows.nth(1)).toContainText(String(s.discharge));
  await expect(rows.nth(1)).toContainText(`+${(s.discharge ?? 0) - (s.v2 ?? 0)}`);
  await expect(rows.nth(1)).toContainText('Improved');
  await chart.scrollIntoViewIfNeeded();
  await noSerious(page, 'patient page with assessments');
  await chart.screenshot({ path: `${SHOTS}/assessment-chart.png` });
  await page.screenshot({ path: `${SHOTS}/patient-assessments.png`, fullPage: true });

  // The baseline's history: from the scores list, by its visible link.
  const list = panel.getByRole('table', { name: 'Barthel Index: signed assessments' });
  await list
    .getByRole('row', { name: /^Baseline/ })
    .getByRole('link', { name: 'History' })
    .click();
  await expect(page.getByRole('heading', { name: 'Barthel Index: every version' })).toBeVisible();
  await expect(page.getByText('2 versions side by side. Reports use version 2, the latest signed.')).toBeVisible();
  const versions = page.getByRole('region', { name: 'Versions' }).getByRole('table');
  await expect(versions.getByRole('columnheader')).toHaveText(['Item', 'Version 1', 'Version 2Used by reports']);
  await expect(versions.getByRole('row', { name: /^Amendment reason/ })).toContainText(REASON);
  const feeding = versions.getByRole('row', { name: /^Feeding/ }).getByRole('cell');
  await expect(feeding.nth(0)).not.toContainText('changed');
  await expect(feeding.nth(1)).toContainText('changed');
  await expect(feeding.nth(1)).toHaveAttribute('class', /changed/);
  const bathing = versions.getByRole('row', { name: /^Bathing self/ }).getByRole('cell');
  await expect(bathing.nth(1)).not.toContainText('changed');
  const totals = versions.getByRole('row', { name: /^Total/ }).getByRole('cell');
  await expect(totals).toContainText([String(s.v1), String(s.v2)]);
  await expect(versions.getByRole('row', { name: /^Signed by/ })).toContainText('Dr. Daria Doctor');
  await noSerious(page, 'assessment history');
  await page.screenshot({ path: `${SHOTS}/assessment-history.png` });

  // Once in Chinese: the same two screens.
  await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: '中文' }).click();
  await expect(page.getByRole('heading', { name: 'Barthel 指数：全部版本' })).toBeVisible();
  await expect(page.getByRole('columnheader', { name: /^第 2 版/ })).toBeVisible();
  await expect(page.getByRole('row', { name: /^修订原因/ })).toContainText(REASON);
  await noSerious(page, 'assessment history (zh-CN)');
  await page.screenshot({ path: `${SHOTS}/assessment-history-zh.png` });
  await page.goto(`${app.url}/#/patients/${s.patient.id}`);
  const zhPanel = page.getByRole('region', { name: '评估' });
  await expect(zhPanel.getByRole('table', { name: '随访计划，第 1 疗程' })).toBeVisible();
  await zhPanel.getByRole('button', { name: '以表格显示' }).click();
  await expect(zhPanel.getByRole('table', { name: /总分$/ }).locator('tbody tr')).toHaveCount(2);
  await noSerious(page, 'patient page with assessments (zh-CN)');
});
