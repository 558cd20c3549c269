// The command kernel: runs a command as its actor in one IMMEDIATE transaction, loads or refuses, checks the version,
// and writes the audit entry in the same transaction. It alone hands out a WritableDB, so a service is its rules only.
import { type AuditHead, type LastChange, insertAudit, lastChangeOf } from '../repos/audit';
import { checkpointSoon } from '../sqlite/checkpoint';
import { noteFailure, refuseIfCorrupt } from '../sqlite/corruption';
import { DomainError, notFound } from '../sqlite/domain-error';
import { type ReadableDB, type WritableDB, writableInTransaction } from '../sqlite/handles';
import { nowIso } from './clinic-time';
import { type CallContext, requireActor } from './context';
import type { Core } from './core';
import { diff } from './diff';
import { refuseWhileRestoring } from './restore-gate';
import type { Actor } from './sessions';
import { written as noteWritten } from './written';

/** What the audit log records for a command; null writes no automatic entry (the command wrote its own). */
export interface AuditEntry {
  entityId: number | null;
  before: unknown;
  after: unknown;
  /** Only for the first admin, who is created by the very command that records them as its actor. */
  actorId?: number | null;
}

export interface CommandSpec<E, R> {
  /** The audit action, by convention the method name (`inquiries.update`). */
  action: string;
  /** The audit entity (`inquiry`). */
  entity: string;
  /** The record the command works on; with `load`, it is loaded inside the transaction or refused with NOT_FOUND. */
  id?: number;
  load?: (db: ReadableDB, id: number) => E | null;
  /** How NOT_FOUND names the record (`Inquiry 12 does not exist.`). */
  label?: string;
  /** The version the caller saw; a different current version is refused with CONFLICT `{ currentVersion }`. */
  version?: number;
  conflictMessage?: string | ((current: E) => string);
  /**
   * The audit entry from what was there and what the command returned. Default: the whole result for a create
   * (nothing loaded), only the changed fields for an update of a loaded record.
   */
  audit?: (before: E, result: R, at: string) => AuditEntry | null;
}

/** What a command's body receives. */
export interface Step<E, A extends Actor | null = Actor> {
  w: WritableDB;
  core: Core;
  actor: A;
  /** The loaded record (null when the spec loads nothing). */
  before: E;
  /** The command's one instant, ISO-8601 UTC. */
  at: string;
  /** A further audit entry in the same transaction (a merge records both records). */
  audit(action: string, entity: string, entityId: number | null, before: unknown, after: unknown): void;
}

const DEFAULT_CONFLICT =
  'Someone else changed this record after you opened it. Reload to see their change; what you typed is kept.';

/** Load-or-NOT_FOUND, for commands that work on more than one record. */
export function mustLoad<E>(
  db: ReadableDB,
  id: number,
  load: (db: ReadableDB, id: number) => E | null,
  label: string,
): E {
  const found = load(db, id);
  if (found === null) throw notFound(label, id);
  return found;
}

/**
 * The optimistic-concurrency check every versioned record gets. `lastChange`, asked only on a refusal, lets the
 * refusal say who changed the record and when (staff names only: the form that shows it has the record anyway).
 */
export function checkVersion<E extends { version: number }>(
  current: E,
  version: number,
  message: string | ((e: E) => string) = DEFAULT_CONFLICT,
  lastChange: () => LastChange | null = () => null,
): void {
  if (current.version !== version) {
    const text = typeof message === 'function' ? message(current) : message;
    const who = lastChange();
    const details = { reason: 'stale_version', currentVersion: current.version, ...(who ?? {}) } as const;
    throw new DomainError('CONFLICT', text, details);
  }
}

const hasVersion = (e: unknown): e is { version: number } =>
  typeof e === 'object' && e !== null && typeof (e as { version?: unknown }).version === 'number';

function defaultAudit(spec: { id?: number; load?: unknown }, before: unknown, result: unknown): AuditEntry {
  const id = (result as { id?: unknown } | null)?.id;
  const resultId = typeof id === 'number' ? id : null;
  if (!spec.load || before === null) return { entityId: spec.id ?? resultId, before: null, after: result };
  const changed = typeof result === 'object' && result !== null ? diff(before as object, result) : null;
  return { entityId: spec.id ?? resultId, before: changed?.before ?? null, after: changed?.after ?? null };
}

/** A command by an explicit actor, or by nobody (a failed sign-in is recorded with no actor). */
export function commandAs<A extends Actor | null, R, E = null>(
  core: Core,
  actor: A,
  spec: CommandSpec<E, R>,
  body: (step: Step<E, A>) => R,
): R {
  const written: { head: AuditHead | null } = { head: null };
  const run = () => {
    refuseIfCorrupt(core.db);
    refuseWhileRestoring(core);
    const w = writableInTransaction(core.db);
    const at = nowIso(core);
    let before = null as E;
    if (spec.load) {
      if (spec.id === undefined) throw new Error(`${spec.action}: a command that loads needs an id`);
      before = mustLoad(w, spec.id, spec.load, spec.label ?? spec.entity);
      if (spec.version !== undefined) {
        if (!hasVersion(before)) throw new Error(`${spec.action}: ${spec.entity} has no version to check`);
        const message = spec.conflictMessage as string | ((e: { version: number }) => string) | undefined;
        const id = spec.id;
        checkVersion(before, spec.version, message, () => lastChangeOf(w, spec.entity, id));
      }
    }
    const actorId = actor?.id ?? null;
    const write = (action: string, entity: string, entityId: number | null, b: unknown, a: unknown, by = actorId) =>
      (written.head = insertAudit(w, { at, actorId: by, action, entity, entityId, before: b, after: a }));
    const result = body({ w, core, actor, before, at, audit: write });
    const entry = spec.audit ? spec.audit(before, result, at) : defaultAudit(spec, before, result);
    if (entry) write(spec.action, spec.entity, entry.entityId, entry.before, entry.after, entry.actorId ?? actorId);
    // Again at the end: a body that caught a corruption error itself must still not commit.
    refuseIfCorrupt(core.db);
    return result;
  };
  // IMMEDIATE: a deferred transaction that upgrades to a write gets SQLITE_BUSY at once, whatever the timeout.
  let result: R;
  try {
    result = core.db.transaction(run).immediate();
  } catch (err) {
    noteFailure(core.db, err);
    throw err;
  }
  // Only after the commit: an anchor ahead of the log would read as a cut tail.
  if (written.head) core.auditChain.committed(written.head);
  checkpointSoon(core.db);
  // The kept reports someone uses are computed again off this thread once the records are quiet (report-refresh.ts).
  noteWritten(core);
  return result;
}

/** A command by the signed-in caller (UNAUTHENTICATED without one). */
export function command<R, E = null>(ctx: CallContext, spec: CommandSpec<E, R>, body: (step: Step<E>) => R): R {
  return commandAs(ctx.core, requireActor(ctx), spec, body);
}

/** What a recorded read names: the record, found or NOT_FOUND. */
export interface ViewSpec<E> {
  action: string;
  entity: string;
  id: number;
  load: (db: ReadableDB, id: number) => E | null;
  label: string;
}

/**
 * A read of patient data that is recorded (a patient or an inquiry opened): loaded or NOT_FOUND, and one entry that
 * names only the record's id, never what was shown.
 */
export function view<R, E>(ctx: CallContext, spec: ViewSpec<E>, body: (step: Step<E>) => R): R {
  return command(ctx, { ...spec, audit: () => ({ entityId: spec.id, before: null, after: null }) }, body);
}

/** An event that changes nothing but is recorded (a sign-in, a file opened): one audit entry in its own transaction. */
export function recordEvent(
  core: Core,
  actor: Actor | null,
  action: string,
  entity: string,
  entityId: number | null,
): void {
  const audit = () => ({ entityId, before: null, after: null });
  commandAs(core, actor, { action, entity, audit }, () => undefined);
}
