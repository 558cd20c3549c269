// Schema 300 (issue #13): Today's "due today" panel reads its first fifty in arrival order, not every row due today.
import { OPEN_STATUS_SQL } from './0010-initial';
import type { Migration } from '../migrate';

/**
 * The panel lists the open inquiries due today by arrival; the follow-up index holds them by date and row id only, so
 * every row due today was read and sorted to keep fifty (16–80 ms at 300,000 inquiries). These hold each day's open
 * inquiries (everyone's, and each owner's) in arrival order. The same partial condition as the follow-up indexes.
 */
export const m0300: Migration = {
  version: 300,
  name: '0300-inquiry-due-today',
  up(db) {
    db.exec(`
      CREATE INDEX inquiries_open_due_received ON inquiries (next_follow_up, received_at) WHERE ${OPEN_STATUS_SQL};
      CREATE INDEX inquiries_open_owner_due_received ON inquiries (owner_id, next_follow_up, received_at)
        WHERE ${OPEN_STATUS_SQL};
    `);
  },
};
