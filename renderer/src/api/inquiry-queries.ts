// TanStack Query hooks for inquiries: one key scheme, so a change refreshes every screen that shows it.
import { keepPreviousData, queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import type { InquiryFieldsInput, InquiryQueryInput } from '../../../db/contract';
import { call } from './client';
import { createLane } from './lane';

export const inquiryKeys = {
  all: ['inquiries'] as const,
  list: (q: InquiryQueryInput) => ['inquiries', 'list', q] as const,
  detail: (id: number) => ['inquiries', 'detail', id] as const,
  worklist: (scope: 'mine' | 'all', firstRows: number | null) => ['inquiries', 'worklist', scope, firstRows] as const,
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

/** Today's worklist: each panel's first rows and the totals, or (firstRows null) up to WORKLIST_LIMIT rows each. */
export const worklistOptions = (scope: 'mine' | 'all', firstRows: number | null) =>
  queryOptions({
    queryKey: inquiryKeys.worklist(scope, firstRows),
    queryFn: () => call('inquiries.worklist', { scope, firstRows }),
    refetchInterval: 60_000,
    // "Show all" asks again for more rows of the same scope: the first rows stay drawn meanwhile. Another scope's
    // rows are never shown as this one's: the switch shows the loading state.
    placeholderData: (previous, query) => (query?.queryKey[2] === scope ? previous : undefined),
  });

export const useWorklist = (scope: 'mine' | 'all', firstRows: number | null) =>
  useQuery(worklistOptions(scope, firstRows));

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
