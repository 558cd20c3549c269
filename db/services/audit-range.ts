// One stretch of the audit log's hash chain checked on any connection: kept free of the rest of the core, because
// worker threads load it on their own (see worker-entry.ts) and every import there is paid at each start.
import type { AuditChainStatus } from '../contract/audit';
import type { AuditHead } from '../repos/audit';
import { AUDIT_CONTENT_SCAN_SQL, chainHash } from '../sqlite/audit-hash';
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

/** The walk in progress on this thread (verification is synchronous, so there is at most one). */
interface Walk {
  previous: string;
  lastId: number;
  checked: number;
}
let walk: Walk | null = null;
const withStep = new WeakSet<ReadableDB>();

/**
 * Hashing happens inside the scan: SQLite hands each entry's stored hash and canonical content to this function and
 * stops at the first entry it rejects, so no row object is built and at most one row comes back. Registered once per
 * connection (replacing a function would expire every prepared statement); it checks the ids rise, because the chain
 * is only meaningful in id order.
 */
function registerStep(db: ReadableDB): void {
  if (withStep.has(db)) return;
  db.function('audit_chain_step', { deterministic: false, directOnly: true }, (id, hash, content) => {
    const w = walk;
    if (!w || typeof id !== 'number' || id <= w.lastId) throw new Error('audit_chain_step called out of order');
    if (typeof hash !== 'string' || hash !== chainHash(w.previous, String(content))) return 0;
    w.previous = hash;
    w.lastId = id;
    w.checked += 1;
    return 1;
  });
  withStep.add(db);
}

/**
 * Checks the entries after `afterId` through `throughId`, the first one against `previousHash`. Each entry needs only
 * the previous entry's STORED hash, so disjoint ranges check independently (in parallel workers) and the verdicts
 * join into the one a single walk gives (`joinChecks`). `last` is null when the range has no entry before its end.
 */
export function verifyRange(db: ReadableDB, afterId: number, previousHash: string, throughId: number): ChainCheck {
  registerStep(db);
  const firstBad = db.prepare(
    `SELECT id FROM audit_log WHERE id > ? AND id <= ? AND audit_chain_step(id, hash, ${AUDIT_CONTENT_SCAN_SQL}) = 0
     ORDER BY id LIMIT 1`,
  );
  const w: Walk = { previous: previousHash, lastId: afterId, checked: 0 };
  walk = w;
  let bad: number | undefined;
  try {
    bad = firstBad.pluck().get(afterId, throughId) as number | undefined;
  } finally {
    walk = null;
  }
  const last = w.lastId > 0 ? { id: w.lastId, hash: w.previous } : null;
  if (bad !== undefined) return broken(w.checked + 1, last, bad, 'edited');
  return { ok: true, checkedEntries: w.checked, last, brokenAtId: null, problem: null };
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
