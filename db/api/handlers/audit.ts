// Handlers for the audit log: each method of `auditMethods`.
import type { auditMethods } from '../../contract';
import * as audit from '../../services/audit-log';
import type { DomainHandlers } from '../handlers';

export const auditHandlers = {
  'audit.status': (ctx) => audit.status(ctx),
  'audit.verify': (ctx) => audit.verify(ctx),
  'audit.list': (ctx, input) => audit.list(ctx, input),
  'audit.actions': (ctx) => audit.actions(ctx),
  'audit.exportCsv': (ctx, input) => audit.exportCsv(ctx, input),
  'audit.recordPrint': (ctx, input) => audit.recordPrint(ctx, input),
} satisfies DomainHandlers<typeof auditMethods>;
