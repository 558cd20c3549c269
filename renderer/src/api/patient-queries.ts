// TanStack Query hooks for patients and search: one key scheme, so a change refreshes every screen that shows it.
import { keepPreviousData, queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { PatientFieldsInput, PatientQueryInput } from '../../../db/contract';
import { call } from './client';
import { createLane } from './lane';

export const patientKeys = {
  all: ['patients'] as const,
  list: (q: PatientQueryInput) => ['patients', 'list', q] as const,
  detail: (id: number) => ['patients', 'detail', id] as const,
  duplicates: ['patients', 'duplicates'] as const,
  draft: (inquiryId: number) => ['patients', 'conversionDraft', inquiryId] as const,
  search: (text: string) => ['search', text] as const,
};

/** The registry asks on every keystroke (no typing pause): one call at a time, an overtaken one dropped (lane.ts). */
const listLane = createLane();

/** The registry's query, for its hook and for the nav's prefetch (one definition of its key and call). */
export const patientListOptions = (q: PatientQueryInput) =>
  queryOptions({
    queryKey: patientKeys.list(q),
    queryFn: ({ signal }) => listLane('patients.list', q, signal),
    placeholderData: keepPreviousData,
  });

export const usePatientList = (q: PatientQueryInput) => useQuery(patientListOptions(q));

/**
 * Each fetch is an audited view of the record: every opening of the screen fetches (so every opening is logged),
 * and merely returning to the window does not (so the log says what people opened, not how often they switched apps).
 */
export const usePatient = (id: number | null) =>
  useQuery({
    queryKey: patientKeys.detail(id ?? 0),
    queryFn: () => call('patients.get', { id: id ?? 0 }),
    enabled: id !== null,
    refetchOnMount: 'always',
    refetchOnWindowFocus: false,
  });

export const useDuplicates = () =>
  useQuery({ queryKey: patientKeys.duplicates, queryFn: () => call('patients.duplicates', {}) });

export const useConversionDraft = (inquiryId: number) =>
  useQuery({
    queryKey: patientKeys.draft(inquiryId),
    queryFn: () => call('patients.conversionDraft', { inquiryId }),
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });

/** One search's query, shared by the hook and by the keystroke that starts it (see useStartGlobalSearch). */
const globalSearchQuery = (text: string) =>
  queryOptions({
    queryKey: patientKeys.search(text),
    // Every keystroke asks: the key is the text, so an answer for older text never shows, and reading `signal` lets
    // TanStack Query abort that older request once nothing observes it.
    queryFn: ({ signal }) => call('search.global', { text, limit: 6 }, { signal }),
    enabled: text.trim() !== '',
    staleTime: 5_000,
  });

export const useGlobalSearch = (text: string) =>
  useQuery({ ...globalSearchQuery(text), placeholderData: keepPreviousData });

/**
 * Sends the request for `text` from the keystroke itself, before React renders the box: the render and the round trip
 * then overlap instead of queueing (the hook would only ask once its effects run). The hook finds the request under the
 * same key and waits on it; a fresh cached answer is not asked again.
 */
export function useStartGlobalSearch(): (text: string) => void {
  const client = useQueryClient();
  return useCallback(
    (text: string) => {
      if (text.trim() !== '') void client.prefetchQuery(globalSearchQuery(text));
    },
    [client],
  );
}

/** After a change to patients: lists, details, duplicates and search results are stale, and so are inquiries they link. */
export function useInvalidatePatients() {
  const client = useQueryClient();
  return async () => {
    await Promise.all([
      client.invalidateQueries({ queryKey: patientKeys.all }),
      client.invalidateQueries({ queryKey: ['search'] }),
      client.invalidateQueries({ queryKey: ['inquiries'] }),
    ]);
  };
}

/** Saves a patient's form: a new patient, or the one the form opened (at the version it opened). */
export const savePatient = (was: { id: number; version: number } | null, fields: PatientFieldsInput) =>
  was ? call('patients.update', { id: was.id, version: was.version, fields }) : call('patients.create', fields);
