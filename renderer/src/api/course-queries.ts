// TanStack Query hooks for the clinic's settings, rooms and procedure types, and a patient's treatment courses.
import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from './client';

export const clinicKeys = {
  all: ['clinic'] as const,
  settings: ['clinic', 'settings'] as const,
  rooms: (includeRetired: boolean) => ['clinic', 'rooms', includeRetired] as const,
  types: (includeRetired: boolean) => ['clinic', 'procedureTypes', includeRetired] as const,
};

export const courseKeys = {
  all: ['courses'] as const,
  forPatient: (patientId: number) => ['courses', 'patient', patientId] as const,
};

/** Bookings live under this prefix (the calendar's queries too): any course or procedure write makes them stale. */
export const procedureKeys = { all: ['procedures'] as const };

export const clinicSettingsOptions = () =>
  queryOptions({ queryKey: clinicKeys.settings, queryFn: () => call('clinic.settings', {}) });

export const useClinicSettings = () => useQuery(clinicSettingsOptions());

export const useRooms = (includeRetired = false) =>
  useQuery({ queryKey: clinicKeys.rooms(includeRetired), queryFn: () => call('rooms.list', { includeRetired }) });

export const useProcedureTypes = (includeRetired = false) =>
  useQuery({
    queryKey: clinicKeys.types(includeRetired),
    queryFn: () => call('procedureTypes.list', { includeRetired }),
  });

export const usePatientCourses = (patientId: number) =>
  useQuery({ queryKey: courseKeys.forPatient(patientId), queryFn: () => call('courses.forPatient', { patientId }) });

/** After any course, consent or procedure write: every course list and every calendar view are stale. */
export function useInvalidateCourses() {
  const client = useQueryClient();
  return async (): Promise<void> => {
    await Promise.all([
      client.invalidateQueries({ queryKey: courseKeys.all }),
      client.invalidateQueries({ queryKey: procedureKeys.all }),
    ]);
  };
}

/** After a settings change: rooms and types feed the calendar and every booking form. */
export function useInvalidateClinic() {
  const client = useQueryClient();
  return async (): Promise<void> => {
    await Promise.all([
      client.invalidateQueries({ queryKey: clinicKeys.all }),
      client.invalidateQueries({ queryKey: procedureKeys.all }),
    ]);
  };
}
