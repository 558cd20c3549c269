// Handlers for exports: each contract method of `exportMethods` calls its service.
import type { exportMethods } from '../../contract';
import * as exportJobs from '../../services/exports';
import type { DomainHandlers } from '../handlers';

export const exportsHandlers = {
  'exports.startPatient': (ctx, input) => exportJobs.startPatient(ctx, input.patientId),
  'exports.start': (ctx, input) => exportJobs.start(ctx, input.kind),
  'exports.progress': (ctx, input) => exportJobs.progress(ctx, input.id),
  'exports.cancel': (ctx, input) => exportJobs.cancel(ctx, input.id),
  'exports.result': (ctx, input) => exportJobs.result(ctx, input.id),
} satisfies DomainHandlers<typeof exportMethods>;
