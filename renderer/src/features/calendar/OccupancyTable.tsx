// The all-rooms week as occupancy: one row per room, one cell per clinic day (bookings, booked time, first–last),
// each cell opening that room's week and each day heading that day's bookings in every room.
import { useTranslation } from 'react-i18next';
import type { Room, RoomDayLoad } from '../../../../db/contract';
import { Name } from '../../ui/bidi';
import { formatClock, formatDayShort } from '../../ui/format';
import { dateTimeFormat } from '../../ui/intl';

interface Props {
  days: readonly string[];
  rooms: readonly Room[];
  loads: readonly RoomDayLoad[];
  zone: string;
  today: string;
  onRoom: (roomId: number) => void;
  onDay: (day: string) => void;
}

/** Booked time as hours with one decimal: "6.5 h" reads at a glance in a dense grid. */
const hours = (minutes: number) => Math.round(minutes / 6) / 10;

export function OccupancyTable({ days, rooms, loads, zone, today, onRoom, onDay }: Props) {
  const { t, i18n } = useTranslation('calendar');
  const locale = i18n.language;
  const byCell = new Map(loads.map((l) => [`${l.roomId}|${l.day}`, l]));
  // Active rooms, and retired ones only where they still hold bookings this week.
  const busy = new Set(loads.map((l) => l.roomId));
  const shown = rooms.filter((r) => r.active || busy.has(r.id));
  const dayName = (day: string) => formatDayShort(day, locale, today);
  return (
    <div className="occupancy">
      <p className="muted small occupancy-hint">{t('overview.hint')}</p>
      <table className="occupancy-table">
        <caption className="visually-hidden">{t('overview.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('room')}</th>
            {days.map((day) => (
              <th scope="col" key={day}>
                <button type="button" className="occupancy-day" onClick={() => onDay(day)}>
                  {dateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`))}{' '}
                  {dayName(day)}
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
              {days.map((day) => {
                const l = byCell.get(`${room.id}|${day}`);
                if (!l) return <td key={day} className="occupancy-free" aria-label={t('overview.free')} />;
                const span = `${formatClock(l.firstStart, locale, zone)}–${formatClock(l.lastEnd, locale, zone)}`;
                // The name is the visible text with the room and day around it (hidden), so speech matches sight.
                const hidden = (text: string) => <span className="visually-hidden">{text}</span>;
                return (
                  <td key={day}>
                    <button type="button" className="occupancy-cell" onClick={() => onRoom(room.id)}>
                      {hidden(t('overview.cellWhere', { room: room.name, day: dayName(day) }))}
                      <span className="occupancy-count">
                        {t('overview.count', { count: l.bookings })}
                        {hidden(t('overview.separator'))}
                      </span>
                      <span>
                        {t('overview.hours', { hours: hours(l.minutes) })}
                        {hidden(t('overview.separator'))}
                      </span>
                      <span className="muted">
                        {span}
                        {hidden(t('overview.end'))}
                      </span>
                      {hidden(t('overview.openRoom'))}
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
}
