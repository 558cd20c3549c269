// Schema 10: settings, staff accounts, the append-only audit log, and inquiries with their timeline.
import type { Migration } from '../migrate';

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

/**
 * A literal copy of the inquiry lifecycle's open states as schema 10 indexed them (a migration never changes). Partial
 * indexes are used only when a query states the very same condition: the repo builds it from INQUIRY_LIFECYCLE, and
 * tests/core/lifecycle.test.ts fails if the two differ.
 */
export const OPEN_STATUS_SQL = `status IN (${list(['new', 'contacted', 'awaiting_records', 'under_review', 'accepted'])})`;

export const m0010: Migration = {
  version: 10,
  name: '0010-initial',
  up(db) {
    db.exec(`
      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

      CREATE TABLE accounts (
        id INTEGER PRIMARY KEY,
        username TEXT NOT NULL UNIQUE,
        display_name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN (${list(['coordinator', 'doctor', 'admin'])})),
        password_hash TEXT NOT NULL,
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        created_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        actor_id INTEGER REFERENCES accounts (id),
        action TEXT NOT NULL,
        entity TEXT NOT NULL,
        entity_id INTEGER,
        before_json TEXT,
        after_json TEXT
      ) STRICT;
      CREATE INDEX audit_log_entity ON audit_log (entity, entity_id);
      CREATE INDEX audit_log_at ON audit_log (at);
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;

      CREATE TABLE inquiries (
        id INTEGER PRIMARY KEY,
        received_at TEXT NOT NULL,
        channel TEXT NOT NULL CHECK (channel IN (${list(['web_form', 'phone', 'email', 'messaging', 'referral', 'walk_in'])})),
        contact_name TEXT NOT NULL,
        contact_relation TEXT NOT NULL CHECK (contact_relation IN (${list(['self', 'spouse', 'child', 'parent', 'other'])})),
        contact_email TEXT,
        contact_phone TEXT,
        contact_phone_digits TEXT,
        messaging_handle TEXT,
        country TEXT,
        preferred_language TEXT,
        patient_name TEXT NOT NULL,
        patient_sex TEXT NOT NULL CHECK (patient_sex IN (${list(['female', 'male', 'unknown'])})),
        patient_birth_date TEXT,
        patient_age INTEGER,
        diagnosis TEXT NOT NULL CHECK (diagnosis IN (${list(['ischemic', 'hemorrhagic', 'unknown'])})),
        stroke_onset_date TEXT,
        symptoms TEXT NOT NULL DEFAULT '[]',
        conditions TEXT NOT NULL DEFAULT '[]',
        conditions_other TEXT,
        message TEXT,
        heard_about TEXT,
        consent_contact INTEGER NOT NULL CHECK (consent_contact IN (0, 1)),
        consent_data_processing INTEGER NOT NULL CHECK (consent_data_processing IN (0, 1)),
        owner_id INTEGER REFERENCES accounts (id),
        next_follow_up TEXT,
        status TEXT NOT NULL DEFAULT 'new'
          CHECK (status IN (${list(['new', 'contacted', 'awaiting_records', 'under_review', 'accepted', 'converted', 'declined', 'closed'])})),
        status_reason TEXT,
        first_contact_at TEXT,
        created_at TEXT NOT NULL,
        created_by INTEGER REFERENCES accounts (id),
        updated_at TEXT NOT NULL,
        version INTEGER NOT NULL DEFAULT 1
      ) STRICT;
      CREATE INDEX inquiries_received ON inquiries (received_at);
      CREATE INDEX inquiries_status ON inquiries (status, received_at);
      CREATE INDEX inquiries_owner_follow_up ON inquiries (owner_id, next_follow_up);
      CREATE INDEX inquiries_follow_up ON inquiries (next_follow_up);
      -- The coordinator's day reads open inquiries only: partial indexes keep it instant at any size.
      -- Queries must repeat OPEN_STATUS_SQL word for word (db/repos/inquiries.ts) for SQLite to use them.
      CREATE INDEX inquiries_open_follow_up ON inquiries (next_follow_up) WHERE ${OPEN_STATUS_SQL};
      CREATE INDEX inquiries_open_owner_follow_up ON inquiries (owner_id, next_follow_up) WHERE ${OPEN_STATUS_SQL};
      CREATE INDEX inquiries_awaiting_first_contact ON inquiries (received_at) WHERE first_contact_at IS NULL AND ${OPEN_STATUS_SQL};
      CREATE INDEX inquiries_country ON inquiries (country);
      CREATE INDEX inquiries_channel ON inquiries (channel);

      CREATE TABLE inquiry_activities (
        id INTEGER PRIMARY KEY,
        inquiry_id INTEGER NOT NULL REFERENCES inquiries (id),
        at TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN (${list(['call', 'email', 'message', 'note', 'document'])})),
        summary TEXT NOT NULL,
        author_id INTEGER NOT NULL REFERENCES accounts (id),
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX inquiry_activities_inquiry ON inquiry_activities (inquiry_id, at);

      CREATE TABLE inquiry_status_changes (
        id INTEGER PRIMARY KEY,
        inquiry_id INTEGER NOT NULL REFERENCES inquiries (id),
        at TEXT NOT NULL,
        from_status TEXT,
        to_status TEXT NOT NULL,
        reason TEXT,
        author_id INTEGER REFERENCES accounts (id)
      ) STRICT;
      CREATE INDEX inquiry_status_changes_inquiry ON inquiry_status_changes (inquiry_id, at);
    `);
  },
};
