// Printable documents end to end: a patient's summary and the blank paper forms, each rendered to PDF by Chromium and
// read back with pdftotext (name, MRN, lot and scores; every NIHSS item and its anchors; a Chinese form), with axe.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { type Assessment, type Course, NIHSS_V1, type Patient, type Procedure, type Room } from '../../db/contract';
import { clinicToday } from '../../db/services/core';
import { patientInput } from '../core/support';
import { seriousViolations } from './axe';
import { type E2eApp, addDays, apiAs, expect, signIn, test } from './fixtures';

/** One instrument's words in a catalogue (renderer/src/i18n/<lang>/instruments.json). */
type Words = { name: string; items: Record<string, { label: string; anchors?: Record<string, string> }> };
const catalogue = (lang: string) =>
  JSON.parse(fs.readFileSync(`renderer/src/i18n/${lang}/instruments.json`, 'utf8')) as Record<string, Words>;
const EN = catalogue('en');
const ZH = catalogue('zh-CN');
const words = (c: Record<string, Words>, key: string): Words => {
  const w = c[key];
  if (!w) throw new Error(`No words for ${key}`);
  return w;
};

const SHOTS = 'tests/e2e/.artifacts/screens';
const LOT = 'LOT-2026-0777';

/** Every NIHSS item at the same value where it has one (else its first), so the total is known. */
const nihss = (v: number) =>
  Object.fromEntries(
    NIHSS_V1.items.map((i) => [i.code, (i.anchors.find((a) => a.value === v) ?? i.anchors[0])?.value]),
  );

/**
 * A patient admitted 12 days ago with a treatment consent, transplant #1 done 8 days ago (lot LOT-2026-0777),
 * a baseline NIHSS 10 days ago and a discharge NIHSS today, both signed, and a grade 1 headache after the transplant.
 */
async function seeded(app: E2eApp) {
  const { doctor: doc, coord: co } = await app.seedAccounts();
  const admin = await apiAs(app, 'admin');
  const coord = await apiAs(app, 'coord');
  const doctor = await apiAs(app, 'doctor');
  const room = await admin<Room>('rooms.create', { name: 'Room A' });
  const today = clinicToday(app.core);
  const patient = await coord<Patient>(
    'patients.create',
    patientInput({ familyName: 'Petrova', givenName: 'Alla', nativeName: '阿拉·彼得罗娃' }),
  );
  const c = await coord<Course>('courses.create', {
    patientId: patient.id,
    fields: {
      plannedAdmission: addDays(today, -12),
      plannedDischarge: addDays(today, 2),
      baselineSeverity: null,
      plannedTransplants: 1,
      plannedRoutes: ['intrathecal'],
      allergies: 'Iodine contrast',
      notes: null,
    },
  });
  await coord('courses.transition', {
    id: c.id,
    version: c.version,
    to: 'admitted',
    reason: null,
    on: c.plannedAdmission,
  });
  await coord('consents.record', { courseId: c.id, type: 'treatment', givenOn: addDays(today, -12), takenById: co.id });
  const start = Date.parse(`${addDays(today, -8)}T02:00:00Z`);
  const booked = await coord<Procedure>('procedures.book', {
    courseId: c.id,
    typeId: 1,
    roomId: room.id,
    doctorId: doc.id,
    startsAt: new Date(start).toISOString(),
    endsAt: new Date(start + 3_600_000).toISOString(),
  });
  await doctor('procedures.complete', {
    id: booked.id,
    version: booked.version,
    product: 'UC-MSC',
    lotNumber: LOT,
    dose: 50,
    doseUnit: 'million_cells',
    route: 'intrathecal',
    performedStart: booked.startsAt,
    performedEnd: booked.endsAt,
    notes: null,
  });
  const signed = async (timePoint: string, assessedOn: string, values: Record<string, unknown>) => {
    const a = await doctor<Assessment>('assessments.start', {
      patientId: patient.id,
      courseId: c.id,
      timePoint,
      instrument: { id: 'nihss' },
      mode: 'in_person',
      assessedOn,
    });
    const saved = await doctor<{ version: number }>('assessments.saveDraft', { id: a.id, version: a.version, values });
    return doctor<Assessment>('assessments.sign', { id: a.id, version: saved.version });
  };
  const base = nihss(1);
  const later = nihss(0);
  await signed('baseline', addDays(today, -10), base);
  await signed('discharge', today, later);
  await doctor('adverseEvents.record', {
    patientId: patient.id,
    fields: {
      procedureId: booked.id,
      onsetOn: addDays(today, -7),
      description: 'Headache after the lumbar puncture',
      category: 'post_lp_headache',
      categoryOther: null,
      grade: 1,
      serious: false,
      relatedness: 'probable',
      actionTaken: null,
    },
  });
  const totals = [NIHSS_V1.score(base).total, NIHSS_V1.score(later).total];
  return { patient, totals };
}

/** The page as Chromium prints it, read back as text; its pages kept as PNGs beside the screenshots to look at. */
function pdfText(file: string, pngPrefix: string): { text: string; pages: number } {
  const text = execFileSync('pdftotext', ['-layout', file, '-']).toString();
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file]).toString())?.[1] ?? 0);
  execFileSync('pdftoppm', ['-png', '-r', '60', file, path.join(SHOTS, pngPrefix)]);
  return { text, pages };
}

async function printToPdf(page: Page, name: string): Promise<{ text: string; pages: number }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ui-print-'));
  const file = path.join(dir, `${name}.pdf`);
  try {
    await page.pdf({ path: file, preferCSSPageSize: true, printBackground: true });
    return pdfText(file, name);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** pdftotext breaks long lines and spaces them out: compare words with single spaces. */
const squash = (s: string) => s.replace(/\s+/g, ' ');

test('the patient summary prints with name, MRN, lot, scores and events; the paper forms print every item', async ({
  app,
  page,
}) => {
  test.setTimeout(240_000);
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.setViewportSize({ width: 1366, height: 768 });
  const s = await seeded(app);
  await page.goto(app.openUrl);
  await signIn(page, 'doctor');
  await expect(page.locator('.shell')).toBeVisible();

  // From the patient page, by its visible link.
  await page.goto(`${app.url}/#/patients/${s.patient.id}`);
  await page.getByRole('link', { name: 'Print summary' }).click();
  await expect(page.getByRole('heading', { name: 'Patient summary', level: 1 })).toBeVisible();
  const procedures = page.getByRole('table', { name: 'Procedures' });
  await expect(procedures.getByRole('row', { name: /Transplant #1/ })).toContainText(LOT);
  await expect(procedures.getByRole('row', { name: /Transplant #1/ })).toContainText('50 million cells');
  await expect(page.getByRole('table', { name: 'NIH Stroke Scale' }).locator('tbody tr')).toHaveCount(2);
  await expect(page.getByRole('figure', { name: 'NIH Stroke Scale' }).locator('svg.recharts-surface')).toBeVisible();
  expect(await seriousViolations(page, 'patient summary')).toEqual([]);
  await page.screenshot({ path: `${SHOTS}/patient-summary.png`, fullPage: true });

  const summary = await printToPdf(page, 'patient-summary-pdf');
  const text = squash(summary.text);
  expect(text).toContain('Petrova Alla');
  expect(text).toContain(s.patient.mrn);
  expect(text).toContain(LOT);
  expect(text).toContain('Transplant #1');
  expect(text).toContain('Iodine contrast');
  expect(text).toContain('Headache after lumbar puncture');
  expect(text).toContain('Grade 1');
  const [baseTotal, laterTotal] = s.totals;
  expect(baseTotal).not.toBeNull();
  const scoreRow = new RegExp(`Baseline .*?${baseTotal}`);
  expect(text).toMatch(scoreRow);
  expect(text).toMatch(new RegExp(`Discharge .*?${laterTotal} .*?[-−]${(baseTotal ?? 0) - (laterTotal ?? 0)}`));
  expect(text).toContain('Patient summary');
  expect(text).toMatch(/Printed /);
  expect(text).toMatch(new RegExp(`1 ?/ ?${summary.pages}`));
  expect(text).not.toContain('Sign out');
  expect(text).not.toContain('Back to the patient');

  // The blank forms: reached from the follow-up worklist; NIHSS is the first.
  await page.getByRole('link', { name: 'Follow-ups' }).click();
  await page.getByRole('link', { name: 'Blank paper forms' }).click();
  await expect(page.getByRole('heading', { name: 'Blank paper forms', level: 1 })).toBeVisible();
  await page.getByRole('button', { name: 'Show the form: NIH Stroke Scale' }).click();
  await expect(page.getByRole('heading', { name: 'NIH Stroke Scale', level: 2 })).toBeVisible();
  expect(await seriousViolations(page, 'paper forms')).toEqual([]);
  await page.screenshot({ path: `${SHOTS}/paper-forms.png`, fullPage: true });
  const form = await printToPdf(page, 'paper-form-nihss-pdf');
  const formText = squash(form.text);
  const nihssWords = words(EN, 'nihss_v1');
  for (const [code, item] of Object.entries(nihssWords.items)) {
    expect(formText, `item ${code}`).toContain(squash(item.label));
    for (const anchor of Object.values(item.anchors ?? {})) expect(formText, `item ${code}`).toContain(squash(anchor));
  }
  expect(formText).toContain(squash(nihssWords.items['7']?.anchors?.UN ?? 'missing'));
  expect(formText).toContain('☐');
  expect(formText).toContain('Total');
  expect(formText).toContain('(0–42)');
  expect(formText).toContain('Scoring');
  expect(formText).not.toContain('Instruments');

  // A form with shared anchors (a grid), then Chinese: the Berg form's item text in Chinese.
  await page.getByRole('button', { name: 'Show the form: Modified Ashworth Scale' }).click();
  await expect(page.getByRole('heading', { name: 'Modified Ashworth Scale', level: 2 })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/paper-form-ashworth.png`, fullPage: true });
  await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: '中文' }).click();
  const berg = words(ZH, 'berg_v1');
  await page.getByRole('button', { name: `查看表格：${berg.name}` }).click();
  await expect(page.getByRole('heading', { name: berg.name, level: 2 })).toBeVisible();
  expect(await seriousViolations(page, 'paper forms (zh-CN)')).toEqual([]);
  await page.screenshot({ path: `${SHOTS}/paper-forms-zh.png`, fullPage: true });
  const zhForm = squash((await printToPdf(page, 'paper-form-berg-zh-pdf')).text);
  for (const item of Object.values(berg.items)) expect(zhForm).toContain(squash(item.label));
  expect(zhForm).toContain('总分');
  expect(zhForm).toContain('计分方法');

  // And the summary in Chinese.
  await page.goto(`${app.url}/#/patients/${s.patient.id}/summary`);
  await expect(page.getByRole('heading', { name: '患者摘要', level: 1 })).toBeVisible();
  expect(await seriousViolations(page, 'patient summary (zh-CN)')).toEqual([]);
  const zhSummary = squash((await printToPdf(page, 'patient-summary-zh-pdf')).text);
  expect(zhSummary).toContain('阿拉·彼得罗娃');
  expect(zhSummary).toContain(LOT);
  expect(zhSummary).toContain('批号');
});
