// Verifying the audit log's hash chain, and the anchor file outside the database that shows a truncated tail.
import fs from 'node:fs';
import path from 'node:path';
import type { AuditChainStatus } from '../contract/audit';
import { type AuditHead, auditHead } from '../repos/audit';
import { AUDIT_CONTENT_SQL, GENESIS_HASH, chainHash } from '../sqlite/audit-hash';
import type { ReadableDB } from '../sqlite/handles';
import { nowIso } from './clinic-time';
import type { Core } from './core';

/** In the data folder beside the records file; the backups copy it with each backup (see `writeAuditAnchor`). */
export const AUDIT_ANCHOR_FILE = 'audit-anchor.json';

/** What the anchor file holds: the newest entry written, and the newest one a verification found good. */
export interface AuditAnchor {
  format: 1;
  head: AuditHead | null;
  verified: AuditHead | null;
}

export interface ChainCheck {
  ok: boolean;
  checkedEntries: number;
  /** The last entry reached (the break itself when not ok). */
  last: AuditHead | null;
  brokenAtId: number | null;
  problem: AuditChainStatus['problem'];
}

/**
 * Walks the chain from `from` (a verified entry, whose stored hash must still be the same) or from the start. Every
 * entry's hash must follow from the previous entry's stored hash and its own content: an edit breaks its own hash, a
 * deletion or a move breaks the next one's (ids are part of the content).
 */
export function verifyChain(db: ReadableDB, from: AuditHead | null = null): ChainCheck {
  let previous = GENESIS_HASH;
  if (from) {
    const row = db.prepare('SELECT hash FROM audit_log WHERE id = ?').pluck().get(from.id) as string | undefined;
    if (row !== from.hash) return broken(0, null, from.id, row === undefined ? 'truncated' : 'start_changed');
    previous = from.hash;
  }
  const rows = db
    .prepare(`SELECT id, hash, ${AUDIT_CONTENT_SQL} FROM audit_log WHERE id > ? ORDER BY id`)
    .raw()
    .iterate(from?.id ?? 0) as IterableIterator<[number, string | null, string]>;
  let checked = 0;
  let lastId = from?.id ?? null;
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

const broken = (
  checked: number,
  last: AuditHead | null,
  id: number,
  problem: NonNullable<ChainCheck['problem']>,
): ChainCheck => ({ ok: false, checkedEntries: checked, last, brokenAtId: id, problem });

/**
 * The anchored head must still be in the log with the same hash. A head older than the newest entry is accepted (a
 * crash between a commit and the anchor's write, or entries the seed wrote); one missing or different shows a cut tail.
 */
export function checkAnchor(db: ReadableDB, head: AuditHead | null): ChainCheck['problem'] {
  if (!head) return null;
  const row = db.prepare('SELECT hash FROM audit_log WHERE id = ?').pluck().get(head.id) as string | undefined;
  return row === head.hash ? null : 'truncated';
}

/** Reads an anchor file: null when there is none, 'unreadable' when it is not one of ours. */
export function readAuditAnchor(file: string): AuditAnchor | null | 'unreadable' {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    return 'unreadable';
  }
  try {
    const v = JSON.parse(text) as Partial<AuditAnchor>;
    const isHead = (h: unknown): h is AuditHead | null =>
      h === null ||
      (typeof h === 'object' && typeof (h as AuditHead).id === 'number' && typeof (h as AuditHead).hash === 'string');
    if (v.format === 1 && isHead(v.head) && isHead(v.verified))
      return { format: 1, head: v.head, verified: v.verified };
  } catch {
    // fall through: not JSON
  }
  return 'unreadable';
}

/**
 * Writes an anchor file atomically (a temporary name, fsync, rename), private to this user. For the backups too: a
 * backup's anchor is `writeAuditAnchor(path.join(backupDir, AUDIT_ANCHOR_FILE), auditAnchorOf(backupDb))`.
 */
export function writeAuditAnchor(file: string, anchor: AuditAnchor): void {
  const tmp = `${file}.${process.pid}.tmp`;
  const fd = fs.openSync(tmp, 'w', 0o600);
  try {
    fs.writeSync(fd, JSON.stringify(anchor));
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, file);
}

/** The anchor that describes a database as it is now (e.g. a backup copy just made and verified). */
export const auditAnchorOf = (db: ReadableDB): AuditAnchor => {
  const head = auditHead(db);
  return { format: 1, head, verified: head };
};

const UNVERIFIED: AuditChainStatus = {
  state: 'unverified',
  mode: null,
  checkedAt: null,
  checkedEntries: 0,
  throughId: null,
  brokenAtId: null,
  problem: null,
  ms: 0,
};

/** One per open database (on the core): where its anchor lives, what was verified, and the last status. */
export class AuditChain {
  anchorPath: string | null = null;
  status: AuditChainStatus = UNVERIFIED;
  private verified: AuditHead | null = null;

  /** Verifies from the last verified entry (incremental) or from the start (full), then the anchored head. */
  verify(db: ReadableDB, mode: 'incremental' | 'full', now: string): AuditChainStatus {
    const started = performance.now();
    const file = this.anchorPath ? readAuditAnchor(this.anchorPath) : null;
    const anchor = file === 'unreadable' ? null : file;
    const from = mode === 'full' ? null : (this.verified ?? anchor?.verified ?? null);
    const chain = verifyChain(db, from);
    let problem = chain.problem;
    if (chain.ok && file === 'unreadable') problem = 'anchor_unreadable';
    else if (chain.ok) problem = checkAnchor(db, anchor?.head ?? null);
    const head = chain.ok ? chain.last : null;
    const missing = this.anchorPath !== null && file === null && head !== null;
    this.status = {
      state: problem ? 'broken' : missing ? 'unanchored' : 'ok',
      mode,
      checkedAt: now,
      checkedEntries: chain.checkedEntries,
      throughId: problem ? (chain.last?.id ?? null) : (head?.id ?? null),
      brokenAtId: problem === 'truncated' ? (anchor?.head?.id ?? null) : chain.brokenAtId,
      problem,
      ms: Math.round((performance.now() - started) * 10) / 10,
    };
    if (!problem) {
      this.verified = head;
      this.writeAnchor(head);
    }
    return this.status;
  }

  /**
   * After a commit that wrote entries: the anchor follows the newest one. Not while the chain is broken: the old
   * anchor is the evidence, and overwriting it would hide a cut tail.
   */
  committed(head: AuditHead): void {
    if (this.status.state === 'broken') return;
    this.writeAnchor(head);
  }

  private writeAnchor(head: AuditHead | null): void {
    if (!this.anchorPath) return;
    writeAuditAnchor(this.anchorPath, { format: 1, head, verified: this.verified });
  }
}

/** Points a core's chain at its data folder's anchor and runs the incremental verification (on every open). */
export function openAuditChain(core: Core, dataDir: string): AuditChainStatus {
  core.auditChain.anchorPath = path.join(dataDir, AUDIT_ANCHOR_FILE);
  const status = core.auditChain.verify(core.db, 'incremental', nowIso(core));
  // Ids and counts only: the entries themselves may name patients.
  if (status.state === 'broken')
    core.log.error('audit log chain broken', null, {
      problem: status.problem,
      brokenAtId: status.brokenAtId,
    });
  else
    core.log.info('audit log chain verified', { state: status.state, entries: status.checkedEntries, ms: status.ms });
  return status;
}
