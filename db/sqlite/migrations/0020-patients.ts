// Schema 20: patients and their aliases, conversion links, full-text search, attachments by content hash, web-form imports.
import type { Migration } from '../migrate';

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

/** What the search index holds for an inquiry: names, then contacts (e-mail, phone digits, messaging handle). */
const INQUIRY_DOC = `
  SELECT i.id AS id,
         i.patient_name || ' ' || i.contact_name AS names,
         concat_ws(' ', i.contact_email, i.contact_phone_digits, i.messaging_handle) AS contacts,
         sd_dense_grams(i.patient_name || ' ' || i.contact_name) AS grams
    FROM inquiries i`;

export const m0020: Migration = {
  version: 20,
  name: '0020-patients',
  up(db) {
    db.exec(`
      CREATE TABLE counters (
        name TEXT PRIMARY KEY,
        value INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE patients (
        id INTEGER PRIMARY KEY,
        mrn TEXT NOT NULL UNIQUE,
        family_name TEXT NOT NULL,
        given_name TEXT NOT NULL,
        native_name TEXT,
        sex TEXT NOT NULL CHECK (sex IN (${list(['female', 'male', 'unknown'])})),
        birth_date TEXT,
        nationality TEXT,
        languages TEXT NOT NULL DEFAULT '[]',
        email TEXT,
        phone TEXT,
        phone_digits TEXT,
        messaging_handle TEXT,
        address TEXT,
        emergency_name TEXT,
        emergency_relation TEXT,
        emergency_phone TEXT,
        passport_number TEXT,
        stroke_type TEXT NOT NULL CHECK (stroke_type IN (${list(['ischemic', 'hemorrhagic', 'unknown'])})),
        stroke_onset_date TEXT,
        lesion_side TEXT CHECK (lesion_side IN (${list(['left', 'right', 'bilateral', 'unknown'])})),
        lesion_site TEXT,
        prior_treatments TEXT,
        comorbidities TEXT NOT NULL DEFAULT '[]',
        comorbidities_other TEXT,
        ecog INTEGER CHECK (ecog BETWEEN 0 AND 5),
        asa INTEGER CHECK (asa BETWEEN 1 AND 6),
        health_notes TEXT,
        -- A merged patient stays as a pointer to the survivor, so old links and audit entries still lead somewhere.
        merged_into_id INTEGER REFERENCES patients (id),
        merged_at TEXT,
        created_at TEXT NOT NULL,
        created_by INTEGER REFERENCES accounts (id),
        updated_at TEXT NOT NULL,
        version INTEGER NOT NULL DEFAULT 1
      ) STRICT;
      CREATE INDEX patients_family ON patients (lower(family_name)) WHERE merged_into_id IS NULL;
      CREATE INDEX patients_given ON patients (lower(given_name)) WHERE merged_into_id IS NULL;
      CREATE INDEX patients_native ON patients (native_name) WHERE merged_into_id IS NULL;
      CREATE INDEX patients_email ON patients (email) WHERE merged_into_id IS NULL;
      CREATE INDEX patients_phone ON patients (phone_digits) WHERE merged_into_id IS NULL;
      CREATE INDEX patients_birth ON patients (birth_date, lower(family_name)) WHERE merged_into_id IS NULL;
      CREATE INDEX patients_passport ON patients (passport_number) WHERE merged_into_id IS NULL;
      CREATE INDEX patients_created ON patients (created_at) WHERE merged_into_id IS NULL;

      -- Identifiers a patient is also known by: the MRN and passport of every record merged into it.
      CREATE TABLE patient_identifiers (
        id INTEGER PRIMARY KEY,
        patient_id INTEGER NOT NULL REFERENCES patients (id),
        kind TEXT NOT NULL CHECK (kind IN (${list(['mrn', 'passport'])})),
        value TEXT NOT NULL,
        from_patient_id INTEGER REFERENCES patients (id),
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX patient_identifiers_patient ON patient_identifiers (patient_id);
      CREATE INDEX patient_identifiers_value ON patient_identifiers (value);

      ALTER TABLE inquiries ADD COLUMN patient_id INTEGER REFERENCES patients (id);
      CREATE INDEX inquiries_patient ON inquiries (patient_id) WHERE patient_id IS NOT NULL;
      CREATE INDEX inquiries_email ON inquiries (contact_email);
      CREATE INDEX inquiries_phone ON inquiries (contact_phone_digits);
      CREATE INDEX inquiries_patient_birth ON inquiries (patient_birth_date, lower(patient_name));
      -- Short searches (one or two letters) read these ranges instead of the trigram index.
      CREATE INDEX inquiries_patient_name ON inquiries (lower(patient_name));
      CREATE INDEX inquiries_contact_name ON inquiries (lower(contact_name));

      -- Search: trigram full-text indexes find any 3+ character piece of a name, e-mail, phone digits or MRN;
      -- 'grams' holds the padded one- and two-character pieces of Chinese, Japanese and Korean names (sqlite/functions.ts).
      -- Triggers keep them in step with their tables inside the same transaction as every change.
      CREATE VIRTUAL TABLE inquiries_fts USING fts5 (names, contacts, grams, tokenize = 'trigram remove_diacritics 1');
      CREATE VIRTUAL TABLE patients_fts USING fts5 (names, contacts, identifiers, grams, tokenize = 'trigram remove_diacritics 1');

      CREATE VIEW inquiry_search_docs AS ${INQUIRY_DOC};
      CREATE VIEW patient_search_docs AS
        SELECT p.id AS id,
               concat_ws(' ', p.family_name, p.given_name, p.native_name) AS names,
               concat_ws(' ', p.email, p.phone_digits, p.messaging_handle) AS contacts,
               concat_ws(' ', p.mrn, p.passport_number,
                 (SELECT group_concat(x.value, ' ') FROM patient_identifiers x WHERE x.patient_id = p.id)) AS identifiers,
               sd_dense_grams(concat_ws(' ', p.family_name, p.given_name, p.native_name)) AS grams
          FROM patients p
         WHERE p.merged_into_id IS NULL;

      CREATE TRIGGER inquiries_fts_insert AFTER INSERT ON inquiries BEGIN
        INSERT INTO inquiries_fts (rowid, names, contacts, grams) SELECT id, names, contacts, grams FROM inquiry_search_docs WHERE id = NEW.id;
      END;
      CREATE TRIGGER inquiries_fts_update AFTER UPDATE OF patient_name, contact_name, contact_email, contact_phone_digits, messaging_handle ON inquiries BEGIN
        DELETE FROM inquiries_fts WHERE rowid = OLD.id;
        INSERT INTO inquiries_fts (rowid, names, contacts, grams) SELECT id, names, contacts, grams FROM inquiry_search_docs WHERE id = NEW.id;
      END;
      CREATE TRIGGER inquiries_fts_delete AFTER DELETE ON inquiries BEGIN
        DELETE FROM inquiries_fts WHERE rowid = OLD.id;
      END;

      CREATE TRIGGER patients_fts_insert AFTER INSERT ON patients BEGIN
        INSERT INTO patients_fts (rowid, names, contacts, identifiers, grams)
          SELECT id, names, contacts, identifiers, grams FROM patient_search_docs WHERE id = NEW.id;
      END;
      CREATE TRIGGER patients_fts_update AFTER UPDATE ON patients BEGIN
        DELETE FROM patients_fts WHERE rowid = OLD.id;
        INSERT INTO patients_fts (rowid, names, contacts, identifiers, grams)
          SELECT id, names, contacts, identifiers, grams FROM patient_search_docs WHERE id = NEW.id;
      END;
      CREATE TRIGGER patients_fts_delete AFTER DELETE ON patients BEGIN
        DELETE FROM patients_fts WHERE rowid = OLD.id;
      END;
      CREATE TRIGGER patient_identifiers_fts_insert AFTER INSERT ON patient_identifiers BEGIN
        DELETE FROM patients_fts WHERE rowid = NEW.patient_id;
        INSERT INTO patients_fts (rowid, names, contacts, identifiers, grams)
          SELECT id, names, contacts, identifiers, grams FROM patient_search_docs WHERE id = NEW.patient_id;
      END;
      CREATE TRIGGER patient_identifiers_fts_update AFTER UPDATE ON patient_identifiers BEGIN
        DELETE FROM patients_fts WHERE rowid IN (OLD.patient_id, NEW.patient_id);
        INSERT INTO patients_fts (rowid, names, contacts, identifiers, grams)
          SELECT id, names, contacts, identifiers, grams FROM patient_search_docs WHERE id IN (OLD.patient_id, NEW.patient_id);
      END;
      CREATE TRIGGER patient_identifiers_fts_delete AFTER DELETE ON patient_identifiers BEGIN
        DELETE FROM patients_fts WHERE rowid = OLD.patient_id;
        INSERT INTO patients_fts (rowid, names, contacts, identifiers, grams)
          SELECT id, names, contacts, identifiers, grams FROM patient_search_docs WHERE id = OLD.patient_id;
      END;

      INSERT INTO inquiries_fts (rowid, names, contacts, grams) SELECT id, names, contacts, grams FROM inquiry_search_docs;

      -- Attachments: one stored file per content hash, linked to inquiries or patients.
      CREATE TABLE files (
        sha256 TEXT PRIMARY KEY CHECK (length(sha256) = 64),
        size INTEGER NOT NULL,
        mime TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE TABLE attachments (
        id INTEGER PRIMARY KEY,
        sha256 TEXT NOT NULL REFERENCES files (sha256),
        inquiry_id INTEGER REFERENCES inquiries (id),
        patient_id INTEGER REFERENCES patients (id),
        kind TEXT NOT NULL CHECK (kind IN (${list(['medical_record', 'scan_report', 'consent', 'photo', 'other'])})),
        file_name TEXT NOT NULL,
        note TEXT,
        added_at TEXT NOT NULL,
        added_by INTEGER NOT NULL REFERENCES accounts (id),
        removed_at TEXT,
        removed_by INTEGER REFERENCES accounts (id),
        CHECK ((inquiry_id IS NULL) <> (patient_id IS NULL))
      ) STRICT;
      CREATE INDEX attachments_inquiry ON attachments (inquiry_id) WHERE inquiry_id IS NOT NULL;
      CREATE INDEX attachments_patient ON attachments (patient_id) WHERE patient_id IS NOT NULL;
      CREATE INDEX attachments_sha ON attachments (sha256);

      -- Web-form imports: a staged batch, then one transaction; every row's reference is kept so a file imports once.
      CREATE TABLE import_batches (
        id INTEGER PRIMARY KEY,
        file_name TEXT NOT NULL,
        format TEXT NOT NULL CHECK (format IN (${list(['csv', 'json'])})),
        sha256 TEXT NOT NULL,
        row_count INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        created_by INTEGER NOT NULL REFERENCES accounts (id),
        committed_at TEXT
      ) STRICT;
      CREATE TABLE import_rows (
        batch_id INTEGER NOT NULL REFERENCES import_batches (id),
        row_number INTEGER NOT NULL,
        ref TEXT NOT NULL,
        fields_json TEXT NOT NULL,
        PRIMARY KEY (batch_id, row_number)
      ) STRICT;
      CREATE TABLE import_refs (
        ref TEXT PRIMARY KEY,
        inquiry_id INTEGER NOT NULL REFERENCES inquiries (id),
        batch_id INTEGER NOT NULL REFERENCES import_batches (id),
        action TEXT NOT NULL CHECK (action IN (${list(['created', 'merged'])})),
        at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX import_refs_inquiry ON import_refs (inquiry_id);
    `);
  },
};
