// TanStack Query hooks for the ward calendar, bookings, the ward list, lot traceability and the treatment agenda.
import { keepPreviousData, queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
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
  useQuery({ ...occupancyOptions(q ?? { from: '', days: 0 }), enabled: q !== null });

/** One week's occupancy, for its hook and for the nav's prefetch (one definition of its key and call). */
export const occupancyOptions = (q: { from: string; days: number }) =>
  queryOptions({
    queryKey: procedureKeys.occupancy(q.from, q.days),
    queryFn: () => call('procedures.occupancy', q),
    placeholderData: keepPreviousData,
  });

/** Past bookings in retired rooms stay readable, so the calendar knows every room; only active ones are offered. */
export const roomsOptions = () =>
  queryOptions({ queryKey: procedureKeys.rooms, queryFn: () => call('rooms.list', { includeRetired: true }) });

export const useRooms = () => useQuery(roomsOptions());

export const useProcedureTypes = () =>
  useQuery({ queryKey: procedureKeys.types, queryFn: () => call('procedureTypes.list', { includeRetired: false }) });

/** Active doctors, the people a booking can be made with. */
export const useDoctors = () =>
  useQuery({ ...staffListOptions(), select: (staff) => staff.filter((s) => s.role === 'doctor' && s.active) });

/** Every staff account (the doctors are picked from it), for its hook and for the nav's prefetch. */
export const staffListOptions = () =>
  queryOptions({ queryKey: procedureKeys.staff, queryFn: () => call('staff.list', {}) });

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
  useQuery(treatmentAgendaOptions(mine, firstRows));

/** The agenda's query, for its hook and for the nav's prefetch (one definition of its key and call). */
export const treatmentAgendaOptions = (mine: boolean, firstRows: number | null) =>
  queryOptions({
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
