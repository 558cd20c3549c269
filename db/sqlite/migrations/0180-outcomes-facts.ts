// Schema 180 (issue #11, wave 8): each treated patient's first treated course and the facts the outcomes report
// stratifies by, kept in one narrow table by triggers, so a report reads one short row per patient (no joins, no
// search for the course) instead of finding the course and the patient's wide row again on every view.
import type { Migration } from '../migrate';

const FACTS = `patient_id, course_id, first_at, transplants, discharge, stroke_type, onset, birth, comorbid, live`;

/** `+course_id`: the count stays on the covering procedures_treated range of the patient (migration 0150) instead of
 * reading every wide row of the course through procedures_course. */

/** The facts from the patient `p` and the course `c` (the same expressions the report used to compute per view). */
const FACT_VALUES = `coalesce(c.discharged_on, c.planned_discharge), p.stroke_type, p.stroke_onset_date, p.birth_date,
  (p.comorbidities <> '[]' OR ifnull(trim(p.comorbidities_other), '') <> ''), p.merged_into_id IS NULL`;

/**
 * The statements that make `outcome_treated` right for one patient (`pid` is an SQL expression: NEW.patient_id in a
 * trigger; `onlyIf` a condition on the trigger's row): drop their row, then put back their first completed
 * procedure's course (earliest instant, then lowest course id), that instant, the course's completed count and the
 * facts. Frozen with this migration (a later change to the rule is a new migration that re-creates the triggers).
 */
const recomputeTreated = (pid: string, onlyIf = 'TRUE') => `
  DELETE FROM outcome_treated WHERE patient_id = ${pid} AND ${onlyIf};
  INSERT INTO outcome_treated (${FACTS})
    SELECT f.patient_id, f.course_id, f.first_at,
           (SELECT count(*) FROM procedures
             WHERE patient_id = f.patient_id AND status = 'completed' AND +course_id = f.course_id), ${FACT_VALUES}
      FROM (SELECT patient_id, course_id, coalesce(performed_start, starts_at) AS first_at FROM procedures
             WHERE patient_id = ${pid} AND status = 'completed' AND ${onlyIf}
             ORDER BY coalesce(performed_start, starts_at), course_id LIMIT 1) f
      JOIN patients p ON p.id = f.patient_id JOIN courses c ON c.id = f.course_id;`;

/** Fills the table from every procedure at once (the migration's backfill; the bulk seed's rebuild after a load). */
export const REBUILD_OUTCOME_TREATED = `
  DELETE FROM outcome_treated;
  INSERT INTO outcome_treated (${FACTS})
    SELECT f.patient_id, f.course_id, f.first_at,
           (SELECT count(*) FROM procedures
             WHERE patient_id = f.patient_id AND status = 'completed' AND +course_id = f.course_id), ${FACT_VALUES}
      FROM (SELECT p.id AS patient_id,
                   (SELECT course_id FROM procedures WHERE patient_id = p.id AND status = 'completed'
                     ORDER BY coalesce(performed_start, starts_at), course_id LIMIT 1) AS course_id,
                   (SELECT min(coalesce(performed_start, starts_at)) FROM procedures
                     WHERE patient_id = p.id AND status = 'completed') AS first_at
              FROM patients p) f
      JOIN patients p ON p.id = f.patient_id JOIN courses c ON c.id = f.course_id;`;

export const m0180: Migration = {
  version: 180,
  name: '0180-outcomes-facts',
  up(db) {
    // Only a completed procedure (or one that was completed) can change a patient's treated course: booking, moving
    // and cancelling a booked slot never fire these. Edits of the patient's or the course's facts copy the new value
    // by primary key. Merged-away patients keep their row with live = 0 (the report leaves them out, as before).
    // Patients and procedures are never deleted by the app; the delete triggers keep the table right should a
    // restore or a repair ever do it.
    db.exec(`
      CREATE TABLE outcome_treated (
        patient_id INTEGER PRIMARY KEY,
        course_id INTEGER NOT NULL,
        first_at TEXT NOT NULL,
        transplants INTEGER NOT NULL,
        discharge TEXT NOT NULL,
        stroke_type TEXT NOT NULL,
        onset TEXT,
        birth TEXT,
        comorbid INTEGER NOT NULL,
        live INTEGER NOT NULL
      ) STRICT;
      CREATE TRIGGER outcome_treated_insert AFTER INSERT ON procedures WHEN NEW.status = 'completed'
      BEGIN ${recomputeTreated('NEW.patient_id')}
      END;
      CREATE TRIGGER outcome_treated_update
        AFTER UPDATE OF status, performed_start, starts_at, course_id, patient_id ON procedures
        WHEN OLD.status = 'completed' OR NEW.status = 'completed'
      BEGIN ${recomputeTreated('OLD.patient_id')}
        ${recomputeTreated('NEW.patient_id', 'NEW.patient_id <> OLD.patient_id')}
      END;
      CREATE TRIGGER outcome_treated_delete AFTER DELETE ON procedures WHEN OLD.status = 'completed'
      BEGIN ${recomputeTreated('OLD.patient_id')}
      END;
      CREATE TRIGGER outcome_treated_patient
        AFTER UPDATE OF stroke_type, stroke_onset_date, birth_date, comorbidities, comorbidities_other, merged_into_id
        ON patients
      BEGIN
        UPDATE outcome_treated SET stroke_type = NEW.stroke_type, onset = NEW.stroke_onset_date, birth = NEW.birth_date,
               comorbid = (NEW.comorbidities <> '[]' OR ifnull(trim(NEW.comorbidities_other), '') <> ''),
               live = NEW.merged_into_id IS NULL
         WHERE patient_id = NEW.id;
      END;
      CREATE TRIGGER outcome_treated_patient_delete AFTER DELETE ON patients
      BEGIN DELETE FROM outcome_treated WHERE patient_id = OLD.id;
      END;
      CREATE TRIGGER outcome_treated_course AFTER UPDATE OF discharged_on, planned_discharge ON courses
      BEGIN
        UPDATE outcome_treated SET discharge = coalesce(NEW.discharged_on, NEW.planned_discharge)
         WHERE patient_id = NEW.patient_id AND course_id = NEW.id;
      END;
      ${REBUILD_OUTCOME_TREATED}
    `);
  },
};
