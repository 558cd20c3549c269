// Schema 260: the start-of-name indexes hold names folded in every script, so one or two Cyrillic letters find "Ал…".
import type { Migration } from '../migrate';

/**
 * 0160 indexed lower(substr(name, 1, 2)), and SQLite's lower() folds only A–Z: "Ал" was kept as "Ал" while the search
 * looked for "ал", so a short search in Cyrillic, Greek or accented Latin never found a capitalised name. These hold
 * sd_fold_start(name) (db/sqlite/functions.ts: lower case in every script, no diacritics), which the search compares
 * word for word (db/repos/search.ts); one index per column answers both one letter (a range) and two (equality).
 * Replaces the five 0160 indexes, so writes keep the same number of index entries. Building them calls the function
 * once per row and name: 600,000 entries took 2.4 s against 1.0 s for the lower() ones on a loaded 2-core machine, so
 * about 3–4 s at 300,000 inquiries and 100,000 patients there, once; no table is rewritten.
 */
export const m0260: Migration = {
  version: 260,
  name: '0260-search-fold',
  up(db) {
    db.exec(`
      DROP INDEX patients_family_start;
      DROP INDEX patients_given_start;
      DROP INDEX patients_native_start;
      DROP INDEX inquiries_patient_name_start;
      DROP INDEX inquiries_contact_name_start;
      CREATE INDEX patients_family_fold ON patients (sd_fold_start(family_name)) WHERE merged_into_id IS NULL;
      CREATE INDEX patients_given_fold ON patients (sd_fold_start(given_name)) WHERE merged_into_id IS NULL;
      CREATE INDEX patients_native_fold ON patients (sd_fold_start(native_name)) WHERE merged_into_id IS NULL;
      CREATE INDEX inquiries_patient_name_fold ON inquiries (sd_fold_start(patient_name));
      CREATE INDEX inquiries_contact_name_fold ON inquiries (sd_fold_start(contact_name));
    `);
  },
};
