// SQL for the append-only audit log.
import type { Database } from 'better-sqlite3';
import { run, sql } from '../sqlite/sql';

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
