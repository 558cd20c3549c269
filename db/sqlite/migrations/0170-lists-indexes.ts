// Schema 170 (issue #13): every list a screen opens reads one index range in its own order at the 10-year size —
// patient registry sorts that keyset pages can seek into, and the audit log's user and action filters.
import type { Migration } from '../migrate';

export const m0170: Migration = {
  version: 170,
  name: '0170-lists-indexes',
  up(db) {
    db.exec(`
      -- The registry by name: family then given name, both case-folded, so a page seeks instead of sorting 100,000.
      CREATE INDEX patients_name ON patients (lower(family_name), lower(given_name)) WHERE merged_into_id IS NULL;
      -- By birth date, unknown dates last in both directions: one key per direction (a row value cannot mix them).
      CREATE INDEX patients_birth_asc ON patients (coalesce(birth_date, '9999')) WHERE merged_into_id IS NULL;
      CREATE INDEX patients_birth_desc ON patients (coalesce(birth_date, '')) WHERE merged_into_id IS NULL;
      CREATE INDEX patients_mrn_live ON patients (mrn) WHERE merged_into_id IS NULL;
      -- The audit log newest first for one user or one action (and a date range within it): without these a user
      -- with few entries scans a million.
      CREATE INDEX audit_log_actor ON audit_log (actor_id, at);
      CREATE INDEX audit_log_action ON audit_log (action, at);
    `);
  },
};
