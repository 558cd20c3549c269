// Schema 60 (assessments, issue #10): an assessment per patient, time point and instrument, kept as versions.
import type { Migration } from '../migrate';

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

// Kept here rather than imported from the contract: a shipped migration must not change when the contract grows.
const TIME_POINTS_AT_60 = ['baseline', 'after_procedure', 'discharge', 'm1', 'm3', 'm6', 'm12'] as const;
const MODES_AT_60 = ['in_person', 'video', 'phone', 'proxy'] as const;

/**
 * The item map is one JSON column of the version row: an autosave rewrites one small row (no item rows to diff), and
 * a signature stores the total, sum, subscores and completeness beside it, so reports and charts never score items.
 * `assessments.signed_n` points at the latest signed version, so the history is one indexed join.
 */
export const m0060: Migration = {
  version: 60,
  name: '0060-assessments',
  up(db) {
    db.exec(`
      CREATE TABLE assessments (
        id INTEGER PRIMARY KEY,
        patient_id INTEGER NOT NULL REFERENCES patients (id),
        course_id INTEGER REFERENCES courses (id),
        time_point TEXT NOT NULL CHECK (time_point IN (${list(TIME_POINTS_AT_60)})),
        procedure_id INTEGER REFERENCES procedures (id),
        instrument_id TEXT NOT NULL,
        instrument_version INTEGER NOT NULL CHECK (instrument_version > 0),
        mode TEXT NOT NULL CHECK (mode IN (${list(MODES_AT_60)})),
        assessor_id INTEGER NOT NULL REFERENCES accounts (id),
        assessed_on TEXT NOT NULL,
        current_n INTEGER NOT NULL DEFAULT 1,
        signed_n INTEGER,
        created_by INTEGER NOT NULL REFERENCES accounts (id),
        created_at TEXT NOT NULL,
        version INTEGER NOT NULL DEFAULT 1,
        CHECK ((time_point = 'after_procedure') = (procedure_id IS NOT NULL)),
        CHECK (signed_n IS NULL OR signed_n <= current_n)
      ) STRICT;
      CREATE INDEX assessments_patient ON assessments (patient_id, instrument_id, assessed_on);
      CREATE INDEX assessments_course ON assessments (course_id) WHERE course_id IS NOT NULL;
      CREATE UNIQUE INDEX assessments_one_per_point ON assessments
        (patient_id, ifnull(course_id, 0), time_point, ifnull(procedure_id, 0), instrument_id);

      CREATE TABLE assessment_versions (
        assessment_id INTEGER NOT NULL REFERENCES assessments (id),
        n INTEGER NOT NULL CHECK (n > 0),
        status TEXT NOT NULL CHECK (status IN ('draft', 'signed')),
        item_values TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(item_values)),
        item_notes TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(item_notes)),
        sum REAL,
        total REAL,
        complete INTEGER CHECK (complete IN (0, 1)),
        subscores TEXT CHECK (subscores IS NULL OR json_valid(subscores)),
        amend_reason TEXT,
        created_by INTEGER NOT NULL REFERENCES accounts (id),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        signed_by INTEGER REFERENCES accounts (id),
        signed_at TEXT,
        PRIMARY KEY (assessment_id, n),
        CHECK ((n = 1) = (amend_reason IS NULL)),
        CHECK ((status = 'signed') = (signed_by IS NOT NULL AND signed_at IS NOT NULL AND complete IS NOT NULL))
      ) STRICT, WITHOUT ROWID;

      CREATE TRIGGER assessment_versions_signed_readonly BEFORE UPDATE ON assessment_versions
        WHEN OLD.status = 'signed'
        BEGIN SELECT RAISE(ABORT, 'a signed assessment version is read-only'); END;
      CREATE TRIGGER assessment_versions_signed_kept BEFORE DELETE ON assessment_versions
        WHEN OLD.status = 'signed'
        BEGIN SELECT RAISE(ABORT, 'a signed assessment version is read-only'); END;
    `);
  },
};
