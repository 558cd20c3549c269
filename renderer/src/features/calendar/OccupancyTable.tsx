// The all-rooms week as occupancy: one row per room, one cell per clinic day (bookings, booked time, first–last),
// each cell opening that room's week and each day heading that day's bookings in every room.
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Room, RoomDayLoad } from '../../../../db/contract';
import { Name } from '../../ui/bidi';
import { formatDayShort } from '../../ui/format';
import { dateTimeFormat } from '../../ui/intl';

interface Props {
  days: readonly string[];
  /** Undefined until asked: the rows are drawn once both the rooms and the week's loads are in, in one go. */
  rooms: readonly Room[] | undefined;
  loads: readonly RoomDayLoad[] | undefined;
  zone: string;
  today: string;
  onRoom: (roomId: number) => void;
  onDay: (day: string) => void;
}

/** Booked time as hours with one decimal: "6.5 h" reads at a glance in a dense grid. */
const hours = (minutes: number) => Math.round(minutes / 6) / 10;

/** Stand-ins for the parts of a cell's name, private-use characters no room name or number holds. */
const MARKS = { room: '\ue001', day: '\ue002', count: '\ue003', hours: '\ue004', span: '\ue005' } as const;
const PART = Object.fromEntries(Object.entries(MARKS).map(([k, v]) => [v, k])) as Record<
  string,
  keyof typeof MARKS | undefined
>;

/** Drawn again only when the week, the rooms, the loads or the language change (memo: the screen re-renders often). */
export const OccupancyTable = memo(function OccupancyTable({ days, rooms, loads, zone, today, onRoom, onDay }: Props) {
  const { t, i18n } = useTranslation('calendar');
  const locale = i18n.language;
  const byCell = new Map((loads ?? []).map((l) => [`${l.roomId}|${l.day}`, l]));
  // Active rooms, and retired ones only where they still hold bookings this week.
  const busy = new Set((loads ?? []).map((l) => l.roomId));
  const shown = rooms && loads ? rooms.filter((r) => r.active || busy.has(r.id)) : [];
  // Each day's name once, not once per cell; the same for the words every cell repeats.
  const weekday = dateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' });
  const heads = days.map((day) => ({
    day,
    name: formatDayShort(day, locale, today),
    weekday: weekday.format(new Date(`${day}T00:00:00Z`)),
  }));
  const free = t('overview.free');
  const clock = dateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: zone });
  // A week has a few hundred cells but few distinct counts and lengths: each text is made once.
  const counts = new Map<number, string>();
  const lengths = new Map<number, string>();
  const text = (cache: Map<number, string>, n: number, make: (n: number) => string) => {
    let found = cache.get(n);
    if (found === undefined) cache.set(n, (found = make(n)));
    return found;
  };
  // The cell's name asked of i18next once with its parts marked, then filled in per cell (each t() interpolates anew).
  const template = t('overview.cellName', MARKS);
  const cellName = (parts: Record<keyof typeof MARKS, string>) =>
    template.replace(/[\ue001-\ue005]/g, (mark) => parts[PART[mark] ?? 'room']);
  return (
    <div className="occupancy">
      <p className="muted small occupancy-hint">{t('overview.hint')}</p>
      <table className="occupancy-table">
        <caption className="visually-hidden">{t('overview.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('room')}</th>
            {heads.map((h) => (
              <th scope="col" key={h.day}>
                <button type="button" className="occupancy-day" onClick={() => onDay(h.day)}>
                  {h.weekday} {h.name}
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {shown.map((room) => (
            <tr key={room.id}>
              <th scope="row">
                <Name>{room.name}</Name>
              </th>
              {heads.map(({ day, name }) => {
                const l = byCell.get(`${room.id}|${day}`);
                if (!l) return <td key={day} className="occupancy-free" aria-label={free} />;
                const span = `${clock.format(new Date(l.firstStart))}–${clock.format(new Date(l.lastEnd))}`;
                const count = text(counts, l.bookings, (n) => t('overview.count', { count: n }));
                const length = text(lengths, l.minutes, (m) => t('overview.hours', { hours: hours(m) }));
                // Named by what it shows, in the same order, with the room and the day around it; the name is one label
                // rather than hidden text between the visible parts (half the elements of a 38-room week).
                return (
                  <td key={day}>
                    <button
                      type="button"
                      className="occupancy-cell"
                      aria-label={cellName({ room: room.name, day: name, count, hours: length, span })}
                      onClick={() => onRoom(room.id)}
                    >
                      <span className="occupancy-count">{count}</span>
                      {/* Spaced as words (a flex line drops the spaces): the visible words are then a run of the name. */}
                      {` ${length} `}
                      <span className="muted">{span}</span>
                    </button>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
});
