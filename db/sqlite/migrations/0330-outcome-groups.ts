// Schema 330 (issues #11, #13): the outcomes report without sorting every treated patient's joined row.
import type { Migration } from '../migrate';

/**
 * The report grouped all 100,000 treated patients (10-year size) by seven columns, three of them looked up in
 * outcome_values: three keyed reads and a sort of 100,000 rows per view (~210 ms quiet). Three in four of those patients
 * have no value at that instrument and time point. Now the patients are counted by their own columns in the order of a
 * covering index (no sort, no lookup), and only the assessed ones — found from outcome_values' own ranges, reached by
 * course — are joined and grouped (db/repos/outcomes.ts `outcomeGroups`).
 */
export const m0330: Migration = {
  version: 330,
  name: '0330-outcome-groups',
  up(db) {
    db.exec(`
      CREATE INDEX outcome_treated_by_course ON outcome_treated (course_id);
      CREATE INDEX outcome_treated_groups ON outcome_treated
        (live, stroke_type, comorbid, bands_same, bands_prev, bands_next, transplants, first_minute, discharge, first_at);
    `);
  },
};
