// Contract for the audit log: its hash chain's verification status, and the admin's filtered, paginated reading.
import { z } from 'zod';
import { Empty, Id, IsoDate, Ok, method } from './common';

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

/**
 * Documents printed or saved from a screen (the transport prints; the core records who printed what): a day's ward
 * list, one patient's summary, the outcomes report. Blank paper forms carry no records and are not recorded.
 */
export const PrintedDocument = z.discriminatedUnion('document', [
  z.object({ document: z.literal('wardList'), day: IsoDate }),
  z.object({ document: z.literal('patientSummary'), patientId: Id }),
  z.object({ document: z.literal('outcomes') }),
]);
export type PrintedDocument = z.infer<typeof PrintedDocument>;

export const AuditQuery = z.object({
  actorId: Id.nullable().default(null),
  patientId: Id.nullable().default(null),
  action: z.string().max(80).nullable().default(null),
  /** Clinic days, inclusive. */
  from: IsoDate.nullable().default(null),
  to: IsoDate.nullable().default(null),
});
export type AuditQuery = z.infer<typeof AuditQuery>;

/** One entry as the admin reads it: who, when, what, on which record; which fields changed, never their values. */
export const AuditListEntry = z.object({
  id: Id,
  at: z.string(),
  actorId: Id.nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.number().int().nullable(),
  changed: z.array(z.string()),
});
export type AuditListEntry = z.infer<typeof AuditListEntry>;

export const AuditPage = z.object({
  entries: z.array(AuditListEntry),
  /** Pass as `beforeId` for the next (older) page; null on the last page. */
  nextBeforeId: Id.nullable(),
});
export type AuditPage = z.infer<typeof AuditPage>;

export const AuditCsv = z.object({ fileName: z.string(), csv: z.string(), rows: z.number().int() });

const ADMIN = ['admin'] as const;
const STAFF = ['coordinator', 'doctor', 'admin'] as const;

export const auditMethods = {
  'audit.status': method({ input: Empty, output: AuditChainStatus, roles: ADMIN }),
  /** Full verification, from the first entry. */
  'audit.verify': method({ input: Empty, output: AuditChainStatus, roles: ADMIN }),
  'audit.list': method({
    input: AuditQuery.extend({
      beforeId: Id.nullable().default(null),
      limit: z.number().int().min(1).max(200).default(50),
    }),
    output: AuditPage,
    roles: ADMIN,
  }),
  'audit.actions': method({ input: Empty, output: z.array(z.string()), roles: ADMIN }),
  /** The filtered entries as CSV (itself recorded). */
  'audit.exportCsv': method({ input: AuditQuery, output: AuditCsv, roles: ADMIN }),
  'audit.recordPrint': method({
    input: PrintedDocument,
    output: Ok,
    roles: STAFF,
  }),
} as const;
