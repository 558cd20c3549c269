// TanStack Query hooks for the follow-up worklist (the Follow-ups screen and the count on the Today screen).
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Input } from '../../../db/contract';
import { call } from './client';

export const followUpKeys = { all: ['followUps'] as const };

export const useFollowUps = (input: Input<'followUps.worklist'>) =>
  useQuery({
    queryKey: [...followUpKeys.all, 'worklist', input],
    queryFn: () => call('followUps.worklist', input),
    placeholderData: keepPreviousData,
  });

/** After an attempt is recorded (or an assessment started): every worklist page and count is stale. */
export function useInvalidateFollowUps() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: followUpKeys.all });
}
