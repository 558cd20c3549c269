// TanStack Query hooks for the ward calendar, bookings, the ward list, lot traceability and the treatment agenda.
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Input } from '../../../db/contract';
import { call } from './client';

type CalendarInput = Input<'procedures.calendar'>;

export const procedureKeys = {
  all: ['procedures'] as const,
  calendar: (q: CalendarInput) => ['procedures', 'calendar', q] as const,
  occupancy: (from: string, days: number) => ['procedures', 'occupancy', from, days] as const,
  wardList: (day: string) => ['procedures', 'wardList', day] as const,
  byLot: (lot: string) => ['procedures', 'byLot', lot] as const,
  agenda: (mine: boolean, firstRows: number | null) => ['procedures', 'agenda', mine, firstRows] as const,
  coursesFor: (patientId: number) => ['courses', 'forPatient', patientId] as const,
  rooms: ['clinic', 'rooms'] as const,
  types: ['clinic', 'procedureTypes'] as const,
  staff: ['staff'] as const,
};

export const useCalendar = (q: CalendarInput | null) =>
  useQuery({
    queryKey: procedureKeys.calendar(q ?? { from: '', to: '', roomId: null, doctorId: null, includeFreed: false }),
    queryFn: () => call('procedures.calendar', q ?? { from: '', to: '' }),
    enabled: q !== null,
    placeholderData: keepPreviousData,
  });

/** The all-rooms week as each room's load per clinic day; null = not shown (a room's or doctor's week shows events). */
export const useOccupancy = (q: { from: string; days: number } | null) =>
  useQuery({
    queryKey: procedureKeys.occupancy(q?.from ?? '', q?.days ?? 0),
    queryFn: () => call('procedures.occupancy', q ?? { from: '', days: 7 }),
    enabled: q !== null,
    placeholderData: keepPreviousData,
  });

/** Past bookings in retired rooms stay readable, so the calendar knows every room; only active ones are offered. */
export const useRooms = () =>
  useQuery({ queryKey: procedureKeys.rooms, queryFn: () => call('rooms.list', { includeRetired: true }) });

export const useProcedureTypes = () =>
  useQuery({ queryKey: procedureKeys.types, queryFn: () => call('procedureTypes.list', { includeRetired: false }) });

/** Active doctors, the people a booking can be made with. */
export const useDoctors = () =>
  useQuery({
    queryKey: procedureKeys.staff,
    queryFn: () => call('staff.list', {}),
    select: (staff) => staff.filter((s) => s.role === 'doctor' && s.active),
  });

export const useCoursesForPatient = (patientId: number | null) =>
  useQuery({
    queryKey: procedureKeys.coursesFor(patientId ?? 0),
    queryFn: () => call('courses.forPatient', { patientId: patientId ?? 0 }),
    enabled: patientId !== null,
  });

export const useWardList = (day: string) =>
  useQuery({ queryKey: procedureKeys.wardList(day), queryFn: () => call('procedures.wardList', { day }) });

export const useLotSearch = (lot: string) =>
  useQuery({
    queryKey: procedureKeys.byLot(lot),
    queryFn: () => call('procedures.byLot', { lot }),
    enabled: lot.trim() !== '',
  });

/** The home screen's treatment lists: each list's first rows and totals, or (firstRows null) every row. */
export const useTreatmentAgenda = (mine: boolean, firstRows: number | null) =>
  useQuery({
    queryKey: procedureKeys.agenda(mine, firstRows),
    queryFn: () => call('treatment.agenda', { mine, firstRows }),
    // "Show all" asks again for every row: the first rows stay drawn meanwhile.
    placeholderData: keepPreviousData,
  });

/** After a booking or a move: every calendar, ward list, agenda and course that shows procedures is stale. */
export function useInvalidateProcedures() {
  const client = useQueryClient();
  return async () => {
    await Promise.all([
      client.invalidateQueries({ queryKey: procedureKeys.all }),
      client.invalidateQueries({ queryKey: ['courses'] }),
    ]);
  };
}
