// TanStack Query hooks for adverse events: one event, a patient's events, the clinic's open ones, and what a write stales.
import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from './client';

export const adverseEventKeys = {
  all: ['adverseEvents'] as const,
  one: (id: number) => ['adverseEvents', 'one', id] as const,
  forPatient: (patientId: number) => ['adverseEvents', 'patient', patientId] as const,
  open: ['adverseEvents', 'open'] as const,
};

export const useAdverseEvent = (id: number) =>
  useQuery({ queryKey: adverseEventKeys.one(id), queryFn: () => call('adverseEvents.get', { id }) });

export const usePatientAdverseEvents = (patientId: number) =>
  useQuery({
    queryKey: adverseEventKeys.forPatient(patientId),
    queryFn: () => call('adverseEvents.forPatient', { patientId }),
  });

export const openAdverseEventsOptions = () =>
  queryOptions({ queryKey: adverseEventKeys.open, queryFn: () => call('adverseEvents.open', {}) });

export const useOpenAdverseEvents = () => useQuery(openAdverseEventsOptions());

/** After any adverse-event write: the event, its patient's list and the clinic's open list are all stale. */
export function useInvalidateAdverseEvents() {
  const client = useQueryClient();
  return async (): Promise<void> => client.invalidateQueries({ queryKey: adverseEventKeys.all });
}
