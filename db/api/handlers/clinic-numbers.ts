// Handlers for the clinic's numbers: each method of `clinicNumbersMethods` calls its service.
import type { clinicNumbersMethods } from '../../contract';
import * as numbers from '../../services/clinic-numbers';
import type { DomainHandlers } from '../handlers';

export const clinicNumbersHandlers = {
  'reports.clinicNumbers': (ctx, input) => numbers.clinicNumbers(ctx, input),
} satisfies DomainHandlers<typeof clinicNumbersMethods>;
