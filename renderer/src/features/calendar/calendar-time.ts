// The calendar's clock: FullCalendar runs in 'UTC' and is fed the clinic's wall-clock times, converted here both ways.
import { instantToZonedInput, zonedInputToInstant } from '../../ui/format';

/**
 * FullCalendar cannot show a named zone without a time-zone plugin, so it is given "wall-clock as if UTC": an instant
 * that is 09:00 in the clinic becomes `…T09:00:00Z`, and the grid, set to 'UTC', draws it at 09:00 whatever the
 * machine's own zone.
 */
export function toWall(instant: string, timeZone: string): Date {
  return new Date(`${instantToZonedInput(instant, timeZone)}:00Z`);
}

/** A wall-clock Date from the grid (a drop, a selection) back to the UTC instant it means in the clinic. */
export function fromWall(wall: Date, timeZone: string): string {
  return zonedInputToInstant(wall.toISOString().slice(0, 16), timeZone);
}

/** The instants a grid range covers (its wall-clock start and end are clinic midnights): what the core is asked for. */
export function wallRangeToInstants(start: Date, end: Date, timeZone: string): { from: string; to: string } {
  return { from: fromWall(start, timeZone), to: fromWall(end, timeZone) };
}

const MINUTE = 60_000;
const DAY = 86_400_000;

/**
 * A booking moved on the clinic's clock (a keyboard shortcut): by minutes, or by whole days, which keep the wall-clock
 * time across a daylight-saving change (09:00 stays 09:00, the instant moves 23 or 25 hours).
 */
export function shiftBooking(
  b: { startsAt: string; endsAt: string },
  by: { minutes?: number; days?: number },
  timeZone: string,
): { startsAt: string; endsAt: string } {
  const delta = ((by.days ?? 0) * 24 * 60 + (by.minutes ?? 0)) * MINUTE;
  const move = (iso: string) => fromWall(new Date(toWall(iso, timeZone).getTime() + delta), timeZone);
  return { startsAt: move(b.startsAt), endsAt: move(b.endsAt) };
}

/** The same booking starting at another wall-clock moment (a date and time typed in the Move panel), length kept. */
export function startAtWall(
  b: { startsAt: string; endsAt: string },
  wallInput: string,
  timeZone: string,
): { startsAt: string; endsAt: string } {
  const minutes = (Date.parse(b.endsAt) - Date.parse(b.startsAt)) / MINUTE;
  const startWall = new Date(`${wallInput}:00Z`);
  return {
    startsAt: fromWall(startWall, timeZone),
    endsAt: fromWall(new Date(startWall.getTime() + minutes * MINUTE), timeZone),
  };
}

/** `YYYY-MM-DD` of the clinic's today, for the ward list's default day. */
export const wallDay = (instant: string, timeZone: string): string =>
  instantToZonedInput(instant, timeZone).slice(0, 10);

/** End of a booking from a type's default duration, counted on the wall clock as the grid shows it. */
export const endAfter = (wallStart: Date, minutes: number): Date => new Date(wallStart.getTime() + minutes * MINUTE);

/**
 * The Monday-to-Sunday week holding `day` (YYYY-MM-DD) as the grid reports it on opening (FullCalendar's datesSet for
 * timeGridWeek with firstDay 1): known before the grid is drawn, so the week's call leaves with the screen's others.
 */
export function weekOf(day: string, timeZone: string): { from: string; to: string; firstDay: string } {
  const d = new Date(`${day}T00:00:00Z`);
  const monday = new Date(d.getTime() - ((d.getUTCDay() + 6) % 7) * DAY);
  const next = new Date(monday.getTime() + 7 * DAY);
  return { ...wallRangeToInstants(monday, next, timeZone), firstDay: monday.toISOString().slice(0, 10) };
}
