// Test support for treatment: rooms, a second doctor, courses and consents written straight to real SQLite, and booking.
import type { Patient, Procedure } from '../../db/contract';
import type { Core } from '../../db/services/core';
import { type Caller, PASSWORD, caller, patientInput, staff } from './support';

export interface Ward {
  core: Core;
  coordinator: Caller;
  doctor: Caller;
  doctor2: Caller;
  ids: { coordinator: number; doctor: number; doctor2: number; admin: number };
  rooms: number[];
  /** Lumbar puncture, IV infusion, stereotactic (seeded by migration 40). */
  types: number[];
}

export async function ward(core: Core, roomCount = 2): Promise<Ward> {
  const s = await staff(core);
  const second = await s.admin.ok<{ id: number }>('accounts.create', {
    username: 'doctor2',
    displayName: 'Dr. Ming',
    role: 'doctor',
    password: PASSWORD,
  });
  const doctor2 = caller(core);
  await doctor2.ok('auth.signIn', { username: 'doctor2', password: PASSWORD });
  const addRoom = core.db.prepare('INSERT INTO rooms (name) VALUES (?)');
  const rooms = Array.from({ length: roomCount }, (_, i) => Number(addRoom.run(`Room ${i + 1}`).lastInsertRowid));
  const types = (core.db.prepare('SELECT id FROM procedure_types ORDER BY id').all() as { id: number }[]).map(
    (t) => t.id,
  );
  return {
    core,
    coordinator: s.coordinator,
    doctor: s.doctor,
    doctor2,
    ids: { ...s.ids, doctor2: second.id },
    rooms,
    types,
  };
}

let patientNo = 0;
export async function newPatient(w: Ward): Promise<Patient> {
  patientNo += 1;
  return w.coordinator.ok<Patient>(
    'patients.create',
    patientInput({ familyName: `Patient${patientNo}`, passportNumber: null, email: null, phone: null }),
  );
}

export interface CourseRow {
  status?: string;
  plannedAdmission?: string;
  plannedDischarge?: string;
  admittedOn?: string | null;
  dischargedOn?: string | null;
  allergies?: string | null;
}

export function addCourse(core: Core, patientId: number, c: CourseRow = {}): number {
  const row = {
    status: 'admitted',
    plannedAdmission: '2026-12-01',
    plannedDischarge: '2026-12-10',
    admittedOn: null,
    dischargedOn: null,
    allergies: null,
    ...c,
  };
  return Number(
    core.db
      .prepare(
        `INSERT INTO courses (patient_id, status, planned_admission, planned_discharge, admitted_on, discharged_on,
           planned_transplants, planned_routes, allergies, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, 2, '["intrathecal"]', ?, '2026-11-20T00:00:00.000Z', '2026-11-20T00:00:00.000Z')`,
      )
      .run(
        patientId,
        row.status,
        row.plannedAdmission,
        row.plannedDischarge,
        row.admittedOn,
        row.dischargedOn,
        row.allergies,
      ).lastInsertRowid,
  );
}

export function addConsent(
  core: Core,
  courseId: number,
  takenBy: number,
  c: { type?: string; withdrawnOn?: string | null } = {},
): number {
  return Number(
    core.db
      .prepare(
        `INSERT INTO consents (course_id, type, given_on, taken_by, withdrawn_on, created_at)
         VALUES (?, ?, '2026-11-30', ?, ?, '2026-11-30T00:00:00.000Z')`,
      )
      .run(courseId, c.type ?? 'treatment', takenBy, c.withdrawnOn ?? null).lastInsertRowid,
  );
}

/** Clinic-local 2026-12-0d hh:mm in Asia/Shanghai (UTC+8) as a UTC instant. */
export const at = (day: number, hhmm: string): string => {
  const [h = 0, m = 0] = hhmm.split(':').map(Number);
  return new Date(Date.UTC(2026, 11, day, h - 8, m)).toISOString();
};

export interface Booking {
  courseId: number;
  typeId?: number;
  startsAt: string;
  endsAt: string;
  roomId: number;
  doctorId: number;
}

export const bookInput = (w: Ward, b: Booking) => ({ typeId: w.types[0], ...b });
export const book = (w: Ward, b: Booking): Promise<Procedure> =>
  w.coordinator.ok<Procedure>('procedures.book', bookInput(w, b));
