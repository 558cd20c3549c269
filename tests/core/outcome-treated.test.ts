// The treated-course table (migration 0180, kept by triggers on procedures) gives exactly the rows the report used to
// compute from every completed procedure on each view — after a seeded clinic and after each kind of procedure change.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type TreatedCourseRow, treatedCourses } from '../../db/repos/outcomes';
import { seedClinic } from '../../db/seed/generate';
import type { Core } from '../../db/services/core';
import { REBUILD_OUTCOME_TREATED } from '../../db/sqlite/migrations/0180-outcomes-facts';
import { fixedClock, makeCore } from './support';

/** The query the report ran before the table (db/repos/outcomes.ts at migration 0150), kept here as the reference. */
const REFERENCE = `WITH f AS MATERIALIZED (
    SELECT p.id AS patient_id, p.stroke_type, p.stroke_onset_date, p.birth_date,
           (p.comorbidities <> '[]' OR ifnull(trim(p.comorbidities_other), '') <> '') AS comorbid,
           (SELECT course_id FROM procedures WHERE patient_id = p.id AND status = 'completed'
             ORDER BY coalesce(performed_start, starts_at), course_id LIMIT 1) AS course_id
      FROM patients p WHERE p.merged_into_id IS NULL)
  SELECT f.course_id AS courseId, f.patient_id AS patientId,
         (SELECT date(min(coalesce(performed_start, starts_at)), '+480 minutes') FROM procedures
           WHERE patient_id = f.patient_id AND status = 'completed') AS firstDay,
         (SELECT count(*) FROM procedures
           WHERE patient_id = f.patient_id AND status = 'completed' AND course_id = f.course_id) AS transplants,
         coalesce(c.discharged_on, c.planned_discharge) AS discharge, f.stroke_type AS strokeType,
         f.stroke_onset_date AS onset, f.birth_date AS birth, f.comorbid AS comorbid
    FROM f JOIN courses c ON c.id = f.course_id ORDER BY f.patient_id`;

let core: Core;
beforeEach(async () => {
  core = makeCore({ clock: fixedClock('2026-11-25T03:00:00.000Z') });
  await seedClinic(core, { inquiries: 60, patients: 120, seed: 11 });
});
afterEach(() => core.db.close());

type ReferenceRow = Omit<TreatedCourseRow, 'comorbid'> & { comorbid: number };
const reference = (): TreatedCourseRow[] =>
  (core.db.prepare(REFERENCE).all() as ReferenceRow[]).map((r) => ({ ...r, comorbid: r.comorbid === 1 }));
const expectSame = () => expect(treatedCourses(core.db, 480)).toEqual(reference());

interface Proc {
  id: number;
  patient_id: number;
  course_id: number;
  starts_at: string;
}
const first = (where: string) => core.db.prepare(`SELECT * FROM procedures WHERE ${where} LIMIT 1`).get() as Proc;

describe('outcome_treated', () => {
  it('holds the reference rows after the seed and after each kind of procedure change', () => {
    const seeded = reference();
    expect(seeded.length).toBeGreaterThan(5);
    expectSame();

    // Complete a scheduled procedure (a patient may become treated, or gain a transplant).
    const booked = first("status = 'scheduled'");
    core.db
      .prepare("UPDATE procedures SET status = 'completed', lot_number = 'L-1', performed_start = ? WHERE id = ?")
      .run(booked.starts_at, booked.id);
    expectSame();

    // Cancel a completed one: the first transplant of a treated patient.
    const done = first("status = 'completed' ORDER BY coalesce(performed_start, starts_at)");
    core.db.prepare("UPDATE procedures SET status = 'cancelled', lot_number = NULL WHERE id = ?").run(done.id);
    expectSame();

    // A second transplant, earlier than the patient's first, in another course of theirs: the course changes.
    const treated = seeded[3] as TreatedCourseRow;
    const other = core.db
      .prepare('SELECT id FROM courses WHERE patient_id = ? AND id <> ? LIMIT 1')
      .pluck()
      .get(treated.patientId, treated.courseId) as number | undefined;
    const template = first(`patient_id = ${treated.patientId} AND status = 'completed'`);
    core.db
      .prepare(
        `INSERT INTO procedures (course_id, patient_id, type_id, starts_at, ends_at, room_id, doctor_id, status,
                                 lot_number, performed_start, created_at, updated_at)
         SELECT ?, patient_id, type_id, '2000-01-01T01:00:00.000Z', '2000-01-01T02:00:00.000Z', room_id, doctor_id,
                'completed', 'L-2', '2000-01-01T01:00:00.000Z', created_at, updated_at FROM procedures WHERE id = ?`,
      )
      .run(other ?? treated.courseId, template.id);
    expectSame();
    expect(treatedCourses(core.db, 480).find((r) => r.patientId === treated.patientId)?.firstDay).toBe('2000-01-01');

    // A completed procedure moved to another patient, then deleted; a performed time corrected.
    const moved = first("status = 'completed'");
    const target = seeded[5] as TreatedCourseRow;
    core.db.prepare('UPDATE procedures SET patient_id = ? WHERE id = ?').run(target.patientId, moved.id);
    expectSame();
    core.db.prepare("UPDATE procedures SET performed_start = '1999-12-31T20:00:00.000Z' WHERE id = ?").run(moved.id);
    expectSame();
    core.db.pragma('foreign_keys = OFF');
    core.db.prepare('DELETE FROM procedures WHERE id = ?').run(moved.id);
    core.db.pragma('foreign_keys = ON');
    expectSame();

    // A merged-away patient leaves the report; the course's discharge and the patient's facts are read live.
    const merged = seeded[1] as TreatedCourseRow;
    const into = seeded[2] as TreatedCourseRow;
    core.db.prepare('UPDATE patients SET merged_into_id = ? WHERE id = ?').run(into.patientId, merged.patientId);
    core.db.prepare("UPDATE courses SET discharged_on = '2026-01-02' WHERE patient_id = ?").run(into.patientId);
    core.db
      .prepare(
        "UPDATE patients SET stroke_type = 'hemorrhagic', comorbidities_other = 'gout', birth_date = NULL WHERE id = ?",
      )
      .run(into.patientId);
    expectSame();
    expect(treatedCourses(core.db, 480).some((r) => r.patientId === merged.patientId)).toBe(false);
  });

  it('is rebuilt from every procedure with the same rows (the bulk seed and the migration fill it this way)', () => {
    const before = core.db.prepare('SELECT * FROM outcome_treated ORDER BY patient_id').all();
    expect(before.length).toBeGreaterThan(5);
    core.db.exec(REBUILD_OUTCOME_TREATED);
    expect(core.db.prepare('SELECT * FROM outcome_treated ORDER BY patient_id').all()).toEqual(before);
  });
});
