// Handlers for attachments: each contract method of `attachmentMethods` calls its service.
import type { attachmentMethods } from '../../contract';
import * as attachments from '../../services/attachments';
import type { DomainHandlers } from '../handlers';

export const attachmentsHandlers = {
  'attachments.list': (ctx, input) => attachments.list(ctx, input),
  'attachments.add': (ctx, input) => attachments.add(ctx, input),
  'attachments.remove': (ctx, input) => attachments.remove(ctx, input),
} satisfies DomainHandlers<typeof attachmentMethods>;
