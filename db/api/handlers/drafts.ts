// Handlers for form drafts: each contract method of `draftMethods` calls its service.
import type { draftMethods } from '../../contract';
import * as drafts from '../../services/drafts';
import type { DomainHandlers } from '../handlers';

export const draftsHandlers = {
  'drafts.get': (ctx, input) => drafts.get(ctx, input),
  'drafts.save': (ctx, input) => drafts.save(ctx, input),
  'drafts.discard': (ctx, input) => drafts.discard(ctx, input),
  'drafts.mine': (ctx) => drafts.mine(ctx),
} satisfies DomainHandlers<typeof draftMethods>;
