// Schema 180 (issue #11, wave 8): each treated patient's first treated course kept in a narrow table by triggers on
// procedures, so the outcomes report reads one row per patient instead of finding the course again on every view.
import type { Migration } from '../migrate';

/**
 * The statements that make `outcome_treated` right for one patient (`pid` is an SQL expression: NEW.patient_id in a
 * trigger; `onlyIf` a condition on the trigger's row): drop their row, then put back their first completed
 * procedure's course (earliest instant, then lowest course id), that instant and the course's completed count — what
 * the report used to compute for everyone on each view.
 * Frozen with this migration (a later change to the rule is a new migration that re-creates the triggers).
 */
export const recomputeTreated = (pid: string, onlyIf = 'TRUE') => `
  DELETE FROM outcome_treated WHERE patient_id = ${pid} AND ${onlyIf};
  INSERT INTO outcome_treated (patient_id, course_id, first_at, transplants)
    SELECT f.patient_id, f.course_id, f.first_at,
           (SELECT count(*) FROM procedures
             WHERE patient_id = f.patient_id AND status = 'completed' AND course_id = f.course_id)
      FROM (SELECT patient_id, course_id, coalesce(performed_start, starts_at) AS first_at FROM procedures
             WHERE patient_id = ${pid} AND status = 'completed' AND ${onlyIf}
             ORDER BY coalesce(performed_start, starts_at), course_id LIMIT 1) f;`;

/** Fills the table from every procedure at once (the migration's backfill; the bulk seed's rebuild after a load). */
export const REBUILD_OUTCOME_TREATED = `
  DELETE FROM outcome_treated;
  INSERT INTO outcome_treated (patient_id, course_id, first_at, transplants)
    SELECT f.patient_id, f.course_id, f.first_at,
           (SELECT count(*) FROM procedures
             WHERE patient_id = f.patient_id AND status = 'completed' AND course_id = f.course_id)
      FROM (SELECT p.id AS patient_id,
                   (SELECT course_id FROM procedures WHERE patient_id = p.id AND status = 'completed'
                     ORDER BY coalesce(performed_start, starts_at), course_id LIMIT 1) AS course_id,
                   (SELECT min(coalesce(performed_start, starts_at)) FROM procedures
                     WHERE patient_id = p.id AND status = 'completed') AS first_at
              FROM patients p) f
     WHERE f.course_id IS NOT NULL;`;

export const m0180: Migration = {
  version: 180,
  name: '0180-outcomes-facts',
  up(db) {
    // Only a completed procedure (or one that was completed) can change a patient's treated course: booking, moving
    // and cancelling a booked slot never fire these. Merged-away patients keep their row; the report's join with
    // patients leaves them out, as it did before. Patients and procedures are never deleted by the app; the delete
    // trigger keeps the table right should a restore or repair ever do it.
    db.exec(`
      CREATE TABLE outcome_treated (
        patient_id INTEGER PRIMARY KEY,
        course_id INTEGER NOT NULL,
        first_at TEXT NOT NULL,
        transplants INTEGER NOT NULL
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
      ${REBUILD_OUTCOME_TREATED}
    `);
  },
};
