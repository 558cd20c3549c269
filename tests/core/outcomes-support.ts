// Test support for the outcomes report: a tiny treated clinic written straight to real SQLite (patients, courses,
// completed transplants, signed assessments), small enough to work every number out by hand.
import type { Core } from '../../db/services/core';

export interface TinyPatient {
  strokeType?: 'ischemic' | 'hemorrhagic' | 'unknown';
  onset?: string | null;
  birth?: string | null;
  comorbidities?: string[];
  /** Day of the first transplant (completed at 02:00 UTC, 10:00 in Shanghai). */
  firstTransplant?: string;
  transplants?: number;
  discharge?: string;
  /** instrument → time point → total (or item map for `improvement`). */
  scores?: Record<string, Record<string, number | Record<string, number>>>;
}

export class TinyClinic {
  private n = 0;
  private readonly room: number;
  private readonly type: number;
  constructor(
    private readonly core: Core,
    private readonly doctorId: number,
  ) {
    this.room = Number(core.db.prepare("INSERT INTO rooms (name) VALUES ('Ward 1')").run().lastInsertRowid);
    this.type = (core.db.prepare('SELECT id FROM procedure_types ORDER BY id LIMIT 1').get() as { id: number }).id;
  }

  /** Adds a patient with one treated course; returns { patientId, courseId }. */
  patient(p: TinyPatient = {}): { patientId: number; courseId: number } {
    const db = this.core.db;
    const i = ++this.n;
    const at = '2026-01-01T00:00:00.000Z';
    const patientId = Number(
      db
        .prepare(
          `INSERT INTO patients (mrn, family_name, given_name, sex, birth_date, stroke_type, stroke_onset_date,
             comorbidities, created_at, updated_at) VALUES (?, ?, 'Test', 'male', ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          `T${i}`,
          `Patient${i}`,
          p.birth === undefined ? '1960-05-05' : p.birth,
          p.strokeType ?? 'ischemic',
          p.onset === undefined ? '2025-01-10' : p.onset,
          JSON.stringify(p.comorbidities ?? []),
          at,
          at,
        ).lastInsertRowid,
    );
    const courseId = this.course(patientId, p);
    return { patientId, courseId };
  }

  /** A further course for an existing patient. */
  course(patientId: number, p: TinyPatient = {}): number {
    const db = this.core.db;
    const first = p.firstTransplant ?? '2026-03-02';
    const discharge = p.discharge ?? '2026-03-20';
    const at = '2026-01-01T00:00:00.000Z';
    const courseId = Number(
      db
        .prepare(
          `INSERT INTO courses (patient_id, status, planned_admission, planned_discharge, discharged_on,
             planned_transplants, planned_routes, created_at, updated_at)
           VALUES (?, 'discharged', ?, ?, ?, 1, '[]', ?, ?)`,
        )
        .run(patientId, first, discharge, discharge, at, at).lastInsertRowid,
    );
    const proc = db.prepare(
      `INSERT INTO procedures (course_id, patient_id, type_id, sequence, starts_at, ends_at, room_id, doctor_id, status,
         lot_number, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'completed', 'LOT-1', ?, ?)`,
    );
    for (let k = 0; k < (p.transplants ?? 1); k++) {
      const day = addDays(first, k * 3);
      proc.run(
        courseId,
        patientId,
        this.type,
        k + 1,
        `${day}T02:00:00.000Z`,
        `${day}T03:00:00.000Z`,
        this.room,
        this.doctorId,
        at,
        at,
      );
    }
    for (const [instrument, points] of Object.entries(p.scores ?? {})) {
      for (const [timePoint, value] of Object.entries(points))
        this.sign(patientId, courseId, instrument, timePoint, value);
    }
    return courseId;
  }

  sign(patientId: number, courseId: number, instrument: string, timePoint: string, value: number | object): void {
    const db = this.core.db;
    const at = '2026-06-01T00:00:00.000Z';
    const id = Number(
      db
        .prepare(
          `INSERT INTO assessments (patient_id, course_id, time_point, instrument_id, instrument_version, mode,
             assessor_id, assessed_on, current_n, signed_n, created_by, created_at)
           VALUES (?, ?, ?, ?, 1, 'in_person', ?, '2026-06-01', 1, 1, ?, ?)`,
        )
        .run(patientId, courseId, timePoint, instrument, this.doctorId, this.doctorId, at).lastInsertRowid,
    );
    const total = typeof value === 'number' ? value : null;
    const items = typeof value === 'number' ? {} : value;
    db.prepare(
      `INSERT INTO assessment_versions (assessment_id, n, status, item_values, sum, total, complete, created_by,
         created_at, updated_at, signed_by, signed_at) VALUES (?, 1, 'signed', ?, ?, ?, 1, ?, ?, ?, ?, ?)`,
    ).run(id, JSON.stringify(items), total ?? 0, total, this.doctorId, at, at, this.doctorId, at);
  }
}

function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
