// Schema 80 (issue #12): the audit log becomes a hash chain; existing entries are chained in id order.
import type { Migration } from '../migrate';
import { AUDIT_CONTENT_SQL, GENESIS_HASH, chainHash } from '../audit-hash';

export const m0080: Migration = {
  version: 80,
  name: '0080-audit-chain',
  up(db) {
    db.exec('ALTER TABLE audit_log ADD COLUMN hash TEXT');
    // The append-only triggers stand aside for the backfill only; they are restored in the same transaction.
    db.exec('DROP TRIGGER audit_log_no_update');
    const rows = db.prepare(`SELECT id, ${AUDIT_CONTENT_SQL} AS content FROM audit_log ORDER BY id`).raw().all() as [
      number,
      string,
    ][];
    const set = db.prepare('UPDATE audit_log SET hash = ? WHERE id = ?');
    let previous = GENESIS_HASH;
    for (const [id, content] of rows) {
      previous = chainHash(previous, content);
      set.run(previous, id);
    }
    db.exec(`
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
      CREATE TRIGGER audit_log_needs_hash BEFORE INSERT ON audit_log WHEN NEW.hash IS NULL
        BEGIN SELECT RAISE(ABORT, 'an audit entry needs its chain hash'); END;
    `);
  },
};
