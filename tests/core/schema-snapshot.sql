-- user_version 30

-- index attachments_inquiry on attachments
CREATE INDEX attachments_inquiry ON attachments (inquiry_id) WHERE inquiry_id IS NOT NULL

-- index attachments_patient on attachments
CREATE INDEX attachments_patient ON attachments (patient_id) WHERE patient_id IS NOT NULL

-- index attachments_sha on attachments
CREATE INDEX attachments_sha ON attachments (sha256)

-- index audit_log_at on audit_log
CREATE INDEX audit_log_at ON audit_log (at)

-- index audit_log_entity on audit_log
CREATE INDEX audit_log_entity ON audit_log (entity, entity_id)

-- index import_refs_inquiry on import_refs
CREATE INDEX import_refs_inquiry ON import_refs (inquiry_id)

-- index inquiries_awaiting_first_contact on inquiries
CREATE INDEX inquiries_awaiting_first_contact ON inquiries (received_at) WHERE first_contact_at IS NULL AND status IN ('new', 'contacted', 'awaiting_records', 'under_review', 'accepted')

-- index inquiries_channel on inquiries
CREATE INDEX inquiries_channel ON inquiries (channel)

-- index inquiries_contact_name on inquiries
CREATE INDEX inquiries_contact_name ON inquiries (lower(contact_name))

-- index inquiries_country on inquiries
CREATE INDEX inquiries_country ON inquiries (country)

-- index inquiries_email on inquiries
CREATE INDEX inquiries_email ON inquiries (contact_email)

-- index inquiries_follow_up on inquiries
CREATE INDEX inquiries_follow_up ON inquiries (next_follow_up)

-- index inquiries_open_follow_up on inquiries
CREATE INDEX inquiries_open_follow_up ON inquiries (next_follow_up) WHERE status IN ('new', 'contacted', 'awaiting_records', 'under_review', 'accepted')

-- index inquiries_open_owner_follow_up on inquiries
CREATE INDEX inquiries_open_owner_follow_up ON inquiries (owner_id, next_follow_up) WHERE status IN ('new', 'contacted', 'awaiting_records', 'under_review', 'accepted')

-- index inquiries_owner_follow_up on inquiries
CREATE INDEX inquiries_owner_follow_up ON inquiries (owner_id, next_follow_up)

-- index inquiries_patient on inquiries
CREATE INDEX inquiries_patient ON inquiries (patient_id) WHERE patient_id IS NOT NULL

-- index inquiries_patient_birth on inquiries
CREATE INDEX inquiries_patient_birth ON inquiries (patient_birth_date, lower(patient_name))

-- index inquiries_patient_name on inquiries
CREATE INDEX inquiries_patient_name ON inquiries (lower(patient_name))

-- index inquiries_phone on inquiries
CREATE INDEX inquiries_phone ON inquiries (contact_phone_digits)

-- index inquiries_received on inquiries
CREATE INDEX inquiries_received ON inquiries (received_at)

-- index inquiries_status on inquiries
CREATE INDEX inquiries_status ON inquiries (status, received_at)

-- index inquiry_activities_inquiry on inquiry_activities
CREATE INDEX inquiry_activities_inquiry ON inquiry_activities (inquiry_id, at)

-- index inquiry_status_changes_inquiry on inquiry_status_changes
CREATE INDEX inquiry_status_changes_inquiry ON inquiry_status_changes (inquiry_id, at)

-- index patient_identifiers_patient on patient_identifiers
CREATE INDEX patient_identifiers_patient ON patient_identifiers (patient_id)

-- index patient_identifiers_value on patient_identifiers
CREATE INDEX patient_identifiers_value ON patient_identifiers (value)

-- index patients_birth on patients
CREATE INDEX patients_birth ON patients (birth_date, lower(family_name)) WHERE merged_into_id IS NULL

-- index patients_created on patients
CREATE INDEX patients_created ON patients (created_at) WHERE merged_into_id IS NULL

-- index patients_email on patients
CREATE INDEX patients_email ON patients (email) WHERE merged_into_id IS NULL

-- index patients_family on patients
CREATE INDEX patients_family ON patients (lower(family_name)) WHERE merged_into_id IS NULL

-- index patients_given on patients
CREATE INDEX patients_given ON patients (lower(given_name)) WHERE merged_into_id IS NULL

-- index patients_native on patients
CREATE INDEX patients_native ON patients (native_name) WHERE merged_into_id IS NULL

-- index patients_passport on patients
CREATE INDEX patients_passport ON patients (passport_number) WHERE merged_into_id IS NULL

-- index patients_phone on patients
CREATE INDEX patients_phone ON patients (phone_digits) WHERE merged_into_id IS NULL

-- index sqlite_autoindex_accounts_1 on accounts
(no sql: created by SQLite for a constraint)

-- index sqlite_autoindex_counters_1 on counters
(no sql: created by SQLite for a constraint)

-- index sqlite_autoindex_files_1 on files
(no sql: created by SQLite for a constraint)

-- index sqlite_autoindex_import_refs_1 on import_refs
(no sql: created by SQLite for a constraint)

-- index sqlite_autoindex_import_rows_1 on import_rows
(no sql: created by SQLite for a constraint)

-- index sqlite_autoindex_patients_1 on patients
(no sql: created by SQLite for a constraint)

-- index sqlite_autoindex_settings_1 on settings
(no sql: created by SQLite for a constraint)

-- table accounts on accounts
CREATE TABLE accounts (
id INTEGER PRIMARY KEY,
username TEXT NOT NULL UNIQUE,
display_name TEXT NOT NULL,
role TEXT NOT NULL CHECK (role IN ('coordinator', 'doctor', 'admin')),
password_hash TEXT NOT NULL,
active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
created_at TEXT NOT NULL
, language TEXT CHECK (language IN ('en', 'zh-CN'))) STRICT

-- table attachments on attachments
CREATE TABLE attachments (
id INTEGER PRIMARY KEY,
sha256 TEXT NOT NULL REFERENCES files (sha256),
inquiry_id INTEGER REFERENCES inquiries (id),
patient_id INTEGER REFERENCES patients (id),
kind TEXT NOT NULL CHECK (kind IN ('medical_record', 'scan_report', 'consent', 'photo', 'other')),
file_name TEXT NOT NULL,
note TEXT,
added_at TEXT NOT NULL,
added_by INTEGER NOT NULL REFERENCES accounts (id),
removed_at TEXT,
removed_by INTEGER REFERENCES accounts (id),
CHECK ((inquiry_id IS NULL) <> (patient_id IS NULL))
) STRICT

-- table audit_log on audit_log
CREATE TABLE audit_log (
id INTEGER PRIMARY KEY,
at TEXT NOT NULL,
actor_id INTEGER REFERENCES accounts (id),
action TEXT NOT NULL,
entity TEXT NOT NULL,
entity_id INTEGER,
before_json TEXT,
after_json TEXT
) STRICT

-- table counters on counters
CREATE TABLE counters (
name TEXT PRIMARY KEY,
value INTEGER NOT NULL
) STRICT

-- table files on files
CREATE TABLE files (
sha256 TEXT PRIMARY KEY CHECK (length(sha256) = 64),
size INTEGER NOT NULL,
mime TEXT NOT NULL,
created_at TEXT NOT NULL
) STRICT

-- table import_batches on import_batches
CREATE TABLE import_batches (
id INTEGER PRIMARY KEY,
file_name TEXT NOT NULL,
format TEXT NOT NULL CHECK (format IN ('csv', 'json')),
sha256 TEXT NOT NULL,
row_count INTEGER NOT NULL,
created_at TEXT NOT NULL,
created_by INTEGER NOT NULL REFERENCES accounts (id),
committed_at TEXT
) STRICT

-- table import_refs on import_refs
CREATE TABLE import_refs (
ref TEXT PRIMARY KEY,
inquiry_id INTEGER NOT NULL REFERENCES inquiries (id),
batch_id INTEGER NOT NULL REFERENCES import_batches (id),
action TEXT NOT NULL CHECK (action IN ('created', 'merged')),
at TEXT NOT NULL
) STRICT

-- table import_rows on import_rows
CREATE TABLE import_rows (
batch_id INTEGER NOT NULL REFERENCES import_batches (id),
row_number INTEGER NOT NULL,
ref TEXT NOT NULL,
fields_json TEXT NOT NULL,
PRIMARY KEY (batch_id, row_number)
) STRICT

-- table inquiries on inquiries
CREATE TABLE inquiries (
id INTEGER PRIMARY KEY,
received_at TEXT NOT NULL,
channel TEXT NOT NULL CHECK (channel IN ('web_form', 'phone', 'email', 'messaging', 'referral', 'walk_in')),
contact_name TEXT NOT NULL,
contact_relation TEXT NOT NULL CHECK (contact_relation IN ('self', 'spouse', 'child', 'parent', 'other')),
contact_email TEXT,
contact_phone TEXT,
contact_phone_digits TEXT,
messaging_handle TEXT,
country TEXT,
preferred_language TEXT,
patient_name TEXT NOT NULL,
patient_sex TEXT NOT NULL CHECK (patient_sex IN ('female', 'male', 'unknown')),
patient_birth_date TEXT,
patient_age INTEGER,
diagnosis TEXT NOT NULL CHECK (diagnosis IN ('ischemic', 'hemorrhagic', 'unknown')),
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
CHECK (status IN ('new', 'contacted', 'awaiting_records', 'under_review', 'accepted', 'converted', 'declined', 'closed')),
status_reason TEXT,
first_contact_at TEXT,
created_at TEXT NOT NULL,
created_by INTEGER REFERENCES accounts (id),
updated_at TEXT NOT NULL,
version INTEGER NOT NULL DEFAULT 1
, patient_id INTEGER REFERENCES patients (id), patient_birth_approx INTEGER NOT NULL DEFAULT 0 CHECK (patient_birth_approx IN (0, 1)), stroke_onset_approx INTEGER NOT NULL DEFAULT 0 CHECK (stroke_onset_approx IN (0, 1)), weakness_side TEXT CHECK (weakness_side IN ('left', 'right', 'both', 'unknown'))) STRICT

-- table inquiries_fts on inquiries_fts
CREATE VIRTUAL TABLE inquiries_fts USING fts5 (names, contacts, grams, tokenize = 'trigram remove_diacritics 1')

-- table inquiries_fts_config on inquiries_fts_config
CREATE TABLE 'inquiries_fts_config'(k PRIMARY KEY, v) WITHOUT ROWID

-- table inquiries_fts_content on inquiries_fts_content
CREATE TABLE 'inquiries_fts_content'(id INTEGER PRIMARY KEY, c0, c1, c2)

-- table inquiries_fts_data on inquiries_fts_data
CREATE TABLE 'inquiries_fts_data'(id INTEGER PRIMARY KEY, block BLOB)

-- table inquiries_fts_docsize on inquiries_fts_docsize
CREATE TABLE 'inquiries_fts_docsize'(id INTEGER PRIMARY KEY, sz BLOB)

-- table inquiries_fts_idx on inquiries_fts_idx
CREATE TABLE 'inquiries_fts_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID

-- table inquiry_activities on inquiry_activities
CREATE TABLE inquiry_activities (
id INTEGER PRIMARY KEY,
inquiry_id INTEGER NOT NULL REFERENCES inquiries (id),
at TEXT NOT NULL,
kind TEXT NOT NULL CHECK (kind IN ('call', 'email', 'message', 'note', 'document')),
summary TEXT NOT NULL,
author_id INTEGER NOT NULL REFERENCES accounts (id),
created_at TEXT NOT NULL
) STRICT

-- table inquiry_status_changes on inquiry_status_changes
CREATE TABLE inquiry_status_changes (
id INTEGER PRIMARY KEY,
inquiry_id INTEGER NOT NULL REFERENCES inquiries (id),
at TEXT NOT NULL,
from_status TEXT,
to_status TEXT NOT NULL,
reason TEXT,
author_id INTEGER REFERENCES accounts (id)
) STRICT

-- table patient_identifiers on patient_identifiers
CREATE TABLE patient_identifiers (
id INTEGER PRIMARY KEY,
patient_id INTEGER NOT NULL REFERENCES patients (id),
kind TEXT NOT NULL CHECK (kind IN ('mrn', 'passport')),
value TEXT NOT NULL,
from_patient_id INTEGER REFERENCES patients (id),
created_at TEXT NOT NULL
) STRICT

-- table patients on patients
CREATE TABLE patients (
id INTEGER PRIMARY KEY,
mrn TEXT NOT NULL UNIQUE,
family_name TEXT NOT NULL,
given_name TEXT NOT NULL,
native_name TEXT,
sex TEXT NOT NULL CHECK (sex IN ('female', 'male', 'unknown')),
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
stroke_type TEXT NOT NULL CHECK (stroke_type IN ('ischemic', 'hemorrhagic', 'unknown')),
stroke_onset_date TEXT,
lesion_side TEXT CHECK (lesion_side IN ('left', 'right', 'bilateral', 'unknown')),
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
, birth_approx INTEGER NOT NULL DEFAULT 0 CHECK (birth_approx IN (0, 1)), stroke_onset_approx INTEGER NOT NULL DEFAULT 0 CHECK (stroke_onset_approx IN (0, 1)), weakness_side TEXT CHECK (weakness_side IN ('left', 'right', 'both', 'unknown'))) STRICT

-- table patients_fts on patients_fts
CREATE VIRTUAL TABLE patients_fts USING fts5 (names, contacts, identifiers, grams, tokenize = 'trigram remove_diacritics 1')

-- table patients_fts_config on patients_fts_config
CREATE TABLE 'patients_fts_config'(k PRIMARY KEY, v) WITHOUT ROWID

-- table patients_fts_content on patients_fts_content
CREATE TABLE 'patients_fts_content'(id INTEGER PRIMARY KEY, c0, c1, c2, c3)

-- table patients_fts_data on patients_fts_data
CREATE TABLE 'patients_fts_data'(id INTEGER PRIMARY KEY, block BLOB)

-- table patients_fts_docsize on patients_fts_docsize
CREATE TABLE 'patients_fts_docsize'(id INTEGER PRIMARY KEY, sz BLOB)

-- table patients_fts_idx on patients_fts_idx
CREATE TABLE 'patients_fts_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID

-- table settings on settings
CREATE TABLE settings (
key TEXT PRIMARY KEY,
value TEXT NOT NULL
) STRICT

-- trigger audit_log_no_delete on audit_log
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END

-- trigger audit_log_no_update on audit_log
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END

-- trigger inquiries_fts_delete on inquiries
CREATE TRIGGER inquiries_fts_delete AFTER DELETE ON inquiries BEGIN
DELETE FROM inquiries_fts WHERE rowid = OLD.id;
END

-- trigger inquiries_fts_insert on inquiries
CREATE TRIGGER inquiries_fts_insert AFTER INSERT ON inquiries BEGIN
INSERT INTO inquiries_fts (rowid, names, contacts, grams) SELECT id, names, contacts, grams FROM inquiry_search_docs WHERE id = NEW.id;
END

-- trigger inquiries_fts_update on inquiries
CREATE TRIGGER inquiries_fts_update AFTER UPDATE OF patient_name, contact_name, contact_email, contact_phone_digits, messaging_handle ON inquiries BEGIN
DELETE FROM inquiries_fts WHERE rowid = OLD.id;
INSERT INTO inquiries_fts (rowid, names, contacts, grams) SELECT id, names, contacts, grams FROM inquiry_search_docs WHERE id = NEW.id;
END

-- trigger patient_identifiers_fts_delete on patient_identifiers
CREATE TRIGGER patient_identifiers_fts_delete AFTER DELETE ON patient_identifiers BEGIN
DELETE FROM patients_fts WHERE rowid = OLD.patient_id;
INSERT INTO patients_fts (rowid, names, contacts, identifiers, grams)
SELECT id, names, contacts, identifiers, grams FROM patient_search_docs WHERE id = OLD.patient_id;
END

-- trigger patient_identifiers_fts_insert on patient_identifiers
CREATE TRIGGER patient_identifiers_fts_insert AFTER INSERT ON patient_identifiers BEGIN
DELETE FROM patients_fts WHERE rowid = NEW.patient_id;
INSERT INTO patients_fts (rowid, names, contacts, identifiers, grams)
SELECT id, names, contacts, identifiers, grams FROM patient_search_docs WHERE id = NEW.patient_id;
END

-- trigger patient_identifiers_fts_update on patient_identifiers
CREATE TRIGGER patient_identifiers_fts_update AFTER UPDATE ON patient_identifiers BEGIN
DELETE FROM patients_fts WHERE rowid IN (OLD.patient_id, NEW.patient_id);
INSERT INTO patients_fts (rowid, names, contacts, identifiers, grams)
SELECT id, names, contacts, identifiers, grams FROM patient_search_docs WHERE id IN (OLD.patient_id, NEW.patient_id);
END

-- trigger patients_fts_delete on patients
CREATE TRIGGER patients_fts_delete AFTER DELETE ON patients BEGIN
DELETE FROM patients_fts WHERE rowid = OLD.id;
END

-- trigger patients_fts_insert on patients
CREATE TRIGGER patients_fts_insert AFTER INSERT ON patients BEGIN
INSERT INTO patients_fts (rowid, names, contacts, identifiers, grams)
SELECT id, names, contacts, identifiers, grams FROM patient_search_docs WHERE id = NEW.id;
END

-- trigger patients_fts_update on patients
CREATE TRIGGER patients_fts_update AFTER UPDATE ON patients BEGIN
DELETE FROM patients_fts WHERE rowid = OLD.id;
INSERT INTO patients_fts (rowid, names, contacts, identifiers, grams)
SELECT id, names, contacts, identifiers, grams FROM patient_search_docs WHERE id = NEW.id;
END

-- view inquiry_search_docs on inquiry_search_docs
CREATE VIEW inquiry_search_docs AS
SELECT i.id AS id,
i.patient_name || ' ' || i.contact_name AS names,
concat_ws(' ', i.contact_email, i.contact_phone_digits, i.messaging_handle) AS contacts,
sd_dense_grams(i.patient_name || ' ' || i.contact_name) AS grams
FROM inquiries i

-- view patient_search_docs on patient_search_docs
CREATE VIEW patient_search_docs AS
SELECT p.id AS id,
concat_ws(' ', p.family_name, p.given_name, p.native_name) AS names,
concat_ws(' ', p.email, p.phone_digits, p.messaging_handle) AS contacts,
concat_ws(' ', p.mrn, p.passport_number,
(SELECT group_concat(x.value, ' ') FROM patient_identifiers x WHERE x.patient_id = p.id)) AS identifiers,
sd_dense_grams(concat_ws(' ', p.family_name, p.given_name, p.native_name)) AS grams
FROM patients p
WHERE p.merged_into_id IS NULL
