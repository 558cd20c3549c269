// SQL for backups: what a copy holds, counted table by table, and which attachment files it refers to.
import type { Database } from 'better-sqlite3';
import { all, sql } from '../sqlite/sql';

/** Every table of ours (SQLite's own and the search index's shadow tables included): what a restore must bring back. */
export function tableNames(db: Database): string[] {
  return all<{ name: string }>(
    db,
    sql`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`,
  ).map((r) => r.name);
}

const quoted = (name: string): string => `"${name.replace(/"/g, '""')}"`;

export function tableCounts(db: Database): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const name of tableNames(db)) {
    const row = db.prepare(`SELECT count(*) AS n FROM ${quoted(name)}`).get() as { n: number };
    counts[name] = row.n;
  }
  return counts;
}

export const attachmentFiles = (db: Database): { sha256: string; size: number }[] =>
  all<{ sha256: string; size: number }>(db, sql`SELECT sha256, size FROM files ORDER BY sha256`);
