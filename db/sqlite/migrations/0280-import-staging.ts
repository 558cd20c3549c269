// Schema 280 (issue #12): a web-form batch is staged in slices, so it says when its last staged row was written.
import type { Migration } from '../migrate';

/**
 * `staged_at` is NULL while a large file's rows are still being written, a slice per transaction: such a batch is not
 * a preview yet (checked or committed it would be missing rows). Batches staged before this were written whole.
 */
export const m0280: Migration = {
  version: 280,
  name: '0280-import-staging',
  up(db) {
    db.exec(`
      ALTER TABLE import_batches ADD COLUMN staged_at TEXT;
      UPDATE import_batches SET staged_at = created_at;
    `);
  },
};
