// The ward calendar end to end: book transplants #1 and #2, a room double booking refused with its message, a move by
// keyboard, the patient found by lot number, and the day's ward list printed to PDF with both bookings in its text.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Locator } from '@playwright/test';
import type { Course, Patient, Procedure, Room } from '../../db/contract';
import { clinicToday } from '../../db/services/core';
import { patientInput } from '../core/support';
import { type E2eApp, apiAs, expect, signIn, test } from './fixtures';

const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** Two rooms, and two patients each admitted today on a ten-day course; returns what the steps need. */
async function ward(app: E2eApp) {
  const { coord, doctor } = await app.seedAccounts();
  const admin = await apiAs(app, 'admin');
  const call = await apiAs(app, 'coord');
  const roomA = await admin<Room>('rooms.create', { name: 'Room A' });
  await admin<Room>('rooms.create', { name: 'Room B' });
  const today = clinicToday(app.core);
  const admitted = async (familyName: string, givenName: string, email: string) => {
    const p = await call<Patient>(
      'patients.create',
      patientInput({ familyName, givenName, email, passportNumber: null }),
    );
    const c = await call<Course>('courses.create', {
      patientId: p.id,
      fields: {
        plannedAdmission: today,
        plannedDischarge: addDays(today, 10),
        baselineSeverity: null,
        plannedTransplants: 2,
        plannedRoutes: ['intrathecal', 'intravenous'],
        allergies: 'Penicillin',
        notes: null,
      },
    });
    const a = await call<Course>('courses.transition', {
      id: c.id,
      version: c.version,
      to: 'admitted',
      reason: null,
      on: today,
    });
    return { patient: p, course: a };
  };
  const first = await admitted('Ivanova', 'Marina', 'm.ivanova@example.org');
  const second = await admitted('Petrov', 'Oleg', 'o.petrov@example.org');
  return { coord, doctorId: doctor.id, call, roomA, day: addDays(today, 1), first, second };
}

test('book #1 and #2, refuse a double booking, move by keyboard, find by lot, print the ward list', async ({
  app,
  page,
}) => {
  test.setTimeout(180_000);
  const w = await ward(app);
  await page.setViewportSize({ width: 1366, height: 768 });
  const shot = (name: string) => page.screenshot({ path: test.info().outputPath(`${name}.png`) });
  const crashes: string[] = [];
  page.on('pageerror', (e) => crashes.push(e.message));
  await page.goto(app.openUrl);
  await signIn(page, 'coord');
  await expect(page.getByRole('heading', { name: 'Today', exact: true })).toBeVisible();

  // #1: from the patient's course, whose address opens the booking dialog with patient and course filled in; closed,
  // the preselection stays for an empty 09:00 slot selected with the mouse.
  await page.goto(`${app.url}#/calendar?day=${w.day}&patient=${w.first.patient.id}&course=${w.first.course.id}`);
  const dialog = page.getByRole('dialog', { name: 'Book a procedure' });
  await expect(dialog.getByText('Ivanova Marina')).toBeVisible();
  await expect(dialog.getByRole('button', { name: /Course$/ })).toContainText('Admitted');
  await expect(dialog.getByLabel('Starts')).toHaveValue(`${w.day}T09:00`);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('button', { name: 'Day', exact: true }).click();
  const lane = page.locator('td.fc-timegrid-slot-lane[data-time="09:00:00"]');
  const box = await lane.boundingBox();
  if (!box) throw new Error('no 09:00 slot');
  await page.mouse.move(box.x + box.width / 2, box.y + 4);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height * 2 - 4, { steps: 4 });
  await page.mouse.up();
  await expect(dialog.getByText('Ivanova Marina')).toBeVisible();
  await pick(dialog, 'Procedure type', 'Lumbar puncture (intrathecal)');
  await expect(dialog.getByLabel('Ends')).toHaveValue(`${w.day}T10:00`);
  await pick(dialog, 'Room', 'Room A');
  await pick(dialog, 'Doctor', 'Dr. Daria Doctor');
  await dialog.getByRole('button', { name: 'Book' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.locator('.fc-event', { hasText: 'Transplant #1' })).toContainText('Ivanova Marina');

  // #2 by keyboard from "Book…": the shown day, the time typed.
  await page.getByRole('button', { name: 'Book…' }).click();
  await pick(dialog, 'Procedure type', 'Intravenous infusion');
  await dialog.getByLabel('Starts').fill(`${w.day}T14:00`);
  await dialog.getByLabel('Ends').fill(`${w.day}T15:30`);
  await pick(dialog, 'Room', 'Room A');
  await pick(dialog, 'Doctor', 'Dr. Daria Doctor');
  await dialog.getByRole('button', { name: 'Book' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.locator('.fc-event', { hasText: 'Transplant #2' })).toContainText('14:00');

  // Another patient in Room A at 09:30 clashes with #1: refused, the message names who, where and when; form kept.
  await page.goto(`${app.url}#/calendar?day=${w.day}`);
  await page.getByRole('button', { name: 'Book…' }).click();
  await dialog.getByLabel('Find patient').fill('Petrov');
  await dialog.getByRole('button', { name: /Petrov Oleg/ }).click();
  await pick(dialog, 'Course', /from/);
  await pick(dialog, 'Procedure type', 'Lumbar puncture (intrathecal)');
  await dialog.getByLabel('Starts').fill(`${w.day}T09:30`);
  await dialog.getByLabel('Ends').fill(`${w.day}T10:30`);
  await pick(dialog, 'Room', 'Room A');
  await pick(dialog, 'Doctor', 'Dr. Daria Doctor');
  await dialog.getByRole('button', { name: 'Book' }).click();
  const refusal = dialog.getByRole('alert');
  await expect(refusal).toContainText('the room is already taken by Ivanova Marina');
  await expect(refusal).toContainText('Room A');
  await expect(refusal).toContainText('10:00');
  await expect(dialog.getByLabel('Starts')).toHaveValue(`${w.day}T09:30`);
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  // Screenshots for review at 1366×768 (written to the output folder): day, week and month with both bookings.
  await page.getByRole('button', { name: 'Day', exact: true }).click();
  await shot('calendar-day');
  await page.getByRole('button', { name: 'Week', exact: true }).click();
  // Every room's week is an occupancy table: Room A holds both bookings that day; its cell opens Room A's week.
  // Its name is the visible lines with the room and day (Chromium spaces the stacked lines from their commas).
  const roomA = page.getByRole('button', { name: /^Room A, .*: 2 bookings\s?, 2\.5 h\s?, 09:00–15:30/ });
  await expect(roomA).toBeVisible();
  // The table replaces the week grid, which is not drawn at all (not merely hidden): no slot, no day column.
  await expect(page.locator('.fc-timegrid-slot')).toHaveCount(0);
  await shot('calendar-week');
  await roomA.press('Enter');
  await expect(page.locator('.fc-event', { hasText: 'Transplant #2' })).toBeVisible();
  await shot('calendar-week-room');
  await pick(page.locator('.calendar-filters'), 'Room', 'All rooms');
  // Every room again: the same week as the occupancy table, the Week button still the pressed one.
  await expect(roomA).toBeVisible();
  await expect(page.locator('.fc-timegrid-slot')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Week', exact: true })).toHaveClass(/fc-button-active/);
  await page.getByRole('button', { name: 'Month', exact: true }).click();
  await shot('calendar-month');

  // Move #2 by keyboard: focus it, Alt+Down moves it 15 minutes later; Enter opens the panel with the keys listed.
  await page.getByRole('button', { name: 'Day', exact: true }).click();
  const second = page.locator('.fc-event', { hasText: 'Transplant #2' });
  await second.focus();
  await page.keyboard.press('Alt+ArrowDown');
  await expect(page.getByRole('status').filter({ hasText: 'Booking for Ivanova Marina moved.' })).toBeAttached();
  await expect(page.locator('.fc-event', { hasText: 'Transplant #2' })).toContainText('14:15');
  await expect(page.locator('.fc-event', { hasText: 'Transplant #2' })).toBeFocused();
  // A keyboard move onto another patient's booking (Petrov in Room A the next day) is refused: the booking's panel
  // opens with the refusal beside its move fields, focused, and the booking stays where it was.
  await w.call('procedures.book', {
    courseId: w.second.course.id,
    typeId: 1,
    roomId: w.roomA.id,
    doctorId: w.doctorId,
    startsAt: new Date(`${addDays(w.day, 1)}T14:00:00+08:00`).toISOString(),
    endsAt: new Date(`${addDays(w.day, 1)}T15:00:00+08:00`).toISOString(),
  });
  await page.locator('.fc-event', { hasText: 'Transplant #2' }).focus();
  await page.keyboard.press('Alt+ArrowRight');
  const refusedPanel = page.getByRole('dialog');
  await expect(refusedPanel.getByRole('alert')).toContainText('Petrov Oleg');
  await expect(refusedPanel.getByRole('alert')).toBeFocused();
  await expect(refusedPanel.getByLabel('Starts')).toBeVisible();
  await refusedPanel.getByRole('button', { name: 'Close' }).click();
  await expect(page.locator('.fc-event', { hasText: 'Transplant #2' })).toContainText('14:15');
  await page.locator('.fc-event', { hasText: 'Transplant #2' }).focus();
  await page.keyboard.press('Enter');
  const panel = page.getByRole('dialog');
  await expect(panel.getByText('15 minutes later', { exact: true })).toBeVisible();
  await panel.getByRole('button', { name: 'Move…' }).click();
  await panel.getByLabel('Starts').fill(`${w.day}T09:15`);
  await panel.getByRole('button', { name: 'Save move' }).click();
  await expect(panel.getByRole('alert')).toContainText('Ivanova Marina');
  await panel.getByRole('button', { name: 'Close' }).click();

  // #1 completed with a lot (through the API: the patient page's form is another screen), then found by that lot.
  const doctor = await apiAs(app, 'doctor');
  const [one] = (
    await w.call<Procedure[]>('procedures.calendar', {
      from: new Date(`${w.day}T00:00:00+08:00`).toISOString(),
      to: new Date(`${addDays(w.day, 1)}T00:00:00+08:00`).toISOString(),
    })
  ).filter((p) => p.sequence === 1);
  if (!one) throw new Error('transplant #1 not found');
  await w.call('consents.record', {
    courseId: w.first.course.id,
    type: 'treatment',
    givenOn: clinicToday(app.core),
    takenById: w.coord.id,
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
  await page.getByRole('link', { name: 'Lot search' }).click();
  await page.getByLabel('Lot number').fill('LOT-2026');
  await page.getByRole('button', { name: 'Find' }).click();
  const row = page.getByRole('row', { name: /Ivanova Marina/ });
  await expect(row).toContainText('LOT-2026-0042');
  await expect(row).toContainText('Transplant #1');
  await expect(row).toContainText('50 million cells');

  // The ward list for the day, printed to PDF: both bookings in its text, no app chrome.
  await page.goto(`${app.url}#/ward-list?day=${w.day}`);
  await expect(page.getByRole('row', { name: /Transplant #2/ })).toBeVisible();
  await shot('ward-list');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ui-calendar-pdf-'));
  const pdf = path.join(dir, 'ward-list.pdf');
  await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
  const text = execFileSync('pdftotext', ['-layout', pdf, '-']).toString();
  const pages = /Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf]).toString())?.[1];
  fs.rmSync(dir, { recursive: true, force: true });
  expect(pages).toBe('1');
  expect(text).toContain('Transplant #1');
  expect(text).toContain('Transplant #2');
  expect(text.match(/Ivanova Marina/g)?.length).toBe(2);
  expect(text).toContain('Penicillin');
  expect(text).not.toContain('Sign out');
  expect(crashes).toEqual([]);
});

/** Opens a labelled select in the dialog and picks an option by its visible name. */
async function pick(scope: Locator, label: string, option: string | RegExp) {
  await scope.getByRole('button', { name: new RegExp(`${label}$`) }).click();
  await scope.page().getByRole('option', { name: option }).click();
}
