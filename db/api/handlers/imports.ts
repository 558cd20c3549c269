// Handlers for web-form imports: each contract method of `importMethods` calls its service.
import type { importMethods } from '../../contract';
import * as imports from '../../services/imports';
import type { DomainHandlers } from '../handlers';

export const importsHandlers = {
  'imports.stage': (ctx, input) => imports.stage(ctx, input),
  'imports.checkDuplicates': (ctx, input) => imports.checkDuplicates(ctx, input),
  'imports.commit': (ctx, input) => imports.commit(ctx, input),
} satisfies DomainHandlers<typeof importMethods>;
