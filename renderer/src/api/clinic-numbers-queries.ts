// TanStack Query hook for the clinic's numbers (the Clinic numbers screen), keyed by the period asked for.
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { Input } from '../../../db/contract';
import { call } from './client';

export const clinicNumbersOptions = (input: Input<'reports.clinicNumbers'>) =>
  queryOptions({
    queryKey: ['reports', 'clinicNumbers', input],
    queryFn: () => call('reports.clinicNumbers', input),
    placeholderData: keepPreviousData,
  });

export const useClinicNumbers = (input: Input<'reports.clinicNumbers'>) => useQuery(clinicNumbersOptions(input));
