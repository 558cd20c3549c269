// Schema 50 (reliability, issue #12): failed sign-ins counted per username tried, so delays and locks survive a restart.
import type { Migration } from '../migrate';

export const m0050: Migration = {
  version: 50,
  name: '0050-reliability',
  up(db) {
    // Keyed by the name typed, not the account: an unknown name is slowed down exactly like a known one, so the
    // answers never tell which usernames exist. A row is deleted on success or by an admin's unlock.
    db.exec(`
      CREATE TABLE sign_in_failures (
        username TEXT PRIMARY KEY,
        failures INTEGER NOT NULL CHECK (failures > 0),
        last_failed_at TEXT NOT NULL,
        locked_until TEXT
      ) STRICT;
    `);
  },
};
