// Schema 100 (follow-up worklist, issue #10): each attempt to reach a patient about a follow-up time point.
import type { Migration } from '../migrate';

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

// Kept here rather than imported from the contract: a shipped migration must not change when the contract grows.
const TIME_POINTS_AT_100 = ['baseline', 'after_procedure', 'discharge', 'm1', 'm3', 'm6', 'm12'] as const;
const OUTCOMES_AT_100 = ['reached', 'no_answer', 'refused', 'lost_to_follow_up'] as const;

/**
 * Attempts are facts: appended, never edited or deleted (triggers), except that a patient merge moves `patient_id`.
 * The worklist reads the latest attempt of a point through `follow_up_contacts_point`; a patient's list through
 * `follow_up_contacts_patient`. `courses_discharged` lets the worklist read only the courses whose follow-up windows
 * can still be open (discharged in the last 14 months) instead of every course of ten years.
 */
export const m0100: Migration = {
  version: 100,
  name: '0100-follow-up-contacts',
  up(db) {
    db.exec(`
      CREATE TABLE follow_up_contacts (
        id INTEGER PRIMARY KEY,
        patient_id INTEGER NOT NULL REFERENCES patients (id),
        course_id INTEGER NOT NULL REFERENCES courses (id),
        time_point TEXT NOT NULL CHECK (time_point IN (${list(TIME_POINTS_AT_100)})),
        procedure_id INTEGER REFERENCES procedures (id),
        at TEXT NOT NULL,
        by_id INTEGER NOT NULL REFERENCES accounts (id),
        outcome TEXT NOT NULL CHECK (outcome IN (${list(OUTCOMES_AT_100)})),
        note TEXT,
        next_try_on TEXT,
        CHECK ((time_point = 'after_procedure') = (procedure_id IS NOT NULL))
      ) STRICT;
      CREATE INDEX follow_up_contacts_point ON follow_up_contacts
        (course_id, time_point, ifnull(procedure_id, 0), at, id);
      CREATE INDEX follow_up_contacts_patient ON follow_up_contacts (patient_id, at);
      CREATE INDEX courses_discharged ON courses (discharged_on) WHERE status = 'discharged';

      CREATE TRIGGER follow_up_contacts_kept BEFORE UPDATE OF
        course_id, time_point, procedure_id, at, by_id, outcome, note, next_try_on ON follow_up_contacts
        BEGIN SELECT RAISE(ABORT, 'a follow-up contact attempt is never edited'); END;
      CREATE TRIGGER follow_up_contacts_never_deleted BEFORE DELETE ON follow_up_contacts
        BEGIN SELECT RAISE(ABORT, 'a follow-up contact attempt is never deleted'); END;
    `);
  },
};
