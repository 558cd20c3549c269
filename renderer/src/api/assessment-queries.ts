// TanStack Query hooks for assessments: one record with its versions, a patient's signed history and schedule, and
// the writes (start, sign, amend), each refreshing what it makes stale (the autosave: features/assessments/draft-saves.ts).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Assessment, Input } from '../../../db/contract';
import { call } from './client';

export const assessmentKeys = {
  all: ['assessments'] as const,
  detail: (id: number) => ['assessments', 'detail', id] as const,
  history: (patientId: number) => ['assessments', 'history', patientId] as const,
  schedule: (patientId: number) => ['assessments', 'schedule', patientId] as const,
};

/** One assessment with every version; not refetched on focus, so a draft being typed is never replaced underfoot. */
export const useAssessment = (id: number) =>
  useQuery({
    queryKey: assessmentKeys.detail(id),
    queryFn: () => call('assessments.get', { id }),
    refetchOnWindowFocus: false,
  });

export const usePatientAssessments = (patientId: number) =>
  useQuery({
    queryKey: assessmentKeys.history(patientId),
    queryFn: () => call('assessments.forPatient', { patientId }),
  });

export const useAssessmentSchedule = (patientId: number) =>
  useQuery({
    queryKey: assessmentKeys.schedule(patientId),
    queryFn: () => call('assessments.schedule', { patientId }),
  });

/** After a write that changes an assessment's place or status: the patient's history and schedule are stale. */
function useRefresh() {
  const client = useQueryClient();
  return (a: Assessment) => {
    client.setQueryData(assessmentKeys.detail(a.id), a);
    void client.invalidateQueries({ queryKey: assessmentKeys.history(a.patientId) });
    void client.invalidateQueries({ queryKey: assessmentKeys.schedule(a.patientId) });
    // The patient page's panel (assessment-history-queries: its chart and points live under this prefix).
    void client.invalidateQueries({ queryKey: ['assessments', 'patient', a.patientId] });
  };
}

export function useStartAssessment() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (input: Input<'assessments.start'>) => call('assessments.start', input),
    onSuccess: refresh,
  });
}

export function useSignAssessment() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (input: Input<'assessments.sign'>) => call('assessments.sign', input),
    onSuccess: refresh,
  });
}

export function useAmendAssessment() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (input: Input<'assessments.amend'>) => call('assessments.amend', input),
    onSuccess: refresh,
  });
}
