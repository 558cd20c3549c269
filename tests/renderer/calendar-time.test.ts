// The calendar grid runs on the clinic's wall clock: instants converted to it and back, across daylight saving too.
import { describe, expect, it } from 'vitest';
import {
  fromWall,
  shiftBooking,
  startAtWall,
  toWall,
  wallDay,
  wallRangeToInstants,
  weekOf,
} from '../../renderer/src/features/calendar/calendar-time';

describe('clinic wall clock for the calendar grid', () => {
  it("draws an instant at the clinic's hour, not the machine's", () => {
    // 01:30 UTC is 09:30 in Shanghai (UTC+8, no daylight saving).
    expect(toWall('2026-12-03T01:30:00.000Z', 'Asia/Shanghai').toISOString()).toBe('2026-12-03T09:30:00.000Z');
    expect(fromWall(new Date('2026-12-03T09:30:00Z'), 'Asia/Shanghai')).toBe('2026-12-03T01:30:00.000Z');
  });

  it('crosses midnight into the next clinic day', () => {
    expect(toWall('2026-11-24T23:30:00.000Z', 'Asia/Shanghai').toISOString()).toBe('2026-11-25T07:30:00.000Z');
    expect(wallDay('2026-11-24T23:30:00.000Z', 'Asia/Shanghai')).toBe('2026-11-25');
    expect(wallDay('2026-11-24T23:30:00.000Z', 'America/New_York')).toBe('2026-11-24');
  });

  it('round-trips every quarter hour of a daylight-saving week in New York', () => {
    const zone = 'America/New_York';
    // Fall back on 1 Nov 2026: 01:00–02:00 happens twice; the wall-clock grid shows both as 01:xx.
    for (let t = Date.parse('2026-10-30T00:00:00Z'); t < Date.parse('2026-11-04T00:00:00Z'); t += 15 * 60_000) {
      const instant = new Date(t).toISOString();
      const wall = toWall(instant, zone);
      const back = fromWall(wall, zone);
      const ambiguous = wall.getUTCHours() === 1 && wall.toISOString().startsWith('2026-11-01');
      if (!ambiguous) expect(back).toBe(instant);
      else expect(toWall(back, zone).toISOString()).toBe(wall.toISOString());
    }
  });

  it('asks the core for a 23-hour day on the spring-forward day', () => {
    const r = wallRangeToInstants(
      new Date('2026-03-08T00:00:00Z'),
      new Date('2026-03-09T00:00:00Z'),
      'America/New_York',
    );
    expect(r).toEqual({ from: '2026-03-08T05:00:00.000Z', to: '2026-03-09T04:00:00.000Z' });
  });

  it('moves a booking by a day keeping its wall-clock time across daylight saving', () => {
    const b = { startsAt: '2026-03-07T14:00:00.000Z', endsAt: '2026-03-07T15:00:00.000Z' }; // 09:00–10:00 EST
    const moved = shiftBooking(b, { days: 1 }, 'America/New_York');
    expect(moved).toEqual({ startsAt: '2026-03-08T13:00:00.000Z', endsAt: '2026-03-08T14:00:00.000Z' }); // EDT
    expect(toWall(moved.startsAt, 'America/New_York').toISOString()).toBe('2026-03-08T09:00:00.000Z');
  });

  it('moves by 15 minutes in either direction', () => {
    const b = { startsAt: '2026-12-03T01:30:00.000Z', endsAt: '2026-12-03T02:30:00.000Z' };
    expect(shiftBooking(b, { minutes: 15 }, 'Asia/Shanghai')).toEqual({
      startsAt: '2026-12-03T01:45:00.000Z',
      endsAt: '2026-12-03T02:45:00.000Z',
    });
    expect(shiftBooking(b, { minutes: -15 }, 'Asia/Shanghai').startsAt).toBe('2026-12-03T01:15:00.000Z');
  });

  it('starts a booking at a typed wall-clock time, keeping its length', () => {
    const b = { startsAt: '2026-12-03T01:30:00.000Z', endsAt: '2026-12-03T02:15:00.000Z' };
    expect(startAtWall(b, '2026-12-04T14:00', 'Asia/Shanghai')).toEqual({
      startsAt: '2026-12-04T06:00:00.000Z',
      endsAt: '2026-12-04T06:45:00.000Z',
    });
  });
});

describe('the week the calendar opens on', () => {
  it('runs Monday to Monday around any day, in the clinic’s wall clock', () => {
    // 2026-12-03 is a Thursday; Shanghai midnight is 16:00 UTC the day before.
    expect(weekOf('2026-12-03', 'Asia/Shanghai')).toEqual({
      from: '2026-11-29T16:00:00.000Z',
      to: '2026-12-06T16:00:00.000Z',
      firstDay: '2026-11-30',
    });
    // A Sunday belongs to the week that began six days before; a Monday starts its own.
    expect(weekOf('2026-12-06', 'UTC').firstDay).toBe('2026-11-30');
    expect(weekOf('2026-11-30', 'UTC').firstDay).toBe('2026-11-30');
    // Across New York's fall-back: the week's end is Monday's midnight in EST, its start Monday's in EDT.
    expect(weekOf('2026-11-01', 'America/New_York')).toEqual({
      from: '2026-10-26T04:00:00.000Z',
      to: '2026-11-02T05:00:00.000Z',
      firstDay: '2026-10-26',
    });
  });
});
