// Full audit verification runs in worker threads: other calls answer within 100 ms meanwhile, and the verdict is the
// one a single walk on the calling thread gives, for a sound log and for every kind of tampering.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { AuditChainStatus } from '../../db/contract';
import { verifyChain, verifyChainInWorkers } from '../../db/services/audit-chain';
import { auditContent, chainHash, GENESIS_HASH } from '../../db/sqlite/audit-hash';
import { readable } from '../../db/sqlite/handles';
import { prepareWorkers } from '../../db/services/worker-jobs';
import { describeLatencies, expectResponsive, whileSampling } from './latency-support';
import { makeCore, staff } from './support';

const dirs: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sd-audit-workers-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** Appends `n` chained entries on a connection of its own (quicker than n commands; the chain is the same). */
function appendEntries(file: string, n: number): void {
  const db = new Database(file);
  try {
    const last = db.prepare('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as
      { id: number; hash: string } | undefined;
    const insert = db.prepare(
      `INSERT INTO audit_log (id, at, actor_id, action, entity, entity_id, before_json, after_json, hash)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    db.transaction(() => {
      let previous = last?.hash ?? GENESIS_HASH;
      for (let id = (last?.id ?? 0) + 1, i = 0; i < n; id += 1, i += 1) {
        const row = {
          id,
          at: '2026-11-20T10:00:00.000Z',
          actor_id: null,
          action: i % 2 ? 'patients.get' : 'inquiries.update',
          entity: i % 2 ? 'patient' : 'inquiry',
          entity_id: i % 7 ? i : null,
          before_json: i % 3 ? null : `{"note":"it's #${i}"}`,
          after_json: i % 5 ? `{"名":"王","n":${i}}` : null,
        };
        previous = chainHash(previous, auditContent(row));
        insert.run(...Object.values(row), previous);
      }
    }).immediate();
  } finally {
    db.close();
  }
}

// 200,000 keeps the test quick while the verification still takes far longer than one call's 100 ms.
const ENTRIES = Number(process.env.AUDIT_WORKERS_ENTRIES ?? 200_000);

describe('full verification in worker threads', () => {
  it(`verifies ${ENTRIES.toLocaleString('en')} entries while patients.list and auth.status answer within 100 ms`, async () => {
    const dir = tempDir();
    const file = path.join(dir, 'records.sqlite');
    const core = makeCore({ path: file });
    const { admin, doctor } = await staff(core);
    appendEntries(file, ENTRIES);
    const total = core.db.prepare('SELECT count(*) FROM audit_log').pluck().get() as number;

    // On the calling thread, for comparison: nothing else answers for this long.
    const inline = performance.now();
    expect(verifyChain(core.db)).toMatchObject({ ok: true, checkedEntries: total });
    const inlineMs = performance.now() - inline;

    prepareWorkers(); // a source run bundles the worker's entry on first use; the desktop app ships it built
    const run = await whileSampling(doctor, () => admin.ok<AuditChainStatus>('audit.verify', {}));
    core.db.close();
    console.log(
      `audit.verify of ${total} entries: ${Math.round(run.ms)} ms in workers (${Math.round(inlineMs)} ms inline); ` +
        describeLatencies(run.latencies),
    );
    // The result is the same verdict: every entry (the new one for this verification comes after it).
    expect(run.value).toMatchObject({ state: 'ok', mode: 'full', checkedEntries: total, problem: null });
    expectResponsive(run.latencies, inlineMs);
  }, 180_000);

  it('gives the same verdict as one walk for edits, deletions, reorderings and truncations (triggers dropped)', async () => {
    const dir = tempDir();
    const base = path.join(dir, 'base.sqlite');
    const core = makeCore({ path: base });
    await staff(core);
    core.db.close();
    const N = 3_000;
    appendEntries(base, N);
    const prepared = new Database(base);
    prepared.pragma('journal_mode = DELETE');
    prepared.close();
    const cases: Record<string, string[]> = {
      edit: [`UPDATE audit_log SET at = 'x' || at WHERE id = 1500`, `UPDATE audit_log SET entity_id = 9 WHERE id = 7`],
      delete: ['DELETE FROM audit_log WHERE id = 2222', 'DELETE FROM audit_log WHERE id = 3'],
      reorder: [
        'UPDATE audit_log SET id = -1 WHERE id = 1200',
        'UPDATE audit_log SET id = 1200 WHERE id = 1210',
        'UPDATE audit_log SET id = 1210 WHERE id = -1',
      ],
      // A cut tail leaves a sound chain: the anchor shows it (audit-chain.test.ts); the walk must still agree.
      truncate: ['DELETE FROM audit_log WHERE id > 2900'],
    };
    for (const [kind, statements] of Object.entries(cases)) {
      const file = path.join(dir, `${kind}.sqlite`);
      fs.copyFileSync(base, file);
      const db = new Database(file);
      db.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete; DROP TRIGGER audit_log_needs_hash;');
      for (const s of statements) db.exec(s);
      const one = verifyChain(readable(db));
      const split = await verifyChainInWorkers(readable(db), null, 2);
      const three = await verifyChainInWorkers(readable(db), null, 3);
      db.close();
      expect({ kind, ...split }).toEqual({ kind, ...one });
      expect({ kind, ...three }).toEqual({ kind, ...one });
      expect(one.ok).toBe(kind === 'truncate');
    }
  }, 120_000);
});
