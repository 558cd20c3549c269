// Verifying the audit log's hash chain, and the anchor file outside the database that shows a truncated tail.
import fs from 'node:fs';
import path from 'node:path';
import type { AuditChainStatus } from '../contract/audit';
import { type AuditHead, auditHead } from '../repos/audit';
import { GENESIS_HASH } from '../sqlite/audit-hash';
import { type ChainCheck, broken, joinChecks, verifyRange } from './audit-range';

export { type ChainCheck, joinChecks, verifyRange } from './audit-range';
import type { ReadableDB } from '../sqlite/handles';
import { nowIso } from './clinic-time';
import type { Core } from './core';
import { hasFile, runInWorker } from './worker-jobs';

/** In the data folder beside the records file; the backups copy it with each backup (see `writeAuditAnchor`). */
export const AUDIT_ANCHOR_FILE = 'audit-anchor.json';

/** What the anchor file holds: the newest entry written, and the newest one a verification found good. */
export interface AuditAnchor {
  format: 1;
  head: AuditHead | null;
  verified: AuditHead | null;
}

/**
 * Walks the chain from `from` (a verified entry, whose stored hash must still be the same) or from the start. Every
 * entry's hash must follow from the previous entry's stored hash and its own content: an edit breaks its own hash, a
 * deletion or a move breaks the next one's (ids are part of the content).
 */
export function verifyChain(db: ReadableDB, from: AuditHead | null = null): ChainCheck {
  const start = chainStart(db, from);
  if ('problem' in start) return start;
  return verifyRange(db, start.id, start.hash, Number.MAX_SAFE_INTEGER);
}

/** Where a walk starts: the verified entry `from` if its stored hash is unchanged, else the start of the log. */
function chainStart(db: ReadableDB, from: AuditHead | null): { id: number; hash: string } | ChainCheck {
  if (!from) return { id: 0, hash: GENESIS_HASH };
  const row = db.prepare('SELECT hash FROM audit_log WHERE id = ?').pluck().get(from.id) as string | undefined;
  if (row !== from.hash) return broken(0, null, from.id, row === undefined ? 'truncated' : 'start_changed');
  return from;
}

/**
 * The same verdict as `verifyChain`, computed by `workers` worker threads (each with its own read-only connection)
 * over consecutive id ranges, so the calling thread stays free and a machine's cores share the hashing. Entries
 * committed after it starts are left for the next verification (the log only grows).
 */
export async function verifyChainInWorkers(db: ReadableDB, from: AuditHead | null, workers = 2): Promise<ChainCheck> {
  const start = chainStart(db, from);
  if ('problem' in start) return start;
  const end = db.prepare('SELECT max(id) FROM audit_log').pluck().get() as number | null;
  if (end === null || end <= start.id) return joinChecks([]);
  // Split points are real entries (ids may have gaps): each range starts from its split entry's stored hash.
  const at = db.prepare('SELECT id, hash FROM audit_log WHERE id <= ? ORDER BY id DESC LIMIT 1');
  const bounds: { id: number; hash: string }[] = [start];
  for (let i = 1; i < workers; i += 1) {
    const target = start.id + Math.floor(((end - start.id) * i) / workers);
    const row = at.get(target) as { id: number; hash: string | null } | undefined;
    const previous = bounds.at(-1);
    if (row && previous && row.id > previous.id) bounds.push({ id: row.id, hash: row.hash ?? '' });
  }
  const parts = await Promise.all(
    bounds.map((b, i) =>
      runInWorker('audit.verifyRange', {
        file: db.name,
        afterId: b.id,
        previousHash: b.hash,
        throughId: bounds[i + 1]?.id ?? end,
      }),
    ),
  );
  return joinChecks(parts);
}

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
    const file = this.readAnchor();
    return this.conclude(db, mode, now, started, file, verifyChain(db, this.startFrom(mode, file)));
  }

  /**
   * The same, hashed in worker threads on their own connections (see `verifyChainInWorkers`): calls keep answering
   * meanwhile. A database without a file (in memory) is verified here instead.
   */
  async verifyInWorkers(db: ReadableDB, mode: 'incremental' | 'full', now: string): Promise<AuditChainStatus> {
    if (!hasFile(db.name)) return this.verify(db, mode, now);
    const started = performance.now();
    const file = this.readAnchor();
    const chain = await verifyChainInWorkers(db, this.startFrom(mode, file));
    return this.conclude(db, mode, now, started, file, chain);
  }

  /**
   * Another records file took the place of the verified one (a restore): what was verified is forgotten, and the next
   * incremental verification starts from what `anchorPath`'s anchor says was verified (the restore's worker wrote it).
   */
  restart(anchorPath: string): void {
    this.anchorPath = anchorPath;
    this.verified = null;
    this.status = UNVERIFIED;
  }

  private readAnchor(): AuditAnchor | null | 'unreadable' {
    return this.anchorPath ? readAuditAnchor(this.anchorPath) : null;
  }

  private startFrom(mode: 'incremental' | 'full', file: AuditAnchor | null | 'unreadable'): AuditHead | null {
    if (mode === 'full') return null;
    return this.verified ?? (file === 'unreadable' ? null : (file?.verified ?? null));
  }

  private conclude(
    db: ReadableDB,
    mode: 'incremental' | 'full',
    now: string,
    started: number,
    file: AuditAnchor | null | 'unreadable',
    chain: ChainCheck,
  ): AuditChainStatus {
    const anchor = file === 'unreadable' ? null : file;
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
      // Commits made while workers hashed have moved the anchor's head past the verified one: it stays there.
      const current = this.readAnchor();
      const newer = current && current !== 'unreadable' && current.head && (head === null || current.head.id > head.id);
      this.writeAnchor(newer ? current.head : head);
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
