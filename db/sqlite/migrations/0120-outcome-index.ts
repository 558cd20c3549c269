// Schema 120 (issue #11): the outcomes report reads one instrument at one time point across every course — one
// index range instead of a skip-scan of assessments_patient, and the signed version number without the table.
import type { Migration } from '../migrate';

export const m0120: Migration = {
  version: 120,
  name: '0120-outcome-index',
  up(db) {
    db.exec(`
      CREATE INDEX assessments_outcomes ON assessments (instrument_id, time_point, course_id, signed_n)
        WHERE course_id IS NOT NULL AND signed_n IS NOT NULL;
    `);
  },
};
