// Schema 150 (issue #11, wave 8): each patient's first treated course found from their completed procedures alone —
// one short index range per patient instead of grouping every procedure of the clinic by course on each report.
import type { Migration } from '../migrate';

export const m0150: Migration = {
  version: 150,
  name: '0150-outcomes-treated',
  up(db) {
    // Ordered by the first-transplant instant (then course) so LIMIT 1 is the first treated course; the raw columns
    // make it covering, so the report never touches the wide procedure rows.
    db.exec(`
      CREATE INDEX procedures_treated
        ON procedures (patient_id, coalesce(performed_start, starts_at), course_id, performed_start, starts_at)
        WHERE status = 'completed';
    `);
  },
};
