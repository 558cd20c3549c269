// Exports as jobs: read a slice of patients, map it, yield to the event loop, report progress, stop when cancelled.
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import type { ExportFile, ExportJobId, ExportKind, ExportProgress } from '../contract/exports';
import { createFhirWriter, DEFAULT_FHIR_BASE } from '../reports/fhir';
import { createResearchWriter, cryptoPseudonyms } from '../reports/research-export';
import { exportablePatientIds, readExportSlice, type ExportSlice } from '../repos/exports';
import { findPatient } from '../repos/patients';
import { DomainError, notFound } from '../sqlite/domain-error';
import type { CallContext } from './context';
import { requireActor } from './context';
import type { Core } from './core';
import { blobPath } from './file-store';
import { commandAs } from './kernel';

/**
 * Patients per slice: small enough that the host answers other calls between slices (and the bar moves in about 50
 * steps), large enough that the per-slice queries stay few.
 */
export const sliceSize = (total: number): number => Math.min(200, Math.max(5, Math.ceil(total / 50)));

interface Job {
  progress: ExportProgress;
  actorId: number;
  cancel: boolean;
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

function sha1Reader(core: Core): (sha256: string) => string | null {
  const dir = core.attachmentsDir;
  return (sha256) => {
    if (!dir) return null;
    try {
      return createHash('sha1')
        .update(fs.readFileSync(blobPath(dir, sha256)))
        .digest('base64');
    } catch {
      return null; // a missing file is reported by the integrity checks, not by an export
    }
  };
}

interface Writer {
  add(slice: ExportSlice): void;
  files(): ExportFile[];
}

function writerFor(core: Core, kind: ExportKind, stamp: string, patientMrn: string | null): Writer {
  if (kind === 'research') return createResearchWriter(cryptoPseudonyms());
  const fhir = createFhirWriter({ base: DEFAULT_FHIR_BASE, sha1Of: sha1Reader(core) });
  const day = stamp.slice(0, 10);
  const name = patientMrn ? `fhir-${patientMrn.replace(/[^\w-]/g, '_')}-${day}.json` : `fhir-everyone-${day}.json`;
  return {
    add: (slice) => fhir.add(slice),
    files: () => [{ name, mediaType: 'application/fhir+json', text: JSON.stringify(fhir.bundle(stamp), null, 1) }],
  };
}

/** Runs every slice; the job's progress moves after each, and a cancel stops it before the next. */
export async function runExport(core: Core, job: Job, ids: readonly number[], writer: Writer): Promise<void> {
  try {
    const size = sliceSize(ids.length);
    for (let i = 0; i < ids.length; i += size) {
      await yieldToLoop();
      if (job.cancel) {
        job.progress = { ...job.progress, state: 'cancelled' };
        return;
      }
      const slice = ids.slice(i, i + size);
      writer.add(readExportSlice(core.db, slice));
      job.progress = { ...job.progress, done: job.progress.done + slice.length };
    }
    job.files = writer.files();
    job.progress = { ...job.progress, state: 'done' };
  } catch (err) {
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
    files: null,
    progress: { id, kind, state: 'running', done: 0, total: ids.length },
  };
  jobs(core).set(id, job);
  void runExport(core, job, ids, writerFor(core, kind, core.clock.now().toISOString(), mrn));
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
  if (job.progress.state === 'running') job.cancel = true;
  else if (job.progress.state === 'done') {
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
