// Schema 250 (issue #13): the duplicate finder's candidate pairs kept in a table (maintained by triggers on patients),
// so listing likely duplicates reads one index range instead of joining every patient with every other on each call.
import type { Migration } from '../migrate';

/**
 * Every pair (a < b) of live patients that could be one person, as the finder always brought them: the same e-mail,
 * phone digits (≥ 6) or passport, or the same exact birth date where b's family name is a's family or given name
 * (SQLite's lower(): ASCII only). The rule that decides is services/identity.ts; this only brings candidates.
 * The finder ran this on every call before 0250; tests keep it as the reference the kept table must equal.
 */
export const ALL_PAIRS = `
  SELECT a, b FROM (
    SELECT a.id AS a, b.id AS b FROM patients a JOIN patients b ON b.email = a.email AND b.id > a.id
     WHERE a.email IS NOT NULL AND a.merged_into_id IS NULL AND b.merged_into_id IS NULL
    UNION
    SELECT a.id, b.id FROM patients a JOIN patients b ON b.phone_digits = a.phone_digits AND b.id > a.id
     WHERE length(a.phone_digits) >= 6 AND a.merged_into_id IS NULL AND b.merged_into_id IS NULL
    UNION
    SELECT a.id, b.id FROM patients a JOIN patients b ON b.passport_number = a.passport_number AND b.id > a.id
     WHERE a.passport_number IS NOT NULL AND a.merged_into_id IS NULL AND b.merged_into_id IS NULL
    UNION
    SELECT a.id, b.id FROM patients a JOIN patients b
        ON b.birth_date = a.birth_date AND b.id <> a.id
       AND (lower(b.family_name) = lower(a.family_name) OR lower(b.family_name) = lower(a.given_name))
     WHERE length(a.birth_date) = 10 AND a.birth_approx = 0 AND b.birth_approx = 0
       AND a.merged_into_id IS NULL AND b.merged_into_id IS NULL
  ) WHERE a < b`;

/** Fills the table from every live patient (the migration's backfill; the bulk seed's rebuild after a load). */
export const REBUILD_DUPLICATE_CANDIDATES = `
  DELETE FROM patient_duplicate_candidates;
  INSERT INTO patient_duplicate_candidates (a, b) ${ALL_PAIRS} ORDER BY a, b;`;

/**
 * The pairs the patient NEW is in (nothing when NEW is merged away), each key through its index: the same pairs
 * ALL_PAIRS holds for NEW. On the birth date the smaller id is "a": b's family name must be a's family or given name.
 */
const PAIRS_OF_NEW = `
  INSERT OR IGNORE INTO patient_duplicate_candidates (a, b)
  SELECT min(NEW.id, x.id), max(NEW.id, x.id) FROM patients x
   WHERE NEW.merged_into_id IS NULL AND NEW.email IS NOT NULL AND x.email = NEW.email
     AND x.merged_into_id IS NULL AND x.id <> NEW.id
  UNION
  SELECT min(NEW.id, x.id), max(NEW.id, x.id) FROM patients x
   WHERE NEW.merged_into_id IS NULL AND length(NEW.phone_digits) >= 6 AND x.phone_digits = NEW.phone_digits
     AND x.merged_into_id IS NULL AND x.id <> NEW.id
  UNION
  SELECT min(NEW.id, x.id), max(NEW.id, x.id) FROM patients x
   WHERE NEW.merged_into_id IS NULL AND NEW.passport_number IS NOT NULL AND x.passport_number = NEW.passport_number
     AND x.merged_into_id IS NULL AND x.id <> NEW.id
  UNION
  SELECT x.id, NEW.id FROM patients x
   WHERE NEW.merged_into_id IS NULL AND length(NEW.birth_date) = 10 AND NEW.birth_approx = 0
     AND x.birth_date = NEW.birth_date AND x.birth_approx = 0 AND x.merged_into_id IS NULL AND x.id < NEW.id
     AND (lower(NEW.family_name) = lower(x.family_name) OR lower(NEW.family_name) = lower(x.given_name))
  UNION
  SELECT NEW.id, x.id FROM patients x
   WHERE NEW.merged_into_id IS NULL AND length(NEW.birth_date) = 10 AND NEW.birth_approx = 0
     AND x.birth_date = NEW.birth_date AND x.birth_approx = 0 AND x.merged_into_id IS NULL AND x.id > NEW.id
     AND (lower(x.family_name) = lower(NEW.family_name) OR lower(x.family_name) = lower(NEW.given_name));`;

const FORGET_OLD = `
  DELETE FROM patient_duplicate_candidates WHERE a = OLD.id;
  DELETE FROM patient_duplicate_candidates WHERE b = OLD.id;`;

export const m0250: Migration = {
  version: 250,
  name: '0250-list-indexes',
  up(db) {
    // Kept in the transaction of whatever writes a patient (registration, edit, merge, conversion, import), so the
    // finder never sees a stale pair; a pair is only a candidate: matchReasons decides on it (once per seq). Every
    // column matchReasons reads (native_name too, which brings no candidates) renews the patient's pairs.
    db.exec(`
      -- seq is never reused (AUTOINCREMENT): a pair whose members' identity changes is deleted and inserted again
      -- with a new seq, so what was decided about a seq (services/identity.ts keeps the reasons) stays true of it.
      CREATE TABLE patient_duplicate_candidates (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        a INTEGER NOT NULL,
        b INTEGER NOT NULL,
        UNIQUE (a, b)
      ) STRICT;
      CREATE INDEX patient_duplicate_candidates_b ON patient_duplicate_candidates (b);
      CREATE TRIGGER patients_duplicates_insert AFTER INSERT ON patients BEGIN ${PAIRS_OF_NEW} END;
      CREATE TRIGGER patients_duplicates_update AFTER UPDATE OF email, phone_digits, passport_number, birth_date,
          birth_approx, family_name, given_name, native_name, merged_into_id ON patients
      BEGIN ${FORGET_OLD} ${PAIRS_OF_NEW} END;
      CREATE TRIGGER patients_duplicates_delete AFTER DELETE ON patients BEGIN ${FORGET_OLD} END;
      ${REBUILD_DUPLICATE_CANDIDATES}
    `);
  },
};
