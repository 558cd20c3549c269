// Handlers for the outcomes report and its thresholds: each method of `outcomeMethods` calls its service.
import type { outcomeMethods } from '../../contract';
import * as outcomes from '../../services/outcomes';
import type { DomainHandlers } from '../handlers';

export const outcomesHandlers = {
  'reports.outcomes': (ctx, input) => outcomes.outcomes(ctx, input),
  'reports.outcomeScreen': (ctx, input) => outcomes.outcomeScreen(ctx, input),
  'reports.thresholds': (ctx) => outcomes.thresholds(ctx),
  'reports.saveThresholds': (ctx, input) => outcomes.saveThresholds(ctx, input),
} satisfies DomainHandlers<typeof outcomeMethods>;
