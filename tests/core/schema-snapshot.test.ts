// The schema a fresh database migrates to, compared with a committed snapshot, so a schema change is always deliberate.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/sqlite/open';

const SNAPSHOT = fileURLToPath(new URL('./schema-snapshot.json', import.meta.url));

interface SchemaRow {
  type: string;
  name: string;
  tbl_name: string;
  sql: string | null;
}

/**
 * Every object in a stable order, its SQL as trimmed lines (indentation and blank lines dropped so only real changes
 * show), as JSON: a diff of the snapshot reads line by line.
 */
function describeSchema(): string {
  const { db } = openDatabase(':memory:');
  try {
    const userVersion = db.pragma('user_version', { simple: true }) as number;
    // sqlite_stat* come from ANALYZE / PRAGMA optimize, not from a migration.
    const rows = db
      .prepare(
        "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_stat%' ORDER BY type, name",
      )
      .all() as SchemaRow[];
    const objects = rows.map((r) => ({
      type: r.type,
      name: r.name,
      table: r.tbl_name,
      // SQLite makes some objects itself for a constraint (no SQL of ours).
      sql: (r.sql ?? '')
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line !== ''),
    }));
    return `${JSON.stringify({ userVersion, objects }, null, 2)}\n`;
  } finally {
    db.close();
  }
}

const HOW_TO_UPDATE =
  'The migrated schema differs from tests/core/schema-snapshot.json. If you changed the schema on purpose (a NEW ' +
  'migration: shipped ones are never edited), review the diff and rewrite the snapshot with ' +
  '`UPDATE_SCHEMA_SNAPSHOT=1 npx vitest run --config tests/vitest.config.ts tests/core/schema-snapshot.test.ts`, ' +
  'then commit it with the migration.';

describe('schema snapshot', () => {
  it('a fresh database migrates to exactly the committed schema', () => {
    const actual = describeSchema();
    if (process.env.UPDATE_SCHEMA_SNAPSHOT === '1') fs.writeFileSync(SNAPSHOT, actual);
    const expected = fs.existsSync(SNAPSHOT) ? fs.readFileSync(SNAPSHOT, 'utf8') : '(no snapshot committed)';
    expect(actual, HOW_TO_UPDATE).toBe(expected);
  });
});
