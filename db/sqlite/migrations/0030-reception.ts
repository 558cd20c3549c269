// Schema 30 (reception, issue #8 onwards): each account's chosen interface language. Later reception columns go here too.
import type { Migration } from '../migrate';

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

/** Kept here rather than imported from the contract: a shipped migration must not change when the contract grows. */
const LANGUAGES_AT_30 = ['en', 'zh-CN'] as const;

// --- Partial and approximate dates, weakness side (issue #8 item 3) ---------------------------------------------
// Birth and onset dates may now be `YYYY` or `YYYY-MM` in their existing TEXT columns (the length is the precision);
// each gets a flag for "this is an estimate". Existing rows are exact days, hence DEFAULT 0.
const WEAKNESS_SIDES_AT_30 = ['left', 'right', 'both', 'unknown'] as const;
const flag = (table: string, column: string) =>
  `ALTER TABLE ${table} ADD COLUMN ${column} INTEGER NOT NULL DEFAULT 0 CHECK (${column} IN (0, 1))`;
const weakness = (table: string) =>
  `ALTER TABLE ${table} ADD COLUMN weakness_side TEXT CHECK (weakness_side IN (${list(WEAKNESS_SIDES_AT_30)}))`;
const PARTIAL_DATE_STEPS = [
  flag('inquiries', 'patient_birth_approx'),
  flag('inquiries', 'stroke_onset_approx'),
  weakness('inquiries'),
  flag('patients', 'birth_approx'),
  flag('patients', 'stroke_onset_approx'),
  weakness('patients'),
];
// --- end partial dates ------------------------------------------------------------------------------------------

export const m0030: Migration = {
  version: 30,
  name: '0030-reception',
  up(db) {
    // One statement per step, so a later column for reception is one more line in this list.
    const steps = [
      // NULL: the person has not chosen yet, and the sign-in screen's choice applies.
      `ALTER TABLE accounts ADD COLUMN language TEXT CHECK (language IN (${list(LANGUAGES_AT_30)}))`,
      ...PARTIAL_DATE_STEPS,
    ];
    for (const step of steps) db.exec(step);
    for (const step of FORM_DRAFT_STEPS) db.exec(step);
  },
};

// ---- Form drafts (issue #8 item 2): kept apart from the reception columns above so both can grow independently. ----
/**
 * What a person has typed into a form and not saved yet, one row per account and form ('inquiry:new', 'patient:5',
 * 'convert:7'). base_version: the record's version when the form was opened (NULL for a new record), so an edit form
 * can say the record moved since. Rows are replaced and deleted, never audited with their content.
 */
const FORM_DRAFT_STEPS = [
  `CREATE TABLE form_drafts (
    account_id INTEGER NOT NULL REFERENCES accounts (id),
    form_key TEXT NOT NULL,
    data_json TEXT NOT NULL,
    base_version INTEGER,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (account_id, form_key)
  ) STRICT, WITHOUT ROWID`,
];
