// Exports are read and serialised in a worker thread: other calls answer within 100 ms meanwhile, the files are the
// ones the calling thread writes, and Cancel stops the worker.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ExportFile, ExportProgress } from '../../db/contract';
import { exportablePatientIds } from '../../db/repos/exports';
import { seedClinic } from '../../db/seed/generate';
import { writeExport } from '../../db/services/export-writer';
import { prepareWorkers } from '../../db/services/worker-jobs';
import { describeLatencies, expectResponsive, whileSampling } from './latency-support';
import { signedIn } from './export-fixtures';
import { type Caller, fixedClock, makeCore } from './support';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

// Enough patients that the whole export takes far longer than one call's 100 ms on the calling thread.
const PATIENTS = Number(process.env.EXPORT_WORKERS_PATIENTS ?? 1500);

async function clinicOnFile() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sd-export-workers-'));
  dirs.push(dir);
  const clock = fixedClock('2026-11-25T03:00:00.000Z');
  const core = makeCore({ path: path.join(dir, 'records.sqlite'), clock, attachmentsDir: path.join(dir, 'files') });
  await seedClinic(core, { inquiries: 300, patients: PATIENTS });
  const signIn = signedIn(core);
  const doctor = await signIn('dr.zhang', 'demo-doctor-2026');
  const other = await signIn('dr.petrova', 'demo-doctor-2026');
  return { core, clock, doctor, other };
}

/** Calls `method`, then polls the job it names until it is no longer running (as the screen does). */
async function untilEnded(c: Caller, method: string, input: unknown): Promise<ExportProgress> {
  let p = await c.ok<ExportProgress>(method, input);
  while (p.state === 'running') {
    await new Promise((r) => setTimeout(r, 5));
    p = await c.ok<ExportProgress>('exports.progress', { id: p.id });
  }
  return p;
}

describe('exports in a worker thread', () => {
  it(`exports ${PATIENTS.toLocaleString('en')} patients as FHIR while other calls answer within 100 ms`, async () => {
    const { core, clock, doctor, other } = await clinicOnFile();
    const plan = {
      kind: 'fhir_all' as const,
      stamp: clock.now().toISOString(),
      patientMrn: null,
      ids: exportablePatientIds(core.db),
      attachmentsDir: core.attachmentsDir,
    };
    // On the calling thread without pauses, for comparison: what one caller would otherwise wait for in all.
    const inline = performance.now();
    const here = await writeExport(core.db, plan, {
      pause: () => Promise.resolve(),
      cancelled: () => false,
      progress: () => undefined,
    });
    const inlineMs = performance.now() - inline;

    prepareWorkers(); // a source run bundles the worker's entry on first use; the desktop app ships it built
    // Sampled while the job runs, as the screen polls it; handing the finished file over is one call after it.
    const run = await whileSampling(other, () => untilEnded(doctor, 'exports.start', { kind: 'fhir_all' }));
    console.log(
      `exports fhir_all of ${plan.ids.length} patients: ${Math.round(run.ms)} ms in a worker ` +
        `(${Math.round(inlineMs)} ms inline); ${describeLatencies(run.latencies)}`,
    );
    expect(run.value).toMatchObject({ state: 'done', done: plan.ids.length, total: plan.ids.length });
    const files = await doctor.ok<ExportFile[]>('exports.result', { id: run.value.id });
    expect(files).toHaveLength(1);
    expect(files[0]?.name).toBe('fhir-everyone-2026-11-25.json');
    expect(files).toEqual(here);
    const bundle = JSON.parse(files[0]?.text ?? '{}') as { entry: { resource: { resourceType: string } }[] };
    expect(bundle.entry.filter((e) => e.resource.resourceType === 'Patient')).toHaveLength(plan.ids.length);
    core.db.close();
    expectResponsive(run.latencies, inlineMs);
  }, 300_000);

  it('stops the worker on Cancel: the job ends cancelled, with no files', async () => {
    const { core, doctor } = await clinicOnFile();
    prepareWorkers();
    const started = await doctor.ok<ExportProgress>('exports.start', { kind: 'research' });
    const cancelled = await doctor.ok<ExportProgress>('exports.cancel', { id: started.id });
    expect(cancelled.state === 'running' || cancelled.state === 'cancelled').toBe(true);
    const p = await untilEnded(doctor, 'exports.progress', { id: started.id });
    expect(p.state).toBe('cancelled');
    expect(p.done).toBeLessThan(p.total);
    // Reported once, then forgotten; a new export may start.
    expect((await doctor.call('exports.result', { id: started.id })).ok).toBe(false);
    expect((await doctor.ok<ExportProgress>('exports.start', { kind: 'fhir_all' })).state).toBe('running');
    core.db.close();
  }, 300_000);
});
