// SQL for the append-only audit log.
import type { Database } from 'better-sqlite3';
import { all, run, sql } from '../sqlite/sql';

export interface AuditEntry {
  at: string;
  actorId: number | null;
  action: string;
  entity: string;
  entityId: number | null;
  before: unknown;
  after: unknown;
}

export function insertAudit(db: Database, e: AuditEntry): void {
  run(
    db,
    sql`INSERT INTO audit_log (at, actor_id, action, entity, entity_id, before_json, after_json)
        VALUES (${e.at}, ${e.actorId}, ${e.action}, ${e.entity}, ${e.entityId},
                ${e.before === null || e.before === undefined ? null : JSON.stringify(e.before)},
                ${e.after === null || e.after === undefined ? null : JSON.stringify(e.after)})`,
  );
}

export interface AuditRow {
  id: number;
  at: string;
  actor_id: number | null;
  action: string;
  entity: string;
  entity_id: number | null;
  before_json: string | null;
  after_json: string | null;
}

export const auditFor = (db: Database, entity: string, entityId: number): AuditRow[] =>
  all<AuditRow>(db, sql`SELECT * FROM audit_log WHERE entity = ${entity} AND entity_id = ${entityId} ORDER BY id`);
