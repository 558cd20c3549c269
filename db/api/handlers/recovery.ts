// Handlers for recovery mode: each contract method of `recoveryMethods` calls its service.
import type { recoveryMethods } from '../../contract';
import { restoreInRecovery, status } from '../../services/recovery';
import type { DomainHandlers } from '../handlers';

export const recoveryHandlers = {
  'recovery.status': (ctx) => status(ctx),
  'recovery.restore': (ctx, input) => restoreInRecovery(ctx, input),
} satisfies DomainHandlers<typeof recoveryMethods>;
