// Handlers for treatment courses and their consents: each method of `courseMethods` calls its service.
import type { courseMethods } from '../../contract';
import * as courses from '../../services/courses';
import type { DomainHandlers } from '../handlers';

export const coursesHandlers = {
  'courses.create': (ctx, input) => courses.create(ctx, input),
  'courses.update': (ctx, input) => courses.update(ctx, input),
  'courses.transition': (ctx, input) => courses.transition(ctx, input),
  'consents.record': (ctx, input) => courses.recordConsent(ctx, input),
  'consents.withdraw': (ctx, input) => courses.withdrawConsent(ctx, input),
} satisfies DomainHandlers<typeof courseMethods>;
