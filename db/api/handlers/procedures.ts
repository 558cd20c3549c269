// Handlers for procedures, the calendar, lots, the ward list and the agenda: each method of `procedureMethods`.
import type { procedureMethods } from '../../contract';
import * as procedures from '../../services/procedures';
import * as views from '../../services/treatment-views';
import type { DomainHandlers } from '../handlers';

export const proceduresHandlers = {
  'courses.forPatient': (ctx, input) => views.forPatient(ctx, input),
  'procedures.book': (ctx, input) => procedures.book(ctx, input),
  'procedures.move': (ctx, input) => procedures.move(ctx, input),
  'procedures.transition': (ctx, input) => procedures.transition(ctx, input),
  'procedures.complete': (ctx, input) => procedures.complete(ctx, input),
  'procedures.calendar': (ctx, input) => views.calendar(ctx, input),
  'procedures.occupancy': (ctx, input) => views.occupancy(ctx, input),
  'procedures.byLot': (ctx, input) => views.byLot(ctx, input),
  'procedures.wardList': (ctx, input) => views.wardList(ctx, input),
  'treatment.agenda': (ctx, input) => views.agenda(ctx, input),
} satisfies DomainHandlers<typeof procedureMethods>;
