// Benchmark: full verification of a 1,000,000-entry audit hash chain (one thread, two workers) beside a plain scan.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { verifyChain, verifyChainInWorkers } from '../../db/services/audit-chain';
import { GENESIS_HASH, auditContent, chainHash } from '../../db/sqlite/audit-hash';
import { readable } from '../../db/sqlite/handles';
import { openDatabase } from '../../db/sqlite/open';
import { closeWorkers, warmWorkers } from '../../db/services/worker-jobs';
import { percentile, printTable, time } from './stats';

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const spread = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99) };
};

export async function benchAuditChain(entries: number, runs = 3): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'strokedesk-bench-audit-'));
  const { db } = openDatabase(path.join(dir, 'audit.sqlite'));
  try {
    // Synthetic actors need no accounts rows.
    db.pragma('foreign_keys = OFF');
    const started = performance.now();
    const insert = db.prepare(
      `INSERT INTO audit_log (id, at, actor_id, action, entity, entity_id, before_json, after_json, hash)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const base = Date.parse('2025-01-01T00:00:00.000Z');
    db.transaction(() => {
      let previous = GENESIS_HASH;
      for (let id = 1; id <= entries; id += 1) {
        const update = id % 4 === 0;
        const row = {
          id,
          at: new Date(base + id * 30_000).toISOString(),
          actor_id: 1 + (id % 7),
          action: update ? 'inquiries.update' : 'patients.get',
          entity: update ? 'inquiry' : 'patient',
          entity_id: 1 + ((id * 7919) % 100_000),
          before_json: update ? '{"status":"new","version":3}' : null,
          after_json: update ? '{"status":"contacted","version":4}' : null,
        };
        previous = chainHash(previous, auditContent(row));
        insert.run(
          row.id,
          row.at,
          row.actor_id,
          row.action,
          row.entity,
          row.entity_id,
          row.before_json,
          row.after_json,
          previous,
        );
      }
    }).immediate();
    const label = entries.toLocaleString('en');
    console.log(
      `\naudit log: wrote ${label} chained entries in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    const scan = db.prepare(
      'SELECT id, at, actor_id, action, entity, entity_id, before_json, after_json, hash FROM audit_log',
    );
    const baseline = await time(`baseline: plain scan of ${label} audit rows`, runs, () => {
      let n = 0;
      for (const _ of scan.raw().iterate()) n += 1;
      return n;
    });
    const full = await time(`audit chain: full verification, ${label}`, runs, () => {
      const check = verifyChain(readable(db));
      if (!check.ok || check.checkedEntries !== entries) throw new Error('the benchmark chain did not verify');
    });
    // What audit.verify runs: the same check split over two worker threads (the machine's two cores). The app starts
    // its worker pool when it opens the records (warmUpInBackground), long before anyone clicks "Verify all": the
    // workers are started and ready here too, as they are then. CPU time of all threads too: on a shared machine wall
    // time is inflated by load; on a quiet two-core one the wall time approaches half of it.
    await warmWorkers(2);
    const cpus: number[] = [];
    const verifyInTwo = async () => {
      const before = process.cpuUsage();
      const check = await verifyChainInWorkers(readable(db), null, 2);
      const used = process.cpuUsage(before);
      cpus.push((used.user + used.system) / 1000);
      if (!check.ok || check.checkedEntries !== entries) throw new Error('the benchmark chain did not verify');
    };
    const split = await time(`audit chain: full verification in 2 workers, ${label}`, runs, verifyInTwo);
    const warmCpu = median(cpus.splice(0));
    // For comparison, what each click paid before the pool: two workers started for it (closed before each run).
    const starts: number[] = [];
    for (let i = 0; i < runs; i += 1) {
      await closeWorkers();
      const t0 = performance.now();
      await verifyInTwo();
      starts.push(performance.now() - t0);
    }
    const cold = { ...split, name: `2 workers started by the click (no pool), ${label}`, ...spread(starts) };
    const coldCpu = median(cpus.splice(0));
    await closeWorkers();
    printTable([full, split, cold], baseline);
    console.log(
      `full verification: ${(split.p50 / 1000).toFixed(2)} s in 2 workers, ${(full.p50 / 1000).toFixed(2)} s on one ` +
        `thread, for ${label} entries (target < 1 s); 2 workers used ${(warmCpu / 1000).toFixed(2)} s of CPU ` +
        `(median run; ${(coldCpu / 1000).toFixed(2)} s when started by the click, ${(cold.p50 / 1000).toFixed(2)} s wall)`,
    );
  } finally {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

// `npx tsx tests/bench/audit-chain.ts` runs this part alone.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await benchAuditChain(Number(process.env.BENCH_AUDIT_ENTRIES ?? 1_000_000));
}
