// TanStack Query hooks for inquiries: one key scheme, so a change refreshes every screen that shows it.
import { keepPreviousData, queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import type { InquiryFieldsInput, InquiryQueryInput } from '../../../db/contract';
import { call } from './client';
import { createLane } from './lane';

export const inquiryKeys = {
  all: ['inquiries'] as const,
  list: (q: InquiryQueryInput) => ['inquiries', 'list', q] as const,
  detail: (id: number) => ['inquiries', 'detail', id] as const,
  worklist: (scope: 'mine' | 'all') => ['inquiries', 'worklist', scope] as const,
};

/** The list asks on every keystroke (no typing pause): one call at a time, an overtaken one dropped (see lane.ts). */
const listLane = createLane();

/** The list's query, for its hook and for the nav's prefetch (one definition of its key and call). */
export const inquiryListOptions = (q: InquiryQueryInput) =>
  queryOptions({
    queryKey: inquiryKeys.list(q),
    queryFn: ({ signal }) => listLane('inquiries.list', q, signal),
    placeholderData: keepPreviousData,
  });

export const useInquiryList = (q: InquiryQueryInput) => useQuery(inquiryListOptions(q));

export const useInquiry = (id: number | null) =>
  useQuery({
    queryKey: inquiryKeys.detail(id ?? 0),
    queryFn: () => call('inquiries.get', { id: id ?? 0 }),
    enabled: id !== null,
  });

export const worklistOptions = (scope: 'mine' | 'all') =>
  queryOptions({
    queryKey: inquiryKeys.worklist(scope),
    queryFn: () => call('inquiries.worklist', { scope }),
    refetchInterval: 60_000,
  });

export const useWorklist = (scope: 'mine' | 'all') => useQuery(worklistOptions(scope));

export const staffOptions = () =>
  queryOptions({ queryKey: ['staff'], queryFn: () => call('staff.list', {}), staleTime: 60_000 });

export const useStaff = () => useQuery(staffOptions());

/** After any change to an inquiry: lists, worklists and its detail are all stale. */
export function useInvalidateInquiries() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: inquiryKeys.all });
}

/** Saves a inquiry's form: a new inquiry, or the one the form opened (at the version it opened). */
export const saveInquiry = (was: { id: number; version: number } | null, fields: InquiryFieldsInput) =>
  was ? call('inquiries.update', { id: was.id, version: was.version, fields }) : call('inquiries.create', fields);
