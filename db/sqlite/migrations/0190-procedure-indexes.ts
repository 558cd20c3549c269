// Schema 190 (issue #9, wave 9): one index fewer written by every booking — the calendar's covering index takes every
// status and so also answers what the plain starts_at index answered (ranges of all bookings by time).
import type { Migration } from '../migrate';

/**
 * A booking wrote seven b-trees (the row and six indexes), each one more page in the commit's WAL append. Two of them
 * led with starts_at: procedures_starts (every status) and the covering procedures_calendar (holding statuses only).
 * The calendar index now holds every status (status is one of its columns, so the holding filter is still read from
 * the index alone) and procedures_starts goes. The name stays: the calendar and occupancy statements name it.
 */
export const m0190: Migration = {
  version: 190,
  name: '0190-procedure-indexes',
  up(db) {
    db.exec(`
      DROP INDEX procedures_starts;
      DROP INDEX procedures_calendar;
      CREATE INDEX procedures_calendar ON procedures
        (starts_at, ends_at, room_id, doctor_id, patient_id, type_id, course_id, status, sequence, version, reason);
    `);
  },
};
