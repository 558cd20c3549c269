// Treatment courses end to end: the admin sets up rooms and procedure types; a coordinator plans a course, records a
// treatment consent with its scanned form and admits; a doctor completes transplant #1 with its lot number, and a
// completion without treatment consent is refused in words with the form kept.
import type { Page } from '@playwright/test';
import { dispatch } from '../../db/api/dispatch';
import type { Core } from '../../db/services/core';
import { patientInput } from '../core/support';
import { E2E_PASSWORD, expect, signIn, test } from './fixtures';

const SHOTS = 'tests/e2e/.artifacts/screens';
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% synthetic consent form, no real person\n%%EOF\n',
);

/** The core as one signed-in person, for what a test only sets up. */
async function as(core: Core, username: string) {
  const session = { token: null as string | null };
  const signedIn = await dispatch(core, session, 'auth.signIn', { username, password: E2E_PASSWORD });
  if (!signedIn.ok) throw new Error(signedIn.error.message);
  return async <T>(method: string, input: unknown): Promise<T> => {
    const r = await dispatch(core, session, method, input);
    if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
    return r.value as T;
  };
}

/** The clinic's (Shanghai's) calendar day `offset` days from now. */
const clinicDay = (offset = 0) => new Date(Date.now() + offset * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);

/** A one-hour slot starting at the next whole hour plus `hours`. */
function slot(hours: number) {
  const start = Math.ceil(Date.now() / 3_600_000) * 3_600_000 + hours * 3_600_000;
  return { startsAt: new Date(start).toISOString(), endsAt: new Date(start + 3_600_000).toISOString() };
}

async function setUp(app: { core: Core; seedAccounts: () => Promise<{ doctor: { id: number } }> }) {
  const { doctor } = await app.seedAccounts();
  const admin = await as(app.core, 'admin');
  const room = await admin<{ id: number }>('rooms.create', { name: 'Procedure room 1' });
  const coord = await as(app.core, 'coord');
  return { coord, roomId: room.id, doctorId: doctor.id };
}

async function openPatient(page: Page, url: string, id: number, name: string) {
  await page.goto(`${url}/#/patients/${id}`);
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(name) })).toBeVisible();
}

test('the admin adds a room and a procedure type', async ({ app, page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await app.seedAccounts();
  await page.goto(app.openUrl);
  await signIn(page, 'admin');
  await page.getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { name: 'Clinic settings' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Time zone' })).toHaveValue(/Asia\/Shanghai/);
  await page.screenshot({ path: `${SHOTS}/settings-clinic.png` });

  await page.getByRole('tab', { name: 'Rooms' }).click();
  await expect(page.getByText('No rooms yet')).toBeVisible();
  await page.getByRole('button', { name: 'Add room' }).click();
  await expect(page.getByText('Required')).toBeVisible();
  await page.getByLabel('New room').fill('Procedure room 1');
  await page.getByRole('button', { name: 'Add room' }).click();
  await expect(page.getByText('Procedure room 1 added.')).toBeVisible();
  await page.getByLabel('New room').fill('Stereotactic suite');
  await page.getByRole('button', { name: 'Add room' }).click();
  const rooms = page.getByRole('table', { name: 'Rooms' });
  await expect(rooms.getByRole('row', { name: /Stereotactic suite/ })).toBeVisible();
  // A refused name (the same room in other letter case) keeps what was typed, with the reason under the field.
  await page.getByLabel('New room').fill('stereotactic SUITE');
  await page.getByRole('button', { name: 'Add room' }).click();
  await expect(page.getByText('A room of this name already exists')).toBeVisible();
  await expect(page.getByLabel('New room')).toHaveValue('stereotactic SUITE');
  await page.getByLabel('New room').fill('');
  await page.getByRole('button', { name: 'Retire Procedure room 1' }).click();
  await expect(rooms.getByRole('row', { name: /Procedure room 1/ })).toContainText('Retired');
  await page.screenshot({ path: `${SHOTS}/settings-rooms.png` });

  await page.getByRole('tab', { name: 'Procedure types' }).click();
  const types = page.getByRole('table', { name: 'Procedure types' });
  await expect(types.getByRole('row', { name: /Intravenous infusion/ })).toBeVisible();
  await page.getByRole('button', { name: 'Add procedure type' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a procedure type' });
  await dialog.getByLabel('Name').fill('Intra-arterial infusion');
  await dialog.getByLabel('Default duration').fill('3');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByText('5 to 720 minutes')).toBeVisible();
  await dialog.getByLabel('Default duration').fill('90');
  await dialog.getByRole('button', { name: /Route/ }).click();
  await page.getByRole('option', { name: 'Intravenous' }).click();
  await dialog.getByLabel('Colour').fill('#aa5500');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(types.getByRole('row', { name: /Intra-arterial infusion/ })).toContainText('90 min');
  await page.screenshot({ path: `${SHOTS}/settings-types.png` });
});

test('a coordinator plans a course, records consent with a scanned form and admits; a doctor completes #1', async ({
  app,
  page,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  const { coord, roomId, doctorId } = await setUp(app);
  const patient = await coord<{ id: number }>('patients.create', patientInput());

  await page.goto(app.openUrl);
  await signIn(page, 'coord');
  await expect(page.locator('.shell')).toBeVisible();
  await openPatient(page, app.url, patient.id, 'Sokolov');
  const courses = page.getByRole('region', { name: /Treatment courses/ });
  await expect(courses.getByText('No treatment course yet')).toBeVisible();
  await courses.getByRole('link', { name: 'Plan a treatment course' }).click();

  await expect(page.getByRole('heading', { name: 'Plan a treatment course' })).toBeVisible();
  await page.getByLabel('Planned admission').fill(clinicDay(0));
  await page.getByLabel('Planned discharge').fill(clinicDay(-1));
  await page.getByLabel('Allergies').fill('Penicillin');
  await page.getByLabel('Baseline severity').fill('mRS 4, NIHSS 9 on referral');
  await page.getByRole('button', { name: 'Plan course' }).click();
  // The discharge before the admission is refused beside its field, and nothing typed is lost.
  await expect(page.getByText('Must not be before the admission')).toBeVisible();
  await expect(page.getByLabel('Allergies')).toHaveValue('Penicillin');
  // Kept as a draft like every other form: a reload brings it back, and leaving it unsaved asks first.
  await expect(page.getByText(/Draft kept at/)).toBeVisible();
  await page.reload();
  await expect(page.getByText(/Restored what you typed/)).toBeVisible();
  await expect(page.getByLabel('Allergies')).toHaveValue('Penicillin');
  await page.getByRole('link', { name: 'Patients', exact: true }).click();
  const leave = page.getByRole('alertdialog', { name: 'Leave this form?' });
  await expect(leave).toBeVisible();
  await leave.getByRole('button', { name: 'Stay' }).click();
  await expect(page.getByLabel('Baseline severity')).toHaveValue('mRS 4, NIHSS 9 on referral');
  await page.getByLabel('Planned discharge').fill(clinicDay(12));
  await page.getByRole('button', { name: 'Plan course' }).click();

  const course = courses.getByRole('article', { name: /Course 1/ });
  await expect(course.getByText('Planned', { exact: true })).toBeVisible();
  await expect(course.getByText('No valid treatment consent')).toBeVisible();

  await course.getByRole('button', { name: 'Record consent' }).click();
  const consent = page.getByRole('dialog', { name: 'Record a consent' });
  await consent
    .getByLabel('Scanned signed form')
    .setInputFiles({ name: 'Treatment consent signed.pdf', mimeType: 'application/pdf', buffer: PDF });
  await consent.getByRole('button', { name: 'Record consent' }).click();
  await expect(consent).toHaveCount(0);
  const consents = course.getByRole('table').first();
  await expect(consents.getByRole('row', { name: /Treatment/ })).toContainText('Chen Coordinator');
  await expect(consents.getByRole('link', { name: 'Treatment consent signed.pdf' })).toBeVisible();
  await expect(course.getByText('No valid treatment consent')).toHaveCount(0);
  // The scan is also one of the patient's attachments, filed as a consent form.
  await expect(page.getByRole('region', { name: /Attachments/ })).toContainText('Treatment consent signed.pdf');

  await course.getByRole('button', { name: 'Admit…' }).click();
  const admit = page.getByRole('dialog', { name: 'Course 1: change status' });
  await expect(admit.getByLabel('Admitted on')).toHaveValue(clinicDay(0));
  await admit.getByRole('button', { name: 'Change status' }).click();
  await expect(course.getByText('Admitted', { exact: true }).first()).toBeVisible();
  await expect(course.getByRole('button', { name: 'Discharge…' })).toBeVisible();
  // "Book procedure" opens the calendar's booking dialog with this patient and course already filled in.
  await course.getByRole('link', { name: 'Book procedure' }).click();
  const booking = page.getByRole('dialog', { name: 'Book a procedure' });
  await expect(booking.getByText(/Sokolov/)).toBeVisible();
  await expect(booking.getByRole('button', { name: /Course$/ })).toContainText('Admitted');
  await booking.getByRole('button', { name: 'Cancel' }).click();
  await page.goBack();

  // The calendar books; here the core does, as the coordinator would there.
  const courseId = (await coord<{ course: { id: number } }[]>('courses.forPatient', { patientId: patient.id }))[0]
    ?.course.id;
  await coord('procedures.book', { courseId, typeId: 1, roomId, doctorId, ...slot(1) });
  await coord('procedures.book', { courseId, typeId: 1, roomId, doctorId, ...slot(26) });
  await page.reload();
  await expect(course.getByRole('row', { name: /#2/ })).toContainText('Scheduled');
  await page.screenshot({ path: `${SHOTS}/patient-courses.png` });
  await page.locator('.sidebar-footer').getByRole('button', { name: '中文', exact: true }).click();
  await expect(page.getByRole('heading', { name: '第 1 疗程 已入院' })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/patient-courses-zh.png` });
  await page.locator('.sidebar-footer').getByRole('button', { name: 'English', exact: true }).click();
  await expect(course.getByText('Admitted', { exact: true })).toBeVisible();
  await expect(course.getByRole('button', { name: /^Complete/ })).toHaveCount(0);

  await page.getByRole('button', { name: 'Sign out' }).click();
  await signIn(page, 'doctor');
  await expect(page.locator('.shell')).toBeVisible();
  await openPatient(page, app.url, patient.id, 'Sokolov');
  await course.getByRole('button', { name: 'Complete transplant #1' }).click();
  const complete = page.getByRole('dialog', { name: 'Complete transplant #1' });
  await complete.getByLabel('Cell product').fill('Autologous BM-MSC');
  await complete.getByLabel('Lot number').fill('LOT-E2E-042');
  await complete.getByRole('textbox', { name: /^Dose/ }).fill('50');
  await page.screenshot({ path: `${SHOTS}/procedure-complete.png` });
  await complete.getByRole('button', { name: 'Record completion' }).click();
  await expect(complete).toHaveCount(0);
  const first = course.getByRole('row', { name: /#1/ });
  await expect(first).toContainText('Completed');
  await expect(first).toContainText('LOT-E2E-042');
});

test('completing without a treatment consent is refused in words and the form is kept', async ({ app, page }) => {
  const { coord, roomId, doctorId } = await setUp(app);
  const patient = await coord<{ id: number }>('patients.create', patientInput({ familyName: 'Ivanova' }));
  const course = await coord<{ id: number; version: number }>('courses.create', {
    patientId: patient.id,
    fields: {
      plannedAdmission: clinicDay(0),
      plannedDischarge: clinicDay(10),
      baselineSeverity: null,
      plannedTransplants: 1,
      plannedRoutes: ['intravenous'],
      allergies: null,
      notes: null,
    },
  });
  await coord('courses.transition', {
    id: course.id,
    version: course.version,
    to: 'admitted',
    reason: null,
    on: clinicDay(0),
  });
  await coord('procedures.book', { courseId: course.id, typeId: 2, roomId, doctorId, ...slot(2) });

  await page.goto(app.openUrl);
  await signIn(page, 'doctor');
  await expect(page.locator('.shell')).toBeVisible();
  await openPatient(page, app.url, patient.id, 'Ivanova');
  await page.getByRole('button', { name: 'Complete transplant #1' }).click();
  const complete = page.getByRole('dialog', { name: 'Complete transplant #1' });
  await expect(complete.getByRole('note')).toContainText('no valid treatment consent');
  // The route comes from the procedure type (an infusion is intravenous).
  await expect(complete.getByRole('button', { name: /Route/ })).toContainText('Intravenous');
  await complete.getByLabel('Cell product').fill('Autologous BM-MSC');
  await complete.getByLabel('Lot number').fill('LOT-E2E-043');
  await complete.getByRole('textbox', { name: /^Dose/ }).fill('40');
  await complete.getByRole('button', { name: 'Record completion' }).click();
  await expect(complete.getByRole('alert')).toHaveText(
    /cannot be completed: the course has no valid treatment consent/,
  );
  await expect(complete.getByLabel('Lot number')).toHaveValue('LOT-E2E-043');
});
