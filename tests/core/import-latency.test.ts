// Nothing blocks the desk: while a large web-form import stages or commits, other callers still answer within 100 ms.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { CommitResult, StageResult } from '../../db/contract';
import { describeLatencies, expectResponsive, percentile, whileSampling } from './latency-support';
import { prepareWorkers } from '../../db/services/worker-jobs';
import { makeCore, staff } from './support';

const SAMPLE_CSV = fs.readFileSync(
  fileURLToPath(new URL('../../db/seed/samples/web-form-submissions.csv', import.meta.url)),
  'utf8',
);
const COLUMNS = (SAMPLE_CSV.split('\r\n', 1)[0] ?? '').split(',');
// 10,000 keeps `npm test` quick; IMPORT_LATENCY_ROWS=30000 repeats the measurement.
const ROWS = Number(process.env.IMPORT_LATENCY_ROWS ?? 10_000);

function line(i: number): string {
  const v: Record<string, string> = {
    submission_id: `LAT-${i}`,
    submitted_at: '2026-11-20T10:00:00Z',
    contact_name: `Contact ${i}`,
    relation: 'self',
    email: `latency${i}@example.org`,
    phone: `+49 151 ${String(2000000 + i)}`,
    patient_name: `Contact ${i}`,
    consent_contact: 'yes',
    consent_data_processing: 'yes',
    message: 'Synthetic bulk submission',
  };
  return COLUMNS.map((c) => v[c] ?? '').join(',');
}

describe('a large import and the other callers', () => {
  // Issue #12 point 9: staging once held the thread for the whole file (30,000 rows: 11.8 s with no other call
  // answered, loaded machine). Now the file is parsed in a worker and its rows written a slice at a time.
  it(`stages ${ROWS.toLocaleString('en')} rows while other calls answer within 100 ms (p95)`, async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'strokedesk-latency-'));
    const core = makeCore({ path: path.join(dir, 'records.sqlite') });
    try {
      const { coordinator, doctor } = await staff(core);
      const text = [COLUMNS.join(','), ...Array.from({ length: ROWS }, (_, i) => line(i))].join('\r\n') + '\r\n';
      prepareWorkers(); // a source run bundles the worker's entry on first use; the desktop app ships it built
      const run = await whileSampling(doctor, () =>
        coordinator.ok<StageResult>('imports.stage', { fileName: 'big.csv', format: 'csv', text }),
      );
      console.log(`import of ${ROWS} rows staged in ${Math.round(run.ms)} ms; ${describeLatencies(run.latencies)}`);
      expect(run.value.ok).toBe(true);
      expectResponsive(run.latencies, run.ms);
    } finally {
      core.db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);

  it(`commits ${ROWS.toLocaleString('en')} rows while auth.status and patients.list every 10 ms answer within 100 ms (p95)`, async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'strokedesk-latency-'));
    const core = makeCore({ path: path.join(dir, 'records.sqlite') });
    const { coordinator, doctor } = await staff(core);
    const text = [COLUMNS.join(','), ...Array.from({ length: ROWS }, (_, i) => line(i))].join('\r\n') + '\r\n';
    const staged = await coordinator.ok<StageResult>('imports.stage', { fileName: 'big.csv', format: 'csv', text });
    if (!staged.ok) throw new Error('staging refused');
    const decisions = Array.from({ length: ROWS }, (_, i) => ({
      row: i + 2,
      action: 'import' as const,
      mergeInquiryId: null,
      mergeRow: null,
    }));

    // Each sample is timed from when it was due, so an event loop held by the import counts in full.
    const {
      value: result,
      ms,
      latencies: sorted,
    } = await whileSampling(doctor, () =>
      coordinator.ok<CommitResult>('imports.commit', { batchId: staged.batchId, decisions }),
    );
    core.db.close();
    fs.rmSync(dir, { recursive: true, force: true });
    const max = sorted.at(-1) ?? 0;
    console.log(`import of ${ROWS} rows committed in ${Math.round(ms)} ms; ${describeLatencies(sorted)}`);
    expect(result.created).toBe(ROWS);
    // Before the fix one call was answered, after the whole import; now they keep coming while it runs.
    expect(sorted.length).toBeGreaterThan(ms / 10 / 8);
    // The target is 100 ms for every call. On a shared two-core machine the scheduler alone adds tens of ms to a few
    // samples, so 95 % must make it (p99 and max are printed above), and none may wait out a large part of the import.
    expect(percentile(sorted, 0.95)).toBeLessThan(100);
    expect(max).toBeLessThan(Math.max(1_000, ms / 4));
  }, 180_000);
});
