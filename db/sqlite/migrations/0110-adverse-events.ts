// Schema 110 (adverse events, issue #10): a patient's adverse events, optionally after one of their procedures.
import type { Migration } from '../migrate';

const list = (values: readonly (string | number)[]) => values.map((v) => `'${v}'`).join(', ');

// Kept here rather than imported from the contract: a shipped migration must not change when the contract grows.
const CATEGORIES_AT_110 = ['post_lp_headache', 'fever', 'infection', 'seizure', 'other'] as const;
const RELATEDNESS_AT_110 = ['unrelated', 'unlikely', 'possible', 'probable', 'definite'] as const;
const OUTCOMES_AT_110 = ['recovering', 'not_recovered', 'unknown', 'recovered', 'recovered_with_sequelae', 'fatal'];

/**
 * The lifecycle's invariants are CHECKs as well as core rules, so no write path can break them: grade 5 ⇔ fatal ⇔
 * outcome fatal; a closed event has its resolution date; an open one none. The partial index serves the doctor's
 * home ("the clinic's open events").
 */
export const m0110: Migration = {
  version: 110,
  name: '0110-adverse-events',
  up(db) {
    db.exec(`
      CREATE TABLE adverse_events (
        id INTEGER PRIMARY KEY,
        patient_id INTEGER NOT NULL REFERENCES patients (id),
        procedure_id INTEGER REFERENCES procedures (id),
        onset_on TEXT NOT NULL,
        description TEXT NOT NULL,
        category TEXT NOT NULL CHECK (category IN (${list(CATEGORIES_AT_110)})),
        category_other TEXT,
        grade INTEGER NOT NULL CHECK (grade BETWEEN 1 AND 5),
        serious INTEGER NOT NULL CHECK (serious IN (0, 1)),
        relatedness TEXT NOT NULL CHECK (relatedness IN (${list(RELATEDNESS_AT_110)})),
        action_taken TEXT,
        outcome TEXT NOT NULL CHECK (outcome IN (${list(OUTCOMES_AT_110)})),
        follow_up_on TEXT,
        status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved', 'fatal')),
        resolved_on TEXT,
        reported_by INTEGER NOT NULL REFERENCES accounts (id),
        reported_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        version INTEGER NOT NULL DEFAULT 1,
        CHECK ((category = 'other') = (category_other IS NOT NULL)),
        CHECK ((grade = 5) = (status = 'fatal')),
        CHECK ((outcome = 'fatal') = (status = 'fatal')),
        CHECK ((status = 'open') = (resolved_on IS NULL)),
        CHECK (resolved_on IS NULL OR resolved_on >= onset_on),
        CHECK (grade < 3 AND serious = 0 OR status <> 'open' OR follow_up_on IS NOT NULL)
      ) STRICT;
      CREATE INDEX adverse_events_patient ON adverse_events (patient_id, onset_on);
      CREATE INDEX adverse_events_procedure ON adverse_events (procedure_id) WHERE procedure_id IS NOT NULL;
      CREATE INDEX adverse_events_open ON adverse_events (grade DESC, onset_on) WHERE status = 'open';
    `);
  },
};
