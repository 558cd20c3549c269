// Exports in Chromium on the demo clinic: a doctor exports one patient's FHIR bundle and the research tables by visible
// labels, the files parse and hold no names; no serious axe violation; the screen in Chinese; screenshots at 1366×768.
import fs from 'node:fs';
import type { Bundle } from '@medplum/fhirtypes';
import type { Page } from '@playwright/test';
import { parseCsv } from '../../db/contract';
import { DEMO_SIZE, seedClinic } from '../../db/seed/generate';
import { seriousViolations } from './axe';
import { expect, test } from './fixtures';

const shots = 'tests/e2e/.artifacts/screens';

async function save(page: Page, name: string | RegExp): Promise<{ name: string; text: string }> {
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name }).click();
  const file = await downloading;
  return { name: file.suggestedFilename(), text: fs.readFileSync(await file.path(), 'utf8') };
}

test('a doctor exports one patient as FHIR and the de-identified research tables, in English and Chinese', async ({
  app,
  page,
}) => {
  test.setTimeout(240_000);
  await seedClinic(app.core, DEMO_SIZE);
  const patient = app.core.db
    .prepare(
      `SELECT p.id, p.mrn, p.family_name AS family, p.given_name AS given FROM patients p
        WHERE EXISTS (SELECT 1 FROM procedures x WHERE x.patient_id = p.id AND x.status = 'completed')
          AND p.merged_into_id IS NULL ORDER BY p.id LIMIT 1`,
    )
    .get() as { id: number; mrn: string; family: string; given: string };
  const names = app.core.db
    .prepare('SELECT family_name AS f, given_name AS g, native_name AS n FROM patients')
    .all() as {
    f: string;
    g: string;
    n: string | null;
  }[];

  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(app.openUrl);
  await page.getByLabel('Username').fill('dr.zhang');
  await page.getByLabel('Password').fill('demo-doctor-2026');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('link', { name: 'Exports' }).click();
  await expect(page.getByRole('heading', { name: 'Exports', level: 1 })).toBeVisible();

  // One patient: find by MRN, pick, export, save the bundle.
  await page.getByLabel('Find a patient').fill(patient.mrn);
  await page.getByRole('button', { name: /Patient$/ }).click();
  await page.getByRole('option', { name: new RegExp(patient.mrn) }).click();
  await page.getByRole('button', { name: 'Export one patient (FHIR)' }).click();
  await expect(page.getByText('The export is ready. Save each file below.')).toBeVisible();
  const bundleFile = await save(page, /^Save fhir-/);
  expect(bundleFile.name).toMatch(/^fhir-SD-.*\.json$/);
  const bundle = JSON.parse(bundleFile.text) as Bundle;
  expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'collection' });
  const types = (bundle.entry ?? []).map((e) => e.resource?.resourceType);
  expect(types.filter((t) => t === 'Patient')).toHaveLength(1);
  expect(types).toEqual(
    expect.arrayContaining(['EpisodeOfCare', 'Procedure', 'BiologicallyDerivedProduct', 'Consent']),
  );
  expect(bundleFile.text).toContain(patient.mrn);
  expect(bundleFile.text).toContain(patient.family);

  // Research: the progress bar while it runs (or the files at once on a quick machine), then every table saved.
  await page.getByRole('button', { name: 'Research export (de-identified CSV)' }).click();
  await expect(page.getByRole('button', { name: 'Save research-patients.csv' })).toBeVisible();
  const tables = [];
  for (const t of ['patients', 'procedures', 'assessments', 'subscores', 'adverse-events']) {
    tables.push(await save(page, `Save research-${t}.csv`));
  }
  const patientsTable = parseCsv(tables[0]?.text ?? '');
  expect(patientsTable[0]).toEqual([
    'patient',
    'sex',
    'age_at_first_transplant',
    'country',
    'stroke_type',
    'onset_to_transplant_days',
  ]);
  expect(patientsTable.length - 1).toBe(names.length - countMerged(app.core.db));
  const cells = tables.flatMap((t) => parseCsv(t.text).flat());
  const leaks = names.flatMap((n) =>
    [n.f, n.g, n.n].filter((v): v is string => Boolean(v && v.length >= 3 && cells.some((c) => c.includes(v)))),
  );
  expect(leaks).toEqual([]);
  await page.screenshot({ path: `${shots}/exports.png` });
  expect(await seriousViolations(page, 'exports')).toEqual([]);

  // Everyone's bundle shows a progress bar with a value and can be cancelled.
  await page.getByRole('button', { name: 'Export everyone (FHIR)' }).click();
  const bar = page.getByRole('progressbar');
  const cancel = page.getByRole('button', { name: 'Cancel export' });
  const outcome = await Promise.race([
    cancel.waitFor().then(() => 'running' as const),
    page
      .getByRole('button', { name: /^Save fhir-everyone/ })
      .waitFor()
      .then(() => 'done' as const),
  ]);
  if (outcome === 'running') {
    // The demo clinic exports in well under a second: the bar may be gone before it is read (core tests check the
    // steps); when it is read, it carries a value.
    const value = await bar.getAttribute('value', { timeout: 500 }).catch(() => null);
    if (value !== null) expect(Number(value)).toBeGreaterThanOrEqual(0);
    await cancel.click({ timeout: 1000 }).catch(() => undefined);
    await expect(
      page
        .getByText('The export was cancelled. Nothing was saved.')
        .or(page.getByRole('button', { name: /^Save fhir-everyone/ })),
    ).toBeVisible();
  }

  // The same screen in Chinese.
  await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: '中文' }).click();
  await expect(page.getByRole('heading', { name: '导出', level: 1 })).toBeVisible();
  await expect(page.getByRole('button', { name: '研究导出（去标识化 CSV）' })).toBeVisible();
  await page.screenshot({ path: `${shots}/zh-exports.png` });
  expect(await seriousViolations(page, 'exports (zh-CN)')).toEqual([]);
});

function countMerged(db: { prepare(q: string): { get(): unknown } }): number {
  return (db.prepare('SELECT count(*) AS n FROM patients WHERE merged_into_id IS NOT NULL').get() as { n: number }).n;
}
