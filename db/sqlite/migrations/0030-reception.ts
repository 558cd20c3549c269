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
  },
};
