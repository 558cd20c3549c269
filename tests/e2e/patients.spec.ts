// Patients end to end: convert an accepted inquiry, find the new patient from the global search by part of a phone number.
import { dispatch } from '../../db/api/dispatch';
import type { Inquiry } from '../../db/contract';
import type { Core } from '../../db/services/core';
import { E2E_PASSWORD, expect, signIn, test } from './fixtures';
import { inquiryInput, patientInput } from '../core/support';

async function acceptedInquiry(core: Core): Promise<Inquiry> {
  const as = async (username: string, method: string, input: unknown) => {
    const session = { token: null as string | null };
    const signedIn = await dispatch(core, session, 'auth.signIn', { username, password: E2E_PASSWORD });
    if (!signedIn.ok) throw new Error(signedIn.error.message);
    const r = await dispatch(core, session, method, input);
    if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
    return r.value as Inquiry;
  };
  let inquiry = await as(
    'coord',
    'inquiries.create',
    inquiryInput({ contactPhone: '+7 701 555 0142', patientName: 'Nikolai Sokolov' }),
  );
  for (const to of ['contacted', 'under_review'] as const)
    inquiry = await as('coord', 'inquiries.changeStatus', {
      id: inquiry.id,
      version: inquiry.version,
      to,
      reason: null,
    });
  return as('doctor', 'inquiries.changeStatus', {
    id: inquiry.id,
    version: inquiry.version,
    to: 'accepted',
    reason: null,
  });
}

test('a coordinator converts an accepted inquiry and finds the patient by part of the phone number', async ({
  app,
  page,
}) => {
  await app.seedAccounts();
  const inquiry = await acceptedInquiry(app.core);
  await page.goto(app.openUrl);
  await signIn(page, 'coord');
  await page.goto(`${app.url}/#/inquiries/${inquiry.id}`);
  await page.getByRole('link', { name: 'Convert to patient' }).click();
  await expect(page.getByRole('heading', { name: `Convert inquiry #${inquiry.id} to a patient` })).toBeVisible();
  // What the inquiry knew is carried over; the coordinator checks it and adds the passport.
  await expect(page.getByLabel('Family name')).toHaveValue('Sokolov');
  await expect(page.getByLabel('Given name')).toHaveValue('Nikolai');
  await expect(page.getByRole('textbox', { name: 'Phone', exact: true }).first()).toHaveValue('+7 701 555 0142');
  await page.getByLabel('Passport number').fill('n 1234567');
  await page.getByRole('button', { name: 'Register and convert' }).click();

  await expect(page.getByRole('heading', { name: 'Sokolov Nikolai' })).toBeVisible();
  await expect(page.locator('.page-subtitle')).toContainText(/SD-\d{4}-00001/);
  await expect(page.getByText('N1234567')).toBeVisible();
  await expect(page.getByRole('link', { name: `Inquiry #${inquiry.id}` })).toBeVisible();

  // Search from anywhere: Ctrl+K, a few digits of the phone, Enter opens the patient.
  await page.getByRole('link', { name: 'Today' }).click();
  await expect(page.getByRole('heading', { name: 'Today', exact: true })).toBeVisible();
  await page.keyboard.press('Control+k');
  await expect(page.getByRole('combobox', { name: 'Search patients and inquiries' })).toBeFocused();
  await page.keyboard.type('555 01');
  const option = page.getByRole('option', { name: /Sokolov Nikolai/ });
  await expect(option).toBeVisible();
  await expect(page.getByRole('option', { name: /^Nikolai Sokolov\s*Inquiry #/ })).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Sokolov Nikolai' })).toBeVisible();

  // The inquiry now shows it was converted, and points at the patient.
  await page.getByRole('link', { name: `Inquiry #${inquiry.id}` }).click();
  await expect(page.getByText('Converted', { exact: true }).first()).toBeVisible();
  await expect(page.getByRole('link', { name: 'Converted into patient' })).toBeVisible();
  // Every opening of the record was audited.
  const views = app.core.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'patients.view'").get() as {
    n: number;
  };
  expect(views.n).toBeGreaterThanOrEqual(2);
});

test('duplicates are listed and merged without losing the linked inquiry', async ({ app, page }) => {
  await app.seedAccounts();
  const inquiry = await acceptedInquiry(app.core);
  const session = { token: null as string | null };
  await dispatch(app.core, session, 'auth.signIn', { username: 'coord', password: E2E_PASSWORD });
  // Only what makes the pair alike (name, birth, nationality): nothing else that could count as a match.
  const base = patientInput({
    nativeName: null,
    email: null,
    phone: null,
    address: null,
    emergencyName: null,
    emergencyRelation: null,
    emergencyPhone: null,
    passportNumber: null,
    strokeOnsetDate: null,
    lesionSide: null,
    lesionSite: null,
    priorTreatments: null,
    comorbidities: [],
    ecog: null,
    asa: null,
  });

  const first = await dispatch(app.core, session, 'patients.create', base);
  const second = await dispatch(app.core, session, 'patients.create', {
    ...base,
    givenName: 'Nikolay',
    passportNumber: 'N7654321',
  });
  if (!first.ok || !second.ok) throw new Error('could not register the pair');
  await dispatch(app.core, session, 'patients.convertInquiry', {
    inquiryId: inquiry.id,
    version: inquiry.version,
    target: { kind: 'existing', patientId: (second.value as { id: number }).id },
  });

  await page.goto(app.openUrl);
  await signIn(page, 'coord');
  await page.getByRole('link', { name: 'Patients' }).click();
  await expect(page.getByText('1–2 of 2')).toBeVisible();
  await page.getByRole('link', { name: 'Find duplicates' }).click();
  await expect(page.getByText('same name and birth date')).toBeVisible();
  await page.getByRole('button', { name: 'Keep SD-2026-00001' }).click();
  await expect(page.getByRole('alertdialog')).toContainText(
    'Merge Sokolov Nikolay (SD-2026-00002) into Sokolov Nikolai (SD-2026-00001)?',
  );
  await page.getByRole('button', { name: 'Merge records' }).click();
  await expect(page.getByText('No likely duplicates')).toBeVisible();
  // Deciding on a merge from the list is not opening a record: no view was logged for it.
  expect(app.core.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'patients.view'").get()).toEqual({
    n: 0,
  });
  await page.goto(`${app.url}/#/patients/1`);
  await expect(page.getByText('MRN SD-2026-00002 (merged record)')).toBeVisible();
  await expect(page.getByText('N7654321')).toBeVisible();
  await expect(page.getByRole('link', { name: `Inquiry #${inquiry.id}` })).toBeVisible();
});

test('an admin sets the MRN format and the next patient is numbered in it', async ({ app, page }) => {
  await app.seedAccounts();
  await page.goto(app.openUrl);
  await signIn(page, 'admin');
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('tab', { name: 'Clinic numbers' }).click();
  await expect(page.getByText('SD-2026-00001')).toBeVisible();
  await page.getByLabel('Format').fill('KM{YY}');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Include {seq:N}, e.g. {seq:5}')).toBeVisible();
  await expect(page.getByLabel('Format')).toHaveValue('KM{YY}');
  await page.getByLabel('Format').fill('KM{seq:2}/{seq:4}');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Use {seq:N} only once')).toBeVisible();
  // The preview follows the format as it is typed, before anything is saved.
  await page.getByLabel('Format').fill('KM{YY}/{seq:4}');
  await expect(page.locator('.settings-preview .mrn')).toHaveText('KM26/0001');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Saved. New patients get numbers in this format.')).toBeVisible();
  await expect(page.getByText('KM26/0001')).toBeVisible();
  await page.getByRole('button', { name: 'Sign out' }).click();

  await signIn(page, 'coord');
  await page.getByRole('link', { name: 'Patients' }).click();
  await expect(page.getByText('No patients yet')).toBeVisible();
  await page.getByRole('link', { name: 'Register patient' }).click();
  await page.getByLabel('Family name').fill('Petrova');
  await page.getByLabel('Given name').fill('Elena');
  await page.getByRole('button', { name: 'Register patient' }).click();
  // Sex and stroke type are required: the form says so and keeps what was typed.
  await expect(page.getByText(/fields need attention/)).toBeVisible();
  await expect(page.getByLabel('Family name')).toHaveValue('Petrova');
  for (const [label, option] of [
    ['Sex', 'Female'],
    ['Stroke type', 'Unknown'],
  ] as const) {
    await page
      .getByRole('button', { name: new RegExp(label) })
      .first()
      .click();
    await page.getByRole('option', { name: option, exact: true }).click();
  }
  await page.getByRole('button', { name: 'Register patient' }).click();
  await expect(page.getByRole('heading', { name: 'Petrova Elena' })).toBeVisible();
  await expect(page.locator('.page-subtitle')).toContainText('KM26/0001');
});

test('the registry pages past a thousand patients by seeking, and says "more than 1,000"', async ({ app, page }) => {
  await app.seedAccounts();
  const session = { token: null as string | null };
  await dispatch(app.core, session, 'auth.signIn', { username: 'coord', password: E2E_PASSWORD });
  const made = await dispatch(app.core, session, 'patients.create', patientInput({ familyName: 'Aaberg' }));
  if (!made.ok) throw new Error(made.error.message);
  // 1,060 more copies of that record, written at once: the screen is under test, not registration.
  const db = app.core.db;
  const columns = (db.prepare('PRAGMA table_info(patients)').all() as { name: string }[])
    .map((c) => c.name)
    .filter((c) => c !== 'id' && c !== 'mrn' && c !== 'family_name');
  const copy = db.prepare(
    `INSERT INTO patients (mrn, family_name, ${columns.join(', ')})
     SELECT ?, ?, ${columns.join(', ')} FROM patients WHERE id = ?`,
  );
  const id = (made.value as { id: number }).id;
  db.transaction(() => {
    for (let i = 1; i <= 1060; i += 1) copy.run(`BULK-${String(i).padStart(5, '0')}`, `Copy ${i}`, id);
  })();

  await page.goto(app.openUrl);
  await signIn(page, 'coord');
  await page.getByRole('link', { name: 'Patients' }).click();
  await expect(page.getByText('1–50 of more than 1,000')).toBeVisible();
  await page.getByRole('columnheader', { name: 'MRN' }).getByRole('button').click();
  await expect(page.getByRole('row').nth(1)).toContainText('BULK-00001');
  const next = page.getByRole('button', { name: 'Next' });
  for (let n = 2; n <= 3; n += 1) {
    await next.click();
    await expect(page.getByText(`${(n - 1) * 50 + 1}–${n * 50} of more than 1,000`)).toBeVisible();
  }
  await expect(page.getByRole('row').nth(1)).toContainText('BULK-00101');
  await page.getByRole('button', { name: 'Previous' }).click();
  await expect(page.getByText('51–100 of more than 1,000')).toBeVisible();
  await expect(page.getByRole('row').nth(1)).toContainText('BULK-00051');
});
