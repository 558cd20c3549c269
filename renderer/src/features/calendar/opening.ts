// What the calendar opens on, read from its address: the day asked for (`?day=…`) or today, and that day's week. Kept
// out of the lazily loaded screen, so the nav's prefetch asks for the opening week without loading FullCalendar.
import type { QueryClient } from '@tanstack/react-query';
import { occupancyOptions, roomsOptions, staffListOptions } from '../../api/procedure-queries';
import { clinicTimeZone } from '../../ui/time-zone';
import { wallDay, weekOf } from './calendar-time';
import { hashQuery } from './hash-query';

/** The day the address asks the grid to open on, if it names one. */
export function askedDay(hash: string): string | undefined {
  const day = hashQuery(hash).get('day') ?? '';
  return /^\d{4}-\d{2}-\d{2}$/.test(day) ? day : undefined;
}

/** The day the grid opens on: the one asked for, else today on the clinic's clock. */
export const openingDay = (hash: string, zone: string): string =>
  askedDay(hash) ?? wallDay(new Date().toISOString(), zone);

/** The all-rooms week the grid opens on (its occupancy overview): the query the screen asks first. */
export const openingWeek = (hash: string, zone: string) => weekOf(openingDay(hash, zone), zone);

/** The calendar's opening data as its nav link is pressed: the rooms, the doctors and the opening week's occupancy. */
export function prefetchCalendar(client: QueryClient, hash: string): void {
  const week = openingWeek(hash, clinicTimeZone());
  void client.prefetchQuery(roomsOptions());
  void client.prefetchQuery(staffListOptions());
  void client.prefetchQuery(occupancyOptions({ from: week.firstDay, days: 7 }));
}
