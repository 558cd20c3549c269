// Schema 160 (issue #13): two-letter search newest first from an index; the inquiry list's sorts read in index order.
import type { Migration } from '../migrate';

/**
 * One or two letters are the start of a name: an equality on the first two letters, with the row id the index keeps
 * after the key, reads the newest hits in order and stops at the page (a range on the whole name would gather and sort
 * every "Li…" first). The expressions must stay word for word what db/repos/search.ts queries.
 */
export const m0160: Migration = {
  version: 160,
  name: '0160-search-lists-indexes',
  up(db) {
    db.exec(`
      CREATE INDEX patients_family_start ON patients (lower(substr(family_name, 1, 2))) WHERE merged_into_id IS NULL;
      CREATE INDEX patients_given_start ON patients (lower(substr(given_name, 1, 2))) WHERE merged_into_id IS NULL;
      CREATE INDEX patients_native_start ON patients (substr(native_name, 1, 2)) WHERE merged_into_id IS NULL;
      CREATE INDEX inquiries_patient_name_start ON inquiries (lower(substr(patient_name, 1, 2)));
      CREATE INDEX inquiries_contact_name_start ON inquiries (lower(substr(contact_name, 1, 2)));
      -- Empty follow-up dates and countries sort last either way: one key per direction, never NULL, so a page
      -- walks the index and a later page seeks past the last row (db/repos/inquiries.ts, SORT_KEYS).
      CREATE INDEX inquiries_follow_up_asc ON inquiries (coalesce(next_follow_up, '~'));
      CREATE INDEX inquiries_follow_up_desc ON inquiries (coalesce(next_follow_up, ''));
      CREATE INDEX inquiries_country_asc ON inquiries (coalesce(country, '~'));
      CREATE INDEX inquiries_country_desc ON inquiries (coalesce(country, ''));
    `);
  },
};
