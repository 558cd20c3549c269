// A backup's copy and verification run in a worker thread: other calls answer within 100 ms meanwhile, and the backup
// is the one the calling thread makes — the same counts, attachments, start time from the core's clock, audit entry.
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Backup } from '../../db/contract';
import { tableCounts } from '../../db/repos/backups';
import { takeBackup } from '../../db/services/backups';
import { prepareWorkers } from '../../db/services/worker-jobs';
import { addBallast, addInquiryWithFile, clinicOnDisk, tempDataDir } from './backup-support';
import { describeLatencies, expectResponsive, whileSampling } from './latency-support';
import fs from 'node:fs';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

// Ballast rows of 4 kB: enough that the copy and its integrity_check take far longer than one call's 100 ms.
const BALLAST = Number(process.env.BACKUP_WORKERS_BALLAST ?? 15_000);

describe('backups in a worker thread', () => {
  it(`backs up ${BALLAST.toLocaleString('en')} rows of ballast while other calls answer within 100 ms`, async () => {
    const c = await clinicOnDisk(tempDataDir(dirs));
    await addInquiryWithFile(c.coordinator, 'kept');
    addBallast(c.file, BALLAST);

    // On the calling thread, for comparison (into a folder of its own): nothing else answers for this long.
    const inline = performance.now();
    const here = await takeBackup(
      {
        db: c.core.db,
        attachmentsDir: c.core.attachmentsDir,
        root: path.join(c.dir, 'inline-backups'),
        now: () => c.clock.now(),
        secondFolder: null,
      },
      'manual',
    );
    const inlineMs = performance.now() - inline;
    expect(here.status).toBe('ok');

    // A source run bundles the worker's entry on first use (the desktop app ships it built): not part of the job.
    prepareWorkers();
    const run = await whileSampling(c.doctor, () => c.admin.ok<Backup>('backups.create'));
    console.log(
      `backups.create of ${BALLAST} ballast rows: ${Math.round(run.ms)} ms in a worker ` +
        `(${Math.round(inlineMs)} ms inline); ${describeLatencies(run.latencies)}`,
    );
    const made = run.value;
    const live = tableCounts(c.core.db);
    // The same backup the calling thread makes, with the start from the core's (fixed) clock.
    expect(made).toMatchObject({
      status: 'ok',
      problem: null,
      reason: 'manual',
      startedAt: c.clock.now().toISOString(),
      attachments: 1,
      attachmentsCopied: 1,
      schemaVersion: here.schemaVersion,
      secondCopy: null,
    });
    // The end is the start plus the time the worker took (it has no clock of the core's to ask).
    const took = Date.parse(made.finishedAt) - Date.parse(made.startedAt);
    expect(took).toBeGreaterThanOrEqual(0);
    expect(took).toBeLessThanOrEqual(run.ms + 1);
    // The audit entry of this backup is written after the copy: the copy has every row but that one.
    expect(made.counts).toEqual({ ...live, audit_log: (live.audit_log ?? 0) - 1 });
    expect(made.counts.ballast).toBe(BALLAST);
    expect(await c.admin.ok<Backup[]>('backups.list')).toEqual([made]);
    const audited = c.core.db
      .prepare(`SELECT count(*) FROM audit_log WHERE action = 'backups.create'`)
      .pluck()
      .get() as number;
    expect(audited).toBe(1);
    c.core.db.close();
    expectResponsive(run.latencies, inlineMs);
  }, 180_000);
});
