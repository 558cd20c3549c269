// Contract for the audit log: its hash chain's verification status, and the admin's filtered, paginated reading.
import { z } from 'zod';

/** ok: chain and anchor agree; broken: an entry or the tail does not; unanchored: the copy of the newest hash
 * outside the database was missing, so the tail could not be checked (recreated at once); unverified: not yet run. */
export const AUDIT_CHAIN_STATES = ['ok', 'broken', 'unanchored', 'unverified'] as const;
/** edited covers a changed, deleted or moved entry (its hash, or the next one's, no longer follows). */
export const AUDIT_CHAIN_PROBLEMS = ['edited', 'start_changed', 'truncated', 'anchor_unreadable'] as const;

export const AuditChainStatus = z.object({
  state: z.enum(AUDIT_CHAIN_STATES),
  mode: z.enum(['incremental', 'full']).nullable(),
  checkedAt: z.string().nullable(),
  /** Entries hashed in that run (an incremental run checks only those after the last verified one). */
  checkedEntries: z.number().int(),
  /** The newest entry the chain is known good through. */
  throughId: z.number().int().nullable(),
  brokenAtId: z.number().int().nullable(),
  problem: z.enum(AUDIT_CHAIN_PROBLEMS).nullable(),
  ms: z.number(),
});
export type AuditChainStatus = z.infer<typeof AuditChainStatus>;
