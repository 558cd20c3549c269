// Exports as jobs: read and serialised in a worker thread (own read-only connection), with progress and Cancel.
import { randomBytes } from 'node:crypto';
import type { ExportFile, ExportJobId, ExportKind, ExportProgress } from '../contract/exports';
import { exportablePatientIds } from '../repos/exports';
import { findPatient } from '../repos/patients';
import { DomainError, notFound } from '../sqlite/domain-error';
import type { CallContext } from './context';
import { requireActor } from './context';
import type { Core } from './core';
import { type ExportPlan, writeExport } from './export-writer';
import { commandAs } from './kernel';
import { hasFile, runInWorker } from './worker-jobs';

interface Job {
  progress: ExportProgress;
  actorId: number;
  cancel: boolean;
  /** Stops the worker of a cancelled export at once (an inline one stops before its next slice). */
  abort: AbortController;
  files: ExportFile[] | null;
}
const jobsOf = new WeakMap<Core, Map<string, Job>>();
const jobs = (core: Core) => {
  let m = jobsOf.get(core);
  if (!m) jobsOf.set(core, (m = new Map()));
  return m;
};

/** Lets the host serve other requests (progress, cancel, the rest of the app) between slices. */
const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Reads and serialises the export in a worker thread with its own read-only connection (an in-memory database, which
 * has no file, on this thread between turns of the event loop); the job's progress moves after each slice, and a
 * cancel stops it.
 */
export async function runExport(core: Core, job: Job, plan: ExportPlan): Promise<void> {
  const progress = (done: number) => (job.progress = { ...job.progress, done });
  try {
    const file = core.db.name;
    const files = hasFile(file)
      ? await runInWorker('exports.write', { file, plan }, progress, job.abort.signal)
      : await writeExport(core.db, plan, { pause: yieldToLoop, cancelled: () => job.cancel, progress });
    if (job.cancel || files === null) {
      job.progress = { ...job.progress, state: 'cancelled' };
      return;
    }
    job.files = files;
    job.progress = { ...job.progress, state: 'done' };
  } catch (err) {
    if (job.cancel) {
      job.progress = { ...job.progress, state: 'cancelled' };
      return;
    }
    core.log.error('export failed', err, { kind: job.progress.kind, done: job.progress.done });
    job.progress = { ...job.progress, state: 'failed' };
  }
}

function begin(ctx: CallContext, kind: ExportKind, patientId: number | null): ExportProgress {
  const actor = requireActor(ctx);
  const core = ctx.core;
  let mrn: string | null = null;
  let ids: number[];
  if (patientId !== null) {
    const p = findPatient(core.db, patientId);
    if (!p || p.mergedIntoId !== null) throw notFound('Patient', patientId);
    mrn = p.mrn;
    ids = [patientId];
  } else ids = exportablePatientIds(core.db);
  const running = [...jobs(core).values()].filter((j) => j.actorId === actor.id && j.progress.state === 'running');
  if (running.length > 0) throw new DomainError('DB_BUSY', 'An export of yours is still running. Wait or cancel it.');
  // Who took which records out of the clinic, and when: the audit log keeps it (the kind and count, no patient data).
  commandAs(
    core,
    actor,
    {
      action: 'exports.start',
      entity: patientId === null ? 'export' : 'patient',
      audit: () => ({ entityId: patientId, before: null, after: { kind, patients: ids.length } }),
    },
    () => undefined,
  );
  const id: ExportJobId = randomBytes(16).toString('hex');
  const job: Job = {
    actorId: actor.id,
    cancel: false,
    abort: new AbortController(),
    files: null,
    progress: { id, kind, state: 'running', done: 0, total: ids.length },
  };
  jobs(core).set(id, job);
  const plan: ExportPlan = {
    kind,
    stamp: core.clock.now().toISOString(),
    patientMrn: mrn,
    ids,
    attachmentsDir: core.attachmentsDir,
  };
  void runExport(core, job, plan);
  core.log.info('export started', { kind, patients: ids.length });
  return job.progress;
}

/** A job of the caller's own; anyone else's is as good as absent. */
function own(ctx: CallContext, id: string): Job {
  const job = jobs(ctx.core).get(id);
  if (!job || job.actorId !== requireActor(ctx).id) throw notFound('Export', id);
  return job;
}

export const startPatient = (ctx: CallContext, patientId: number) => begin(ctx, 'fhir_patient', patientId);
export const start = (ctx: CallContext, kind: 'fhir_all' | 'research') => begin(ctx, kind, null);
/** A job that ended without files (cancelled, failed) is reported once, then forgotten. */
export function progress(ctx: CallContext, id: string): ExportProgress {
  const job = own(ctx, id);
  if (job.progress.state === 'cancelled' || job.progress.state === 'failed') jobs(ctx.core).delete(id);
  return job.progress;
}

export function cancel(ctx: CallContext, id: string): ExportProgress {
  const job = own(ctx, id);
  if (job.progress.state === 'running') {
    job.cancel = true;
    job.abort.abort();
  } else if (job.progress.state === 'done') {
    // Finished between the last progress the screen showed and the click: the user's Cancel still wins, and the
    // screen's next question about the job hears "cancelled" rather than "no such export".
    job.files = null;
    job.progress = { ...job.progress, state: 'cancelled' };
  }
  return job.progress;
}

export function result(ctx: CallContext, id: string): ExportFile[] {
  const job = own(ctx, id);
  if (job.progress.state !== 'done' || !job.files) {
    throw new DomainError('CONFLICT', 'This export has not finished.');
  }
  jobs(ctx.core).delete(id);
  return job.files;
}
