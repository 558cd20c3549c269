// SQL for the append-only audit log.
import type { ReadableDB, WritableDB } from '../sqlite/handles';
import { type AuditRow, GENESIS_HASH, auditContent, chainHash } from '../sqlite/audit-hash';
import { type Sql, all, get, join, run, sql } from '../sqlite/sql';

export interface AuditEntry {
  at: string;
  actorId: number | null;
  action: string;
  entity: string;
  entityId: number | null;
  before: unknown;
  after: unknown;
}

/** The newest entry: where the chain continues, and what the anchor file outside the database holds. */
export interface AuditHead {
  id: number;
  hash: string;
}

export function auditHead(db: ReadableDB): AuditHead | null {
  return get<AuditHead>(db, sql`SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1`) ?? null;
}

/** Appends an entry chained to the newest one (inside the caller's transaction, so no other entry can come between). */
export function insertAudit(db: WritableDB, e: AuditEntry): AuditHead {
  const head = auditHead(db);
  const row: AuditRow = {
    id: (head?.id ?? 0) + 1,
    at: e.at,
    actor_id: e.actorId,
    action: e.action,
    entity: e.entity,
    entity_id: e.entityId,
    before_json: e.before === null || e.before === undefined ? null : JSON.stringify(e.before),
    after_json: e.after === null || e.after === undefined ? null : JSON.stringify(e.after),
  };
  const hash = chainHash(head?.hash ?? GENESIS_HASH, auditContent(row));
  run(
    db,
    sql`INSERT INTO audit_log (id, at, actor_id, action, entity, entity_id, before_json, after_json, hash)
        VALUES (${row.id}, ${row.at}, ${row.actor_id}, ${row.action}, ${row.entity}, ${row.entity_id},
                ${row.before_json}, ${row.after_json}, ${hash})`,
  );
  return { id: row.id, hash };
}

/** Who last changed a record and when (entries without an `after` record views and events, not changes). */
export interface LastChange {
  changedBy: string | null;
  changedAt: string;
}

export function lastChangeOf(db: ReadableDB, entity: string, entityId: number): LastChange | null {
  const row = get<{ at: string; name: string | null }>(
    db,
    sql`SELECT l.at, a.display_name AS name FROM audit_log l LEFT JOIN accounts a ON a.id = l.actor_id
        WHERE l.entity = ${entity} AND l.entity_id = ${entityId} AND l.after_json IS NOT NULL
        ORDER BY l.id DESC LIMIT 1`,
  );
  return row ? { changedBy: row.name, changedAt: row.at } : null;
}

export interface AuditFilter {
  actorId: number | null;
  patientId: number | null;
  action: string | null;
  /** Instants, from inclusive, to exclusive. */
  fromAt: string | null;
  toAt: string | null;
}

export interface AuditListRow {
  id: number;
  at: string;
  actorId: number | null;
  actorName: string | null;
  action: string;
  entity: string;
  entityId: number | null;
  afterJson: string | null;
  hash: string;
}

/** A patient's entries: the patient record and the records that belong to it (inquiries, courses, attachments,
 * assessments). */
function patientClause(patientId: number): Sql {
  return sql`((l.entity = 'patient' AND l.entity_id = ${patientId})
    OR (l.entity = 'inquiry' AND l.entity_id IN (SELECT id FROM inquiries WHERE patient_id = ${patientId}))
    OR (l.entity = 'course' AND l.entity_id IN (SELECT id FROM courses WHERE patient_id = ${patientId}))
    OR (l.entity = 'attachment' AND l.entity_id IN (SELECT id FROM attachments WHERE patient_id = ${patientId}))
    OR (l.entity = 'assessment' AND l.entity_id IN (SELECT id FROM assessments WHERE patient_id = ${patientId})))`;
}

/**
 * Newest first, from before `beforeId` (the cursor keeps pages stable while entries are appended). Ordered by time
 * then id, so a user, an action and a date range each read one index range in page order (audit_log_at, _actor,
 * _action: 0170-lists-indexes) at a million entries; ids follow time except across a clock step back, where the
 * list follows the time the entries show.
 */
export function listAudit(db: ReadableDB, f: AuditFilter, beforeId: number | null, limit: number): AuditListRow[] {
  const where: Sql[] = [sql`1`];
  if (beforeId !== null) {
    where.push(sql`(l.at, l.id) < (SELECT b.at, b.id FROM audit_log b WHERE b.id = ${beforeId})`);
  }
  if (f.actorId !== null) where.push(sql`l.actor_id = ${f.actorId}`);
  if (f.patientId !== null) where.push(patientClause(f.patientId));
  if (f.action !== null) where.push(sql`l.action = ${f.action}`);
  if (f.fromAt !== null) where.push(sql`l.at >= ${f.fromAt}`);
  if (f.toAt !== null) where.push(sql`l.at < ${f.toAt}`);
  return all<AuditListRow>(
    db,
    sql`SELECT l.id, l.at, l.actor_id AS actorId, a.display_name AS actorName, l.action, l.entity,
               l.entity_id AS entityId, l.after_json AS afterJson, l.hash
        FROM audit_log l LEFT JOIN accounts a ON a.id = l.actor_id
        WHERE ${join(where, ' AND ')} ORDER BY l.at DESC, l.id DESC LIMIT ${limit}`,
  );
}

/**
 * The distinct actions, one index seek each (audit_log_action): a DISTINCT would read all million entries to find a
 * few dozen names.
 */
export const auditActions = (db: ReadableDB): string[] =>
  all<{ action: string }>(
    db,
    sql`WITH RECURSIVE a(action) AS (
          SELECT min(action) FROM audit_log
          UNION ALL
          SELECT (SELECT min(l.action) FROM audit_log l WHERE l.action > a.action) FROM a WHERE a.action IS NOT NULL)
        SELECT action FROM a WHERE action IS NOT NULL`,
  ).map((r) => r.action);
