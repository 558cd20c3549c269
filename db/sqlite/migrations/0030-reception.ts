// Schema 30 (reception, issue #8 onwards): each account's chosen interface language. Later reception columns go here too.
import type { Migration } from '../migrate';

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

/** Kept here rather than imported from the contract: a shipped migration must not change when the contract grows. */
const LANGUAGES_AT_30 = ['en', 'zh-CN'] as const;

export const m0030: Migration = {
  version: 30,
  name: '0030-reception',
  up(db) {
    // One statement per step, so a later column for reception is one more line in this list.
    const steps = [
      // NULL: the person has not chosen yet, and the sign-in screen's choice applies.
      `ALTER TABLE accounts ADD COLUMN language TEXT CHECK (language IN (${list(LANGUAGES_AT_30)}))`,
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
