// Schema 90 (issue #9): the ward calendar's week of all rooms read from one covering index, not from the table.
import type { Migration } from '../migrate';

/** The statuses that hold a slot when this migration was written (the same list as 0040's partial indexes). */
const HOLDING_AT_90 = ['scheduled', 'completed'] as const;

/**
 * Every column the calendar shows, after the range it is searched by: a week of all rooms (500+ bookings at the
 * 10-year size) is then read from the index alone instead of one table lookup per booking.
 */
export const m0090: Migration = {
  version: 90,
  name: '0090-calendar-index',
  up(db) {
    db.exec(`
      CREATE INDEX procedures_calendar ON procedures
        (starts_at, ends_at, room_id, doctor_id, patient_id, type_id, course_id, status, sequence, version, reason)
        WHERE status IN (${HOLDING_AT_90.map((s) => `'${s}'`).join(', ')});
    `);
  },
};
