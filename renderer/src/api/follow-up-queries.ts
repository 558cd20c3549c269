// TanStack Query hooks for the follow-up worklist (the Follow-ups screen and the count on the Today screen).
import { keepPreviousData, queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Input } from '../../../db/contract';
import { call } from './client';

export const followUpKeys = { all: ['followUps'] as const };

/** One worklist page (or count), for its hook and for the nav's prefetch (one definition of its key and call). */
export const followUpsOptions = (input: Input<'followUps.worklist'>) =>
  queryOptions({
    queryKey: [...followUpKeys.all, 'worklist', input],
    queryFn: () => call('followUps.worklist', input),
    placeholderData: keepPreviousData,
  });

export const useFollowUps = (input: Input<'followUps.worklist'>) => useQuery(followUpsOptions(input));

/** After an attempt is recorded (or an assessment started): every worklist page and count is stale. */
export function useInvalidateFollowUps() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: followUpKeys.all });
}
