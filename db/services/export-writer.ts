// An export's reading and serialising, free of the core: run on the calling thread or in a worker with its own connection.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { ExportFile, ExportKind } from '../contract/exports';
import { createFhirWriter, DEFAULT_FHIR_BASE } from '../reports/fhir';
import { createResearchWriter, cryptoPseudonyms } from '../reports/research-export';
import { readExportSlice, type ExportSlice } from '../repos/exports';
import type { ReadableDB } from '../sqlite/handles';
import { blobPath } from './file-store';

/** What an export is: plain data, so that it crosses to a worker. */
export interface ExportPlan {
  kind: ExportKind;
  /** When the export started, from the core's clock (a worker has none of its own to trust). */
  stamp: string;
  /** The one patient's MRN (the file is named by it), or null for everyone. */
  patientMrn: string | null;
  ids: number[];
  attachmentsDir: string | null;
}

/**
 * Patients per slice: small enough that the host answers other calls between slices (and the bar moves in about 50
 * steps), large enough that the per-slice queries stay few.
 */
export const sliceSize = (total: number): number => Math.min(200, Math.max(5, Math.ceil(total / 50)));

function sha1Reader(dir: string | null): (sha256: string) => string | null {
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

function writerFor(plan: ExportPlan): Writer {
  if (plan.kind === 'research') return createResearchWriter(cryptoPseudonyms());
  const fhir = createFhirWriter({ base: DEFAULT_FHIR_BASE, sha1Of: sha1Reader(plan.attachmentsDir) });
  const day = plan.stamp.slice(0, 10);
  const mrn = plan.patientMrn;
  const name = mrn ? `fhir-${mrn.replace(/[^\w-]/g, '_')}-${day}.json` : `fhir-everyone-${day}.json`;
  return {
    add: (slice) => fhir.add(slice),
    files: () => [{ name, mediaType: 'application/fhir+json', text: JSON.stringify(fhir.bundle(plan.stamp), null, 1) }],
  };
}

export interface ExportHooks {
  /** Between slices: the calling thread yields to its event loop there; a worker has nothing else to do. */
  pause: () => Promise<void>;
  cancelled: () => boolean;
  /** After each slice, with the patients done so far. */
  progress: (done: number) => void;
}

/** Reads and serialises every slice; null when cancelled (checked before each slice). */
export async function writeExport(db: ReadableDB, plan: ExportPlan, hooks: ExportHooks): Promise<ExportFile[] | null> {
  const writer = writerFor(plan);
  const size = sliceSize(plan.ids.length);
  for (let i = 0; i < plan.ids.length; i += size) {
    await hooks.pause();
    if (hooks.cancelled()) return null;
    const slice = plan.ids.slice(i, i + size);
    writer.add(readExportSlice(db, slice));
    hooks.progress(Math.min(plan.ids.length, i + slice.length));
  }
  return writer.files();
}
