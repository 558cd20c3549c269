// Handlers for adverse events: each method of `adverseEventMethods` calls its service.
import type { adverseEventMethods } from '../../contract';
import * as events from '../../services/adverse-events';
import type { DomainHandlers } from '../handlers';

export const adverseEventsHandlers = {
  'adverseEvents.record': (ctx, input) => events.record(ctx, input),
  'adverseEvents.update': (ctx, input) => events.update(ctx, input),
  'adverseEvents.resolve': (ctx, input) => events.resolve(ctx, input),
  'adverseEvents.markFatal': (ctx, input) => events.markFatal(ctx, input),
  'adverseEvents.get': (ctx, input) => events.get(ctx, input),
  'adverseEvents.forPatient': (ctx, input) => events.forPatient(ctx, input),
  'adverseEvents.open': (ctx) => events.open(ctx),
} satisfies DomainHandlers<typeof adverseEventMethods>;
