// SQL for the append-only audit log.
import type { ReadableDB, WritableDB } from '../sqlite/handles';
import { get, run, sql } from '../sqlite/sql';

export interface AuditEntry {
  at: string;
  actorId: number | null;
  action: string;
  entity: string;
  entityId: number | null;
  before: unknown;
  after: unknown;
}

export function insertAudit(db: WritableDB, e: AuditEntry): void {
  run(
    db,
    sql`INSERT INTO audit_log (at, actor_id, action, entity, entity_id, before_json, after_json)
        VALUES (${e.at}, ${e.actorId}, ${e.action}, ${e.entity}, ${e.entityId},
                ${e.before === null || e.before === undefined ? null : JSON.stringify(e.before)},
                ${e.after === null || e.after === undefined ? null : JSON.stringify(e.after)})`,
  );
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
