// A restore's long parts run in worker threads: other desks' reads answer within 100 ms meanwhile, and their writes
// are refused at once with a typed "restore in progress" (they would land in records about to be replaced).
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { Backup, Inquiry, RestoreResult } from '../../db/contract';
import { restoreBackup } from '../../db/services/restore';
import { prepareWorkers } from '../../db/services/worker-jobs';
import { addBallast, addInquiryWithFile, clinicOnDisk, tempDataDir } from './backup-support';
import { describeLatencies, expectResponsive, percentile, whileSampling } from './latency-support';
import { inquiryInput } from './support';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

// Ballast rows of 4 kB: enough that checking, copying and backing up take far longer than one call's 100 ms.
const BALLAST = Number(process.env.RESTORE_WORKERS_BALLAST ?? 8_000);

describe('a restore in worker threads', () => {
  it(`restores ${BALLAST.toLocaleString('en')} rows of ballast: reads answer within 100 ms, writes are refused typed`, async () => {
    const c = await clinicOnDisk(tempDataDir(dirs));
    await addInquiryWithFile(c.coordinator, 'kept');
    addBallast(c.file, BALLAST);
    prepareWorkers();
    const backup = await c.admin.ok<Backup>('backups.create');
    await addInquiryWithFile(c.coordinator, 'after the backup');

    // The same restore on the calling thread, for comparison (as before the move): nothing else answers meanwhile.
    const inline = performance.now();
    await restoreBackup(c.core, null, backup.id, undefined, false);
    const inlineMs = performance.now() - inline;
    await addInquiryWithFile(c.coordinator, 'after the first restore');

    // A coordinator keeps trying to save while the admin restores: each try is answered at once, and refused.
    const writes: { ms: number; outcome: string }[] = [];
    const run = await whileSampling(c.doctor, async () => {
      let done = false;
      const writer = (async () => {
        for (let i = 0; !done; i += 1) {
          const due = performance.now() + 25;
          await new Promise((r) => setTimeout(r, 25));
          const r = await c.coordinator.call('inquiries.create', inquiryInput({ patientName: `During ${i}` }));
          const reason = r.ok ? '' : String(r.error.details?.reason ?? '');
          writes.push({ ms: performance.now() - due, outcome: r.ok ? 'saved' : `${r.error.code} ${reason}` });
        }
      })();
      try {
        return await c.admin.ok<RestoreResult>('backups.restore', { id: backup.id });
      } finally {
        done = true;
        await writer;
      }
    });
    const writeMs = writes.map((w) => w.ms).sort((a, b) => a - b);
    console.log(
      `backups.restore of ${BALLAST} ballast rows: ${Math.round(run.ms)} ms with workers ` +
        `(${Math.round(inlineMs)} ms inline); reads: ${describeLatencies(run.latencies)}; ` +
        `writes: ${writes.length} tried, p95 ${percentile(writeMs, 0.95).toFixed(1)} ms`,
    );
    expect(run.value).toMatchObject({ restored: backup.id, schemaFrom: backup.schemaVersion });
    expect(run.value.counts.ballast).toBe(BALLAST);
    expect(run.value.safetyBackup).not.toBeNull();
    // Every write during the restore was refused with the typed reason (none saved into records being replaced).
    expect(writes.length).toBeGreaterThan(3);
    const refused = writes.filter((w) => w.outcome === 'DB_BUSY restore_in_progress').length;
    const saved = writes.filter((w) => w.outcome === 'saved').length;
    expect(refused + saved).toBe(writes.length);
    // A try that reached the kernel after the swap may be saved: then it is in the restored records, never lost.
    expect(saved).toBeLessThanOrEqual(1);
    expect(percentile(writeMs, 0.95)).toBeLessThan(100);
    const names = c.core.db.prepare(`SELECT count(*) FROM inquiries WHERE patient_name LIKE 'During %'`).pluck();
    expect(names.get()).toBe(saved);
    // The restored records: the backup's one inquiry, and the restore audited in them; writes go through again.
    expect(c.core.db.prepare('SELECT count(*) FROM inquiries').pluck().get()).toBe(1 + saved);
    const audited = c.core.db.prepare(`SELECT after_json FROM audit_log WHERE action = 'backups.restore'`).pluck();
    expect(audited.all()).toHaveLength(1);
    expect(audited.get()).toContain(run.value.safetyBackup ?? 'no safety backup');
    await c.coordinator.ok<Inquiry>('inquiries.create', inquiryInput({ patientName: 'After' }));
    expect(c.core.db.pragma('quick_check', { simple: true })).toBe('ok');
    c.core.db.close();
    expectResponsive(run.latencies, inlineMs);
  }, 180_000);
});
