// The outcomes report's query: its key, its call and the filters the screen opens with, for the screen and the nav's
// prefetch alike (one definition).
import { keepPreviousData, type QueryClient, queryOptions } from '@tanstack/react-query';
import type { Input, OutcomeInstrument, OutcomeTimePoint, TRANSPLANT_FILTERS } from '../../../../db/contract';
import { call } from '../../api/client';

type Transplants = (typeof TRANSPLANT_FILTERS)[number];

/** The filters as typed on the screen (the dates as text, possibly half typed). */
export interface OutcomeFilters {
  instrument: OutcomeInstrument;
  timePoint: OutcomeTimePoint;
  transplants: Transplants;
  from: string;
  to: string;
}

/** The report opens on the Barthel index at 3 months, any number of transplants, every date. */
export const OPENING_FILTERS: OutcomeFilters = {
  instrument: 'barthel',
  timePoint: 'm3',
  transplants: 'any',
  from: '',
  to: '',
};

const isDay = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s);

/** The call's input for the filters: a date counts once it is a whole day. */
export const outcomeInput = (f: OutcomeFilters): Input<'reports.outcomeScreen'> => ({
  instrument: f.instrument,
  timePoint: f.timePoint,
  transplants: f.transplants,
  from: isDay(f.from) ? f.from : null,
  to: isDay(f.to) ? f.to : null,
});

// One call brings every grouping: switching the grouping shows rows already here instead of asking again.
export const outcomeScreenOptions = (input: Input<'reports.outcomeScreen'>) =>
  queryOptions({
    queryKey: ['reports', 'outcomeScreen', input],
    queryFn: ({ signal }) => call('reports.outcomeScreen', input, { signal }),
    placeholderData: keepPreviousData,
  });

/** The report's opening answer as its nav link is pressed. */
export function prefetchOutcomes(client: QueryClient): void {
  void client.prefetchQuery(outcomeScreenOptions(outcomeInput(OPENING_FILTERS)));
}
