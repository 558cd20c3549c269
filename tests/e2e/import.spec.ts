// Web-form import end to end: the shipped sample with one known duplicate, skip it, import, find the result, import again.
import { fileURLToPath } from 'node:url';
import { dispatch } from '../../db/api/dispatch';
import type { Core } from '../../db/services/core';
import { E2E_PASSWORD, expect, signIn, test } from './fixtures';

const SAMPLE = fileURLToPath(new URL('../../db/seed/samples/web-form-submissions.csv', import.meta.url));
const shots = 'tests/e2e/.artifacts/screens';
const countInquiries = (core: Core) =>
  (core.db.prepare('SELECT count(*) AS n FROM inquiries').get() as { n: number }).n;

test('a coordinator imports the sample file, skips the one duplicate, and a second import adds nothing', async ({
  app,
  page,
}) => {
  await app.seedAccounts();
  // An inquiry already there, by phone, from the same person as the sample's row 4 (same e-mail).
  const session = { token: null as string | null };
  await dispatch(app.core, session, 'auth.signIn', { username: 'coord', password: E2E_PASSWORD });
  const existing = await dispatch(app.core, session, 'inquiries.create', {
    receivedAt: '2026-10-30T16:00:00.000Z',
    channel: 'phone',
    contactName: 'James Whitfield',
    contactRelation: 'self',
    contactEmail: 'j.whitfield@example.com',
    contactPhone: null,
    messagingHandle: null,
    country: 'US',
    preferredLanguage: 'en',
    patientName: 'James Whitfield',
    patientSex: 'male',
    patientBirthDate: null,
    patientAge: 58,
    diagnosis: 'hemorrhagic',
    strokeOnsetDate: null,
    symptoms: [],
    conditions: [],
    conditionsOther: null,
    message: 'Called about the program.',
    heardAbout: null,
    consentContact: true,
    consentDataProcessing: true,
    ownerId: null,
    nextFollowUp: null,
  });
  if (!existing.ok) throw new Error(existing.error.message);
  const existingId = (existing.value as { id: number }).id;

  await page.goto(app.openUrl);
  await signIn(page, 'coord');
  await page.getByRole('link', { name: 'Import web forms' }).click();
  await expect(page.getByRole('heading', { name: 'Import web forms' })).toBeVisible();
  await page.getByLabel('Web-form export (CSV or JSON)').setInputFiles(SAMPLE);

  const preview = page.getByRole('heading', { name: 'Preview of web-form-submissions.csv' });
  await expect(preview).toBeVisible();
  await expect(page.getByText('12 submissions · 11 new · 1 possible duplicate · 0 already imported')).toBeVisible();
  // The preview opens on what needs a decision: exactly the one row, with why it was flagged.
  await expect(page.getByRole('radio', { name: 'Possible duplicates (1)' })).toBeChecked();
  const flagged = page.locator('tbody tr');
  await expect(flagged).toHaveCount(1);
  await expect(flagged).toContainText('James Whitfield');
  await expect(flagged).toContainText(`Inquiry #${existingId}: James Whitfield · same e-mail`);
  const decision = page.getByLabel('Decision for row 4');
  await expect(decision).toHaveValue('skip');
  await expect(decision.locator('option')).toHaveText(['Import as new', 'Skip', `Merge into inquiry #${existingId}`]);
  await decision.selectOption(`inquiry:${existingId}`);
  await expect(page.getByRole('button', { name: 'Import 11 inquiries' })).toBeVisible();
  await decision.selectOption('skip');

  // Everything else is new, and nothing else is flagged.
  await page.locator('label', { hasText: 'All (12)' }).click();
  await expect(page.getByRole('radio', { name: 'All (12)' })).toBeChecked();
  await expect(page.locator('tbody tr')).toHaveCount(12);
  await expect(page.locator('tbody tr', { hasText: 'Possible duplicate' })).toHaveCount(1);
  await page.screenshot({ path: `${shots}/import-preview.png`, fullPage: true });

  await page.getByRole('button', { name: 'Import 11 inquiries' }).click();
  await expect(page.getByRole('heading', { name: 'Import finished' })).toBeVisible();
  const summary = page.getByRole('list', { name: 'Import finished' });
  await expect(summary).toContainText('11 created');
  await expect(summary).toContainText('1 skipped');
  await expect(summary).toContainText('0 already imported before');
  await page.screenshot({ path: `${shots}/import-summary.png`, fullPage: true });
  expect(countInquiries(app.core)).toBe(12);

  await page.getByRole('link', { name: 'Open the inquiry list' }).click();
  await page.getByLabel('Search', { exact: true }).fill('Wang Jianguo');
  await expect(page.getByRole('link', { name: 'Wang Jianguo' })).toBeVisible();
  await expect(page.getByText('1–1 of 1')).toBeVisible();

  // The same file again: every row it created is recognised, the skipped one is asked about again, nothing is new.
  await page.getByRole('link', { name: 'Import web forms' }).click();
  await page.getByLabel('Web-form export (CSV or JSON)').setInputFiles(SAMPLE);
  await expect(preview).toBeVisible();
  await expect(page.getByText('12 submissions · 0 new · 1 possible duplicate · 11 already imported')).toBeVisible();
  await expect(page.getByText('Nothing new to import ·')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Import 0 inquiries' })).toBeDisabled();
  await page.locator('label', { hasText: 'Already imported (11)' }).click();
  await expect(page.locator('tbody tr').first()).toContainText(/as inquiry #\d+/);
  expect(countInquiries(app.core)).toBe(12);
});

test('a file with bad rows imports nothing and says which rows and columns to fix', async ({ app, page }) => {
  await app.seedAccounts();
  await page.goto(app.openUrl);
  await signIn(page, 'coord');
  await page.goto(`${app.url}#/import`);
  const header =
    'submission_id,submitted_at,contact_name,relation,email,patient_name,consent_contact,consent_data_processing';
  const text = [
    header,
    'A,2026-11-20T10:00:00Z,Ann Lee,self,ann@example.org,Ann Lee,yes,yes',
    'B,yesterday,Bo Kim,cousin,bo@,Bo Kim,yes,yes',
  ].join('\n');
  await page
    .getByLabel('Web-form export (CSV or JSON)')
    .setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(text) });
  await expect(page.getByRole('heading', { name: 'Nothing was imported: bad.csv has problems' })).toBeVisible();
  const rows = page.locator('tbody tr');
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(0)).toHaveText(/^3submitted_at/);
  await expect(rows.nth(1)).toHaveText(/^3relation/);
  await expect(rows.nth(2)).toHaveText(/^3email/);
  await expect(page.getByText('the header is row 1')).toBeVisible();
  await page.screenshot({ path: `${shots}/import-errors.png`, fullPage: true });
  expect(countInquiries(app.core)).toBe(0);
});

test('a large file shows its duplicate check progressing, then imports in one go', async ({ app, page }) => {
  await app.seedAccounts();
  await page.goto(app.openUrl);
  await signIn(page, 'coord');
  await page.goto(`${app.url}#/import`);
  const header =
    'submission_id,submitted_at,contact_name,relation,email,phone,patient_name,message,consent_contact,consent_data_processing';
  const lines = Array.from(
    { length: 4000 },
    (_, i) =>
      `L-${i},2026-11-20T10:00:00+08:00,Contact ${i},child,family${i}@example.org,+49 151 ${2000000 + i},Patient ${i},"Long message, with a comma, number ${i}",yes,yes`,
  );
  await page
    .getByLabel('Web-form export (CSV or JSON)')
    .setInputFiles({ name: 'large.csv', mimeType: 'text/csv', buffer: Buffer.from([header, ...lines].join('\r\n')) });
  const bar = page.getByRole('progressbar', { name: 'Checking for duplicates' });
  await expect(bar).toBeVisible();
  await expect(bar).toHaveAttribute('aria-valuemax', '4000');
  const t0 = Date.now();
  await expect(page.getByRole('heading', { name: 'Preview of large.csv' })).toBeVisible({ timeout: 30_000 });
  const t1 = Date.now();
  await expect(page.getByText('Rows 1–100 of 4,000')).toBeVisible();
  await page.getByRole('button', { name: 'Import 4,000 inquiries' }).click();
  await expect(page.getByRole('list', { name: 'Import finished' })).toContainText('4,000 created', { timeout: 30_000 });
  console.log(`4,000 rows in the browser: duplicate check ${t1 - t0} ms, import ${Date.now() - t1} ms`);
  expect(countInquiries(app.core)).toBe(4000);
});
