// Test fixtures for treatment: a signed-in clinic with a patient, a complete course, and bookings written as plain SQL.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import type { ApiError, CourseFieldsInput, Patient } from '../../db/contract';
import type { Core } from '../../db/services/core';
import { type Caller, fixedClock, makeCore, patientInput, staff } from './support';

/** 03:00 UTC is 11:00 in Shanghai: the clinic's today is 2026-11-25. */
export const NOW = '2026-11-25T03:00:00.000Z';
export const TODAY = '2026-11-25';

export function courseInput(overrides: Partial<CourseFieldsInput> = {}): CourseFieldsInput {
  return {
    plannedAdmission: '2026-11-20',
    plannedDischarge: '2026-12-10',
    baselineSeverity: 'mRS 4, NIHSS 9 on referral',
    plannedTransplants: 2,
    plannedRoutes: ['intrathecal'],
    allergies: 'Penicillin',
    notes: null,
    ...overrides,
  };
}

/** Temporary folders of one test file, removed after each test. */
export function tempDirs(): string[] {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
  });
  return dirs;
}

export async function refusal(c: Caller, method: string, body: unknown): Promise<ApiError> {
  const r = await c.call(method, body);
  if (r.ok) throw new Error(`${method} was expected to be refused`);
  return r.error;
}

/** A clinic with its three staff, an attachment store in a temporary folder and one patient. */
export async function treatmentClinic(dirs: string[]) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'core-a-treatment-'));
  dirs.push(dir);
  const clock = fixedClock(NOW);
  const core = makeCore({ clock, attachmentsDir: dir });
  const people = await staff(core);
  const patient = await people.coordinator.ok<Patient>('patients.create', patientInput());
  return { core, clock, patient, ...people };
}

export interface ProcedureRow {
  courseId: number;
  startsAt: string;
  endsAt: string;
  status?: 'scheduled' | 'completed' | 'cancelled' | 'postponed' | 'no_show';
  sequence?: number | null;
  roomId?: number;
  doctorId: number;
}

/** A booking written straight to the table (the procedures service is another branch's), like the seed writes them. */
export function insertProcedure(core: Core, p: ProcedureRow): number {
  const status = p.status ?? 'scheduled';
  const room = p.roomId ?? ensureRoom(core);
  const completed = status === 'completed';
  return Number(
    core.db
      .prepare(
        `INSERT INTO procedures (course_id, patient_id, type_id, sequence, starts_at, ends_at, room_id, doctor_id,
           status, lot_number, created_at, updated_at)
         SELECT id, patient_id, 1, ?, ?, ?, ?, ?, ?, ?, ?, ? FROM courses WHERE id = ?`,
      )
      .run(
        p.sequence ?? null,
        p.startsAt,
        p.endsAt,
        room,
        p.doctorId,
        status,
        completed ? 'MSC-2026-0001' : null,
        NOW,
        NOW,
        p.courseId,
      ).lastInsertRowid,
  );
}

function ensureRoom(core: Core): number {
  const row = core.db.prepare('SELECT id FROM rooms ORDER BY id LIMIT 1').get() as { id: number } | undefined;
  if (row) return row.id;
  return Number(core.db.prepare("INSERT INTO rooms (name) VALUES ('Procedure room 1')").run().lastInsertRowid);
}

export const procedureState = (core: Core, id: number) =>
  core.db.prepare('SELECT status, reason, sequence, version FROM procedures WHERE id = ?').get(id) as {
    status: string;
    reason: string | null;
    sequence: number | null;
    version: number;
  };
