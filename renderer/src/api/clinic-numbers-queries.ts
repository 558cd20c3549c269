// TanStack Query hook for the clinic's numbers (the Clinic numbers screen), keyed by the period asked for.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Input } from '../../../db/contract';
import { call } from './client';

export const useClinicNumbers = (input: Input<'reports.clinicNumbers'>) =>
  useQuery({
    queryKey: ['reports', 'clinicNumbers', input],
    queryFn: () => call('reports.clinicNumbers', input),
    placeholderData: keepPreviousData,
  });
