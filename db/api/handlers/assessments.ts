// Handlers for assessments: each method of `assessmentMethods` calls its service.
import type { assessmentMethods } from '../../contract';
import * as assessments from '../../services/assessments';
import type { DomainHandlers } from '../handlers';

export const assessmentsHandlers = {
  'assessments.start': (ctx, input) => assessments.start(ctx, input),
  'assessments.saveDraft': (ctx, input) => assessments.saveDraft(ctx, input),
  'assessments.saveDrafts': (ctx, input) => assessments.saveDrafts(ctx, input),
  'assessments.sign': (ctx, input) => assessments.sign(ctx, input),
  'assessments.amend': (ctx, input) => assessments.amend(ctx, input),
  'assessments.get': (ctx, input) => assessments.get(ctx, input),
  'assessments.forPatient': (ctx, input) => assessments.forPatient(ctx, input),
  'assessments.schedule': (ctx, input) => assessments.schedule(ctx, input),
  'assessments.patientChart': (ctx, input) => assessments.patientChart(ctx, input),
} satisfies DomainHandlers<typeof assessmentMethods>;
