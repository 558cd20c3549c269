// Schema 40 (treatment, issue #9): rooms, procedure types, courses, consents and procedures (bookings).
import type { Migration } from '../migrate';

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

// Kept here rather than imported from the contract: a shipped migration must not change when the contract grows.
const ROUTES_AT_40 = ['intrathecal', 'intravenous', 'intracerebral'] as const;
const COURSE_STATUSES_AT_40 = ['planned', 'admitted', 'discharged', 'cancelled'] as const;
const CONSENT_TYPES_AT_40 = ['treatment', 'data_use', 'photo_video'] as const;
const PROCEDURE_STATUSES_AT_40 = ['scheduled', 'completed', 'cancelled', 'postponed', 'no_show'] as const;
/** The statuses that hold a slot: partial indexes of the conflict check are built on them. */
const HOLDING_AT_40 = ['scheduled', 'completed'] as const;
const DOSE_UNITS_AT_40 = ['million_cells', 'cells', 'ml'] as const;

const DEFAULT_TYPES_AT_40 = [
  {
    code: 'lumbar_puncture',
    name: 'Lumbar puncture (intrathecal)',
    minutes: 60,
    route: 'intrathecal',
    colour: '#2f6fb0',
  },
  { code: 'iv_infusion', name: 'Intravenous infusion', minutes: 90, route: 'intravenous', colour: '#2e7d4f' },
  { code: 'stereotactic', name: 'Stereotactic implantation', minutes: 240, route: 'intracerebral', colour: '#a4502a' },
] as const;

export const m0040: Migration = {
  version: 40,
  name: '0040-treatment',
  up(db) {
    db.exec(`
      CREATE TABLE rooms (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        version INTEGER NOT NULL DEFAULT 1
      ) STRICT;
      CREATE UNIQUE INDEX rooms_name ON rooms (lower(name));

      CREATE TABLE procedure_types (
        id INTEGER PRIMARY KEY,
        code TEXT UNIQUE,
        name TEXT NOT NULL,
        default_minutes INTEGER NOT NULL CHECK (default_minutes BETWEEN 5 AND 720),
        route TEXT NOT NULL CHECK (route IN (${list(ROUTES_AT_40)})),
        colour TEXT NOT NULL,
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        version INTEGER NOT NULL DEFAULT 1
      ) STRICT;
      CREATE UNIQUE INDEX procedure_types_name ON procedure_types (lower(name));

      CREATE TABLE courses (
        id INTEGER PRIMARY KEY,
        patient_id INTEGER NOT NULL REFERENCES patients (id),
        status TEXT NOT NULL CHECK (status IN (${list(COURSE_STATUSES_AT_40)})),
        planned_admission TEXT NOT NULL,
        planned_discharge TEXT NOT NULL CHECK (planned_discharge >= planned_admission),
        admitted_on TEXT,
        discharged_on TEXT,
        baseline_severity TEXT,
        planned_transplants INTEGER NOT NULL CHECK (planned_transplants BETWEEN 1 AND 6),
        planned_routes TEXT NOT NULL,
        allergies TEXT,
        notes TEXT,
        cancel_reason TEXT,
        created_at TEXT NOT NULL,
        created_by INTEGER REFERENCES accounts (id),
        updated_at TEXT NOT NULL,
        version INTEGER NOT NULL DEFAULT 1
      ) STRICT;
      CREATE INDEX courses_patient ON courses (patient_id, planned_admission);
      CREATE INDEX courses_admission ON courses (planned_admission) WHERE status = 'planned';
      CREATE INDEX courses_discharge ON courses (planned_discharge) WHERE status = 'admitted';

      CREATE TABLE consents (
        id INTEGER PRIMARY KEY,
        course_id INTEGER NOT NULL REFERENCES courses (id),
        type TEXT NOT NULL CHECK (type IN (${list(CONSENT_TYPES_AT_40)})),
        given_on TEXT NOT NULL,
        taken_by INTEGER NOT NULL REFERENCES accounts (id),
        withdrawn_on TEXT,
        withdrawn_note TEXT,
        attachment_id INTEGER REFERENCES attachments (id),
        created_at TEXT NOT NULL,
        version INTEGER NOT NULL DEFAULT 1
      ) STRICT;
      CREATE INDEX consents_course ON consents (course_id, type);

      -- A booking. patient_id is the course's, kept here so the patient's clash check is one index range.
      -- Times are UTC ISO-8601 instants; a slot is [starts_at, ends_at): touching ends do not overlap.
      CREATE TABLE procedures (
        id INTEGER PRIMARY KEY,
        course_id INTEGER NOT NULL REFERENCES courses (id),
        patient_id INTEGER NOT NULL REFERENCES patients (id),
        type_id INTEGER NOT NULL REFERENCES procedure_types (id),
        sequence INTEGER,
        starts_at TEXT NOT NULL,
        ends_at TEXT NOT NULL CHECK (ends_at > starts_at),
        room_id INTEGER NOT NULL REFERENCES rooms (id),
        doctor_id INTEGER NOT NULL REFERENCES accounts (id),
        status TEXT NOT NULL CHECK (status IN (${list(PROCEDURE_STATUSES_AT_40)})),
        reason TEXT,
        product TEXT,
        lot_number TEXT,
        dose REAL,
        dose_unit TEXT CHECK (dose_unit IN (${list(DOSE_UNITS_AT_40)})),
        route TEXT CHECK (route IN (${list(ROUTES_AT_40)})),
        performed_start TEXT,
        performed_end TEXT,
        notes TEXT,
        completed_by INTEGER REFERENCES accounts (id),
        completed_at TEXT,
        created_at TEXT NOT NULL,
        created_by INTEGER REFERENCES accounts (id),
        updated_at TEXT NOT NULL,
        version INTEGER NOT NULL DEFAULT 1,
        CHECK ((status = 'completed') = (lot_number IS NOT NULL))
      ) STRICT;
      CREATE INDEX procedures_room ON procedures (room_id, starts_at) WHERE status IN (${list(HOLDING_AT_40)});
      CREATE INDEX procedures_doctor ON procedures (doctor_id, starts_at) WHERE status IN (${list(HOLDING_AT_40)});
      CREATE INDEX procedures_patient ON procedures (patient_id, starts_at);
      CREATE INDEX procedures_course ON procedures (course_id, starts_at);
      CREATE INDEX procedures_starts ON procedures (starts_at);
      CREATE INDEX procedures_lot ON procedures (lower(lot_number)) WHERE lot_number IS NOT NULL;
    `);
    // Every clinic starts with the three procedures the programme performs; the screens name them by code.
    const addType = db.prepare(
      'INSERT INTO procedure_types (code, name, default_minutes, route, colour) VALUES (?, ?, ?, ?, ?)',
    );
    for (const t of DEFAULT_TYPES_AT_40) addType.run(t.code, t.name, t.minutes, t.route, t.colour);
  },
};
