// Handlers for the follow-up worklist: each method of `followUpMethods` calls its service.
import type { followUpMethods } from '../../contract';
import * as followUps from '../../services/follow-ups';
import type { DomainHandlers } from '../handlers';

export const followUpsHandlers = {
  'followUps.worklist': (ctx, input) => followUps.worklist(ctx, input),
  'followUps.recordAttempt': (ctx, input) => followUps.recordAttempt(ctx, input),
  'followUps.attempts': (ctx, input) => followUps.attempts(ctx, input),
} satisfies DomainHandlers<typeof followUpMethods>;
