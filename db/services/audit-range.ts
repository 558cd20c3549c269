// One stretch of the audit log's hash chain checked on any connection: kept free of the rest of the core, because
// worker threads load it on their own (see worker-entry.ts) and every import there is paid at each start.
import type { AuditChainStatus } from '../contract/audit';
import type { AuditHead } from '../repos/audit';
import { AUDIT_CONTENT_SQL, chainHash } from '../sqlite/audit-hash';
import type { ReadableDB } from '../sqlite/handles';

export interface ChainCheck {
  ok: boolean;
  checkedEntries: number;
  /** The last entry reached (the break itself when not ok). */
  last: AuditHead | null;
  brokenAtId: number | null;
  problem: AuditChainStatus['problem'];
}

export const broken = (
  checked: number,
  last: AuditHead | null,
  id: number,
  problem: NonNullable<ChainCheck['problem']>,
): ChainCheck => ({ ok: false, checkedEntries: checked, last, brokenAtId: id, problem });

/**
 * Checks the entries after `afterId` through `throughId`, the first one against `previousHash`. Each entry needs only
 * the previous entry's STORED hash, so disjoint ranges check independently (in parallel workers) and the verdicts
 * join into the one a single walk gives (`joinChecks`). `last` is null when the range has no entry before its end.
 */
export function verifyRange(db: ReadableDB, afterId: number, previousHash: string, throughId: number): ChainCheck {
  const rows = db
    .prepare(`SELECT id, hash, ${AUDIT_CONTENT_SQL} FROM audit_log WHERE id > ? AND id <= ? ORDER BY id`)
    .raw()
    .iterate(afterId, throughId) as IterableIterator<[number, string | null, string]>;
  let previous = previousHash;
  let checked = 0;
  let lastId = afterId > 0 ? afterId : null;
  for (const [id, hash, content] of rows) {
    checked += 1;
    if (hash !== chainHash(previous, content)) {
      // Stop the iterator's statement: the connection is needed again at once.
      rows.return?.();
      return broken(checked, lastId === null ? null : { id: lastId, hash: previous }, id, 'edited');
    }
    previous = hash;
    lastId = id;
  }
  return {
    ok: true,
    checkedEntries: checked,
    last: lastId === null ? null : { id: lastId, hash: previous },
    brokenAtId: null,
    problem: null,
  };
}

/** The verdict of one walk over consecutive ranges from the verdicts of each: the first break wins. */
export function joinChecks(parts: ChainCheck[]): ChainCheck {
  let checked = 0;
  let last: AuditHead | null = null;
  for (const part of parts) {
    checked += part.checkedEntries;
    if (!part.ok) return { ...part, checkedEntries: checked, last: part.last ?? last };
    last = part.last ?? last;
  }
  return { ok: true, checkedEntries: checked, last, brokenAtId: null, problem: null };
}
