// How the core and the screens read an instant's wall clock in a zone: the same fields, 24-hour, zero-padded.

/** Intl options for a zone's wall-clock reading (`hourCycle: 'h23'`, so midnight is 00, not 24); add `timeZone`. */
export const WALL_CLOCK_PARTS: Readonly<Intl.DateTimeFormatOptions> = {
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
};
