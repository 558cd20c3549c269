// Attachments end to end: a coordinator attaches a PDF to an inquiry, sees it listed, downloads it, and removes it.
import fs from 'node:fs';
import { dispatch } from '../../db/api/dispatch';
import { E2E_PASSWORD, expect, signIn, test } from './fixtures';

const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n% synthetic discharge summary, no real person\n%%EOF\n',
);

test('a coordinator attaches a PDF to an inquiry, downloads it and removes it', async ({ app, page }) => {
  await app.seedAccounts();
  // The inquiry itself is not what this test is about: it is made through the core, as the coordinator.
  const session = { token: null as string | null };
  await dispatch(app.core, session, 'auth.signIn', { username: 'coord', password: E2E_PASSWORD });
  const created = await dispatch(app.core, session, 'inquiries.create', {
    receivedAt: '2026-11-24T09:30:00.000Z',
    channel: 'email',
    contactName: 'Lena Park',
    contactRelation: 'child',
    contactEmail: 'lena.park@example.org',
    contactPhone: null,
    messagingHandle: null,
    country: 'KR',
    preferredLanguage: 'ko',
    patientName: 'Min-jun Park',
    patientSex: 'male',
    patientBirthDate: '1956-02-11',
    patientAge: null,
    diagnosis: 'ischemic',
    strokeOnsetDate: '2025-10-01',
    symptoms: [],
    conditions: [],
    conditionsOther: null,
    message: null,
    heardAbout: null,
    consentContact: true,
    consentDataProcessing: true,
    ownerId: null,
    nextFollowUp: null,
  });
  if (!created.ok) throw new Error(created.error.message);
  const inquiryId = (created.value as { id: number }).id;

  await page.goto(app.openUrl);
  await signIn(page, 'coord');
  await expect(page.getByRole('heading', { name: 'Today', exact: true })).toBeVisible();
  await page.goto(`${app.url}/#/inquiries/${inquiryId}`);
  await expect(page.getByRole('heading', { name: 'Min-jun Park' })).toBeVisible();
  const panel = page.getByRole('region', { name: /Attachments/ });
  await expect(panel.getByText('No files attached yet')).toBeVisible();

  // Nothing chosen yet: the form names both missing fields and calls nothing.
  await panel.getByRole('button', { name: 'Attach file' }).click();
  await expect(panel.getByText('Choose a file to attach')).toBeVisible();
  await expect(panel.getByText('Choose a category')).toBeVisible();
  await panel.screenshot({ path: 'tests/e2e/.artifacts/screens/attachments-empty.png' });

  await panel
    .getByLabel('File to attach')
    .setInputFiles({ name: 'Discharge summary.pdf', mimeType: 'application/pdf', buffer: PDF });
  // The category with the keyboard alone: focus, open, type to jump, choose.
  const category = panel.getByRole('button', { name: /Category/ });
  await category.focus();
  await page.keyboard.press('Enter');
  await page.keyboard.type('Medical');
  await expect(page.getByRole('option', { name: 'Medical record', exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(category).toContainText('Medical record');
  await panel.getByLabel('Note').fill('Sent by the daughter');
  await panel.getByRole('button', { name: 'Attach file' }).click();

  const table = panel.getByRole('table', { name: /Attachments/ });
  const row = table.getByRole('row').filter({ hasText: 'Discharge summary.pdf' });
  await expect(row).toBeVisible();
  await expect(row).toContainText('Medical record');
  await expect(row).toContainText('Chen Coordinator');
  await expect(row).toContainText(`${PDF.length} B`);
  await expect(row).toContainText('Sent by the daughter');
  await expect(panel.getByRole('status').filter({ hasText: 'Attached.' })).toBeVisible();
  await expect(panel.getByLabel('File to attach')).toHaveValue('');
  await page.screenshot({ path: 'tests/e2e/.artifacts/screens/attachments.png', fullPage: true });

  // Download in the browser: the host's route hands over the same bytes under the original name.
  const downloading = page.waitForEvent('download');
  await row.getByRole('link', { name: 'Discharge summary.pdf' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('Discharge summary.pdf');
  const saved = await download.path();
  expect(fs.readFileSync(saved).equals(PDF)).toBe(true);

  // Remove, after a confirmation that can be cancelled.
  await row.getByRole('button', { name: 'Remove Discharge summary.pdf' }).click();
  const dialog = page.getByRole('alertdialog');
  await expect(dialog.getByRole('heading', { name: 'Remove this attachment?' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(row).toBeVisible();
  await row.getByRole('button', { name: 'Remove Discharge summary.pdf' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Remove attachment' }).click();
  await expect(page.getByRole('alertdialog')).toHaveCount(0);
  await expect(panel.getByText('Discharge summary.pdf')).toHaveCount(0);
  await expect(panel.getByText('No files attached yet')).toBeVisible();
  await expect(panel.getByText('Removed.')).toBeVisible();

  // Gone after a reload too.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Min-jun Park' })).toBeVisible();
  await expect(page.getByRole('region', { name: /Attachments/ }).getByText('No files attached yet')).toBeVisible();
});
