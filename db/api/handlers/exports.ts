// Handlers for exports: each contract method of `exportMethods` calls its service.
import type { exportMethods } from '../../contract';
import * as exports from '../../services/exports';
import type { DomainHandlers } from '../handlers';

export const exportsHandlers = {
  'exports.startPatient': (ctx, input) => exports.startPatient(ctx, input.patientId),
  'exports.start': (ctx, input) => exports.start(ctx, input.kind),
  'exports.progress': (ctx, input) => exports.progress(ctx, input.id),
  'exports.cancel': (ctx, input) => exports.cancel(ctx, input.id),
  'exports.result': (ctx, input) => exports.result(ctx, input.id),
} satisfies DomainHandlers<typeof exportMethods>;
