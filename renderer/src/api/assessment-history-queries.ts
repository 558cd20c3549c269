// TanStack Query hooks for reading assessments: one assessment with every version, a patient's chart points and schedule.
import { useQuery } from '@tanstack/react-query';
import { call } from './client';

/** Under `['assessments']`, so any assessment write that refreshes that prefix refreshes these screens too. */
export const assessmentReadKeys = {
  all: ['assessments'] as const,
  detail: (id: number) => ['assessments', 'detail', id] as const,
  points: (patientId: number) => ['assessments', 'patient', patientId, 'points'] as const,
  schedule: (patientId: number) => ['assessments', 'patient', patientId, 'schedule'] as const,
  chart: (patientId: number) => ['assessments', 'patient', patientId, 'chart'] as const,
};

/** Each fetch is an audited view (like a patient's): refetched on every opening, not on a return to the window. */
export const useAssessment = (id: number) =>
  useQuery({
    queryKey: assessmentReadKeys.detail(id),
    queryFn: () => call('assessments.get', { id }),
    refetchOnWindowFocus: false,
    refetchOnMount: 'always',
  });

/** The latest signed version of each of the patient's assessments: the chart's points. */
export const usePatientScores = (patientId: number) =>
  useQuery({
    queryKey: assessmentReadKeys.points(patientId),
    queryFn: () => call('assessments.forPatient', { patientId }),
  });

export const usePatientSchedule = (patientId: number) =>
  useQuery({
    queryKey: assessmentReadKeys.schedule(patientId),
    queryFn: () => call('assessments.schedule', { patientId }),
  });

/** The patient page's panel: the schedule and the chart's points in one call (one schedule, one read). */
export const usePatientChart = (patientId: number) =>
  useQuery({
    queryKey: assessmentReadKeys.chart(patientId),
    queryFn: () => call('assessments.patientChart', { patientId }),
  });
