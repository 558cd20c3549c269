// Contract for exports: a FHIR R4 bundle of one patient or everyone, and the de-identified research CSVs, run as a job.
import { z } from 'zod';
import { Id, method } from './common';

export const EXPORT_KINDS = ['fhir_patient', 'fhir_all', 'research'] as const;
export const ExportKind = z.enum(EXPORT_KINDS);
export type ExportKind = z.infer<typeof ExportKind>;

/** A job's handle: random, so one user cannot guess another's export. */
export const ExportJobId = z.string().regex(/^[0-9a-f]{32}$/, 'Not an export this app started');
export type ExportJobId = z.infer<typeof ExportJobId>;

export const EXPORT_STATES = ['running', 'done', 'cancelled', 'failed'] as const;
export const ExportProgress = z.object({
  id: ExportJobId,
  kind: ExportKind,
  state: z.enum(EXPORT_STATES),
  /** Patients written so far, of `total`. */
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
});
export type ExportProgress = z.infer<typeof ExportProgress>;

/** One file of a finished export: its name, media type and text (a FHIR bundle is JSON, research tables are CSV). */
export const ExportFile = z.object({ name: z.string(), mediaType: z.string(), text: z.string() });
export type ExportFile = z.infer<typeof ExportFile>;

const JobInput = z.object({ id: ExportJobId });
// The one-patient bundle is a clinical hand-over (to another care provider): the doctor's decision. Everyone's bundle
// and the de-identified research tables serve the clinic as a whole: the admin (data transfer) and doctors (research).
const DOCTOR = ['doctor'] as const;
const EXPORTERS = ['doctor', 'admin'] as const;

export const exportMethods = {
  'exports.startPatient': method({ input: z.object({ patientId: Id }), output: ExportProgress, roles: DOCTOR }),
  'exports.start': method({
    input: z.object({ kind: z.enum(['fhir_all', 'research']) }),
    output: ExportProgress,
    roles: EXPORTERS,
  }),
  'exports.progress': method({ input: JobInput, output: ExportProgress, roles: EXPORTERS }),
  'exports.cancel': method({ input: JobInput, output: ExportProgress, roles: EXPORTERS }),
  /** The files of a finished export, handed over once: the job is forgotten afterwards. */
  'exports.result': method({ input: JobInput, output: z.array(ExportFile), roles: EXPORTERS }),
} as const;
