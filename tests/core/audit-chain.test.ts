// The audit log's hash chain: written by the kernel, anchored outside the database, verified incrementally and fully;
// an attacker with the file (triggers dropped) who edits, deletes, reorders or truncates entries is always detected.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { auditHead } from '../../db/repos/audit';
import { AUDIT_ANCHOR_FILE, openAuditChain, readAuditAnchor, verifyChain } from '../../db/services/audit-chain';
import type { Core } from '../../db/services/core';
import { commandAs, recordEvent } from '../../db/services/kernel';
import { AUDIT_CONTENT_SCAN_SQL, AUDIT_CONTENT_SQL, auditContent, type AuditRow } from '../../db/sqlite/audit-hash';
import { migrate } from '../../db/sqlite/migrate';
import { migrations } from '../../db/sqlite/migrations';
import { openDatabase } from '../../db/sqlite/open';
import { makeCore, staff } from './support';

const dirs: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sd-audit-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** Appends `n` entries through the kernel in one transaction (a realistic mix: nulls, quotes, non-Latin text). */
function fill(core: Core, n: number): void {
  commandAs(core, null, { action: 'test.fill', entity: 'test', audit: () => null }, ({ audit }) => {
    for (let i = 0; i < n; i += 1) {
      const after = i % 3 === 0 ? null : { note: `it's #${i}`, 名: '王', n: i };
      audit(i % 2 ? 'patients.get' : 'inquiries.update', i % 5 ? 'patient' : 'inquiry', i % 7 ? i : null, null, after);
    }
  });
}

function coreOnDisk(): { core: Core; dir: string } {
  const dir = tempDir();
  const core = makeCore({ path: path.join(dir, 'strokedesk.sqlite') });
  return { core, dir };
}

const dropTriggers = (db: Database.Database) =>
  db.exec(`DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete; DROP TRIGGER audit_log_needs_hash;`);

describe('hash chain', () => {
  it('SQL and JavaScript build the same canonical content', () => {
    const core = makeCore();
    fill(core, 50);
    const rows = core.db
      .prepare(
        `SELECT id, at, actor_id, action, entity, entity_id, before_json, after_json,
                ${AUDIT_CONTENT_SQL} AS content FROM audit_log`,
      )
      .all() as (AuditRow & { content: string })[];
    expect(rows).toHaveLength(50);
    for (const r of rows) expect(auditContent(r)).toBe(r.content);
  });

  it('the one-call scan form is the same text as the canonical SQL, edge cases included', () => {
    const core = makeCore();
    fill(core, 30);
    const odd = ["it's", "''", 'NULL', '', '|', "a'|'b", '王\n\t"x"', '😀 \u202e', '%d %Q %s', '\\'];
    // Actors that are no accounts (negative, huge): only the text forms matter here.
    core.db.pragma('foreign_keys = OFF');
    const add = core.db.prepare(
      `INSERT INTO audit_log (at, actor_id, action, entity, entity_id, before_json, after_json, hash)
       VALUES (?, ?, ?, ?, ?, ?, ?, 'not checked here')`,
    );
    odd.forEach((t, i) => add.run(t, i % 2 ? null : -i, t, t, i % 3 ? 2 ** 53 - i : null, i % 2 ? t : null, t));
    const rows = core.db
      .prepare(`SELECT ${AUDIT_CONTENT_SQL} AS canonical, ${AUDIT_CONTENT_SCAN_SQL} AS scan FROM audit_log`)
      .all() as { canonical: string; scan: string }[];
    expect(rows).toHaveLength(30 + odd.length);
    for (const r of rows) expect(r.scan).toBe(r.canonical);
  });

  it('every command chains its entries, and a fresh log verifies', async () => {
    const core = makeCore();
    const s = await staff(core);
    await s.admin.ok('clinic.settings');
    const hashes = core.db.prepare('SELECT hash FROM audit_log ORDER BY id').pluck().all() as string[];
    expect(hashes.length).toBeGreaterThan(3);
    expect(new Set(hashes).size).toBe(hashes.length);
    for (const h of hashes) expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(verifyChain(core.db)).toMatchObject({ ok: true, checkedEntries: hashes.length });
  });

  it('refuses an entry without a hash (the trigger), and entries stay append-only', () => {
    const core = makeCore();
    fill(core, 2);
    expect(() =>
      core.db.prepare("INSERT INTO audit_log (at, action, entity) VALUES ('2026-01-01T00:00:00.000Z', 'x', 'y')").run(),
    ).toThrow(/chain hash/);
    expect(() => core.db.prepare("UPDATE audit_log SET action = 'x'").run()).toThrow(/append-only/);
  });
});

describe('anchor file and verification on open', () => {
  it('follows every commit, and verifies incrementally from the last verified entry on the next open', () => {
    const { core, dir } = coreOnDisk();
    fill(core, 20);
    expect(openAuditChain(core, dir)).toMatchObject({ state: 'unanchored', checkedEntries: 20, throughId: 20 });
    recordEvent(core, null, 'patients.get', 'patient', 7);
    const anchor = readAuditAnchor(path.join(dir, AUDIT_ANCHOR_FILE));
    expect(anchor).toEqual({ format: 1, head: auditHead(core.db), verified: { id: 20, hash: expect.any(String) } });
    fill(core, 5);

    const reopened = makeCore({ path: path.join(dir, 'strokedesk.sqlite') });
    // Only the 6 entries after the last verified one are hashed.
    expect(openAuditChain(reopened, dir)).toMatchObject({ state: 'ok', mode: 'incremental', checkedEntries: 6 });
    expect(reopened.auditChain.verify(reopened.db, 'full', 'now')).toMatchObject({ state: 'ok', checkedEntries: 26 });
  });

  it('shows a truncated tail on open, and keeps the old anchor as evidence', () => {
    const { core, dir } = coreOnDisk();
    fill(core, 30);
    openAuditChain(core, dir);
    const file = path.join(dir, AUDIT_ANCHOR_FILE);
    const raw = new Database(path.join(dir, 'strokedesk.sqlite'));
    dropTriggers(raw);
    raw.exec('DELETE FROM audit_log WHERE id > 25');
    raw.close();

    const reopened = makeCore({ path: path.join(dir, 'strokedesk.sqlite') });
    expect(openAuditChain(reopened, dir)).toMatchObject({ state: 'broken', problem: 'truncated', brokenAtId: 30 });
    recordEvent(reopened, null, 'patients.get', 'patient', 1);
    expect(readAuditAnchor(file)).toMatchObject({ head: { id: 30 } });
  });

  it('says so when the anchor file is not ours', () => {
    const { core, dir } = coreOnDisk();
    fill(core, 3);
    fs.writeFileSync(path.join(dir, AUDIT_ANCHOR_FILE), 'not json');
    expect(openAuditChain(core, dir)).toMatchObject({ state: 'broken', problem: 'anchor_unreadable' });
  });
});

describe('an attacker with the file (triggers dropped)', () => {
  const COLUMNS = ['at', 'actor_id', 'action', 'entity', 'entity_id', 'before_json', 'after_json', 'hash'] as const;

  it('is detected in 100 % of edits, deletions, reorderings and truncations of a 10,000-entry log', () => {
    const N = 10_000;
    const { core, dir } = coreOnDisk();
    fill(core, N);
    expect(openAuditChain(core, dir).state).toBe('unanchored');
    const db = core.db;
    let seed = 12345;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return 1 + (seed % n);
    };
    type Kind = 'edit' | 'delete' | 'reorder' | 'truncate';
    const tamper: Record<Kind, () => void> = {
      edit: () => {
        const id = rand(N);
        const column = COLUMNS[rand(COLUMNS.length) - 1] ?? 'at';
        const value =
          column === 'actor_id' || column === 'entity_id' ? `coalesce(${column}, 0) + 1` : `'x' || ${column}`;
        db.prepare(`UPDATE audit_log SET ${column} = ${value} WHERE id = ?`).run(id);
      },
      delete: () => db.prepare('DELETE FROM audit_log WHERE id = ?').run(rand(N)),
      reorder: () => {
        const a = rand(N - 1);
        const b = a + rand(Math.min(50, N - a));
        // Moves whole entries, hashes and all.
        db.prepare('UPDATE audit_log SET id = -1 WHERE id = ?').run(a);
        db.prepare('UPDATE audit_log SET id = ? WHERE id = ?').run(a, b);
        db.prepare('UPDATE audit_log SET id = ? WHERE id = -1').run(b);
      },
      truncate: () => db.prepare('DELETE FROM audit_log WHERE id > ?').run(N - rand(500)),
    };
    const detected: Record<Kind, number> = { edit: 0, delete: 0, reorder: 0, truncate: 0 };
    const CASES = 40;
    for (const kind of Object.keys(tamper) as Kind[]) {
      for (let i = 0; i < CASES; i += 1) {
        db.exec('BEGIN');
        try {
          dropTriggers(db);
          tamper[kind]();
          if (core.auditChain.verify(db, 'full', 'now').state === 'broken') detected[kind] += 1;
        } finally {
          db.exec('ROLLBACK');
        }
      }
    }
    expect(detected).toEqual({ edit: CASES, delete: CASES, reorder: CASES, truncate: CASES });
    // The rollbacks left the genuine log, which still verifies.
    expect(core.auditChain.verify(db, 'full', 'now')).toMatchObject({ state: 'ok', checkedEntries: N });
  });
});

describe('migration 0080', () => {
  it('chains the entries an older database already had', () => {
    const dir = tempDir();
    const file = path.join(dir, 'old.sqlite');
    const old = new Database(file);
    migrate(old, { path: file, migrations: migrations.filter((m) => m.version <= 50) });
    const insert = old.prepare(
      'INSERT INTO audit_log (at, action, entity, entity_id, after_json) VALUES (?, ?, ?, ?, ?)',
    );
    for (let i = 0; i < 40; i += 1)
      insert.run('2026-01-01T00:00:00.000Z', 'patients.get', 'patient', i, `{"q":"'${i}"}`);
    old.close();
    const { db } = openDatabase(file);
    expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(80);
    expect(verifyChain(db as never)).toMatchObject({ ok: true, checkedEntries: 40 });
    db.close();
  });
});
