// Dates and times on screen are the clinic's (the zone auth.status carries), whatever zone this machine is set to.
import { afterEach, describe, expect, it } from 'vitest';
import { instantToZonedInput, zonedInputToInstant } from '../../renderer/src/ui/format';
import {
  dayOf,
  formatDay,
  formatDayShort,
  formatInstant,
  formatInstantDay,
  formatInstantShort,
  formatSpan,
} from '../../renderer/src/ui/format';
import { clinicTimeZone, setClinicTimeZone } from '../../renderer/src/ui/time-zone';

// 23:30 UTC on the 24th is already 07:30 on the 25th in Shanghai, and still 18:30 on the 24th in New York.
const nearMidnightUtc = '2026-11-24T23:30:00.000Z';

afterEach(() => setClinicTimeZone('Asia/Shanghai'));

describe('the clinic time zone', () => {
  it('starts at the core default until auth.status says otherwise', () => {
    expect(clinicTimeZone()).toBe('Asia/Shanghai');
  });

  it("shows an instant near midnight UTC on the clinic's day and clock", () => {
    setClinicTimeZone('Asia/Shanghai');
    expect(formatInstant(nearMidnightUtc, 'en-GB')).toBe('25 Nov 2026, 07:30');
    expect(formatInstantDay(nearMidnightUtc, 'en-GB')).toBe('25 Nov 2026');
    expect(dayOf(nearMidnightUtc)).toBe('2026-11-25');
    setClinicTimeZone('America/New_York');
    expect(formatInstant(nearMidnightUtc, 'en-GB')).toBe('24 Nov 2026, 18:30');
    expect(dayOf(nearMidnightUtc)).toBe('2026-11-24');
  });

  it("writes the year in the short form only when the clinic's year differs from now", () => {
    setClinicTimeZone('Asia/Shanghai');
    const newYearsEveUtc = '2026-12-31T20:00:00.000Z'; // 04:00 on 1 January 2027 in Shanghai
    expect(formatInstantShort(newYearsEveUtc, 'en-GB', new Date('2027-03-01T00:00:00Z'))).toBe('1 Jan, 04:00');
    expect(formatInstantShort(newYearsEveUtc, 'en-GB', new Date('2026-06-01T00:00:00Z'))).toBe('1 Jan 2027, 04:00');
  });

  it("writes a follow-up day without the year when it is the clinic's year, and never shifts it", () => {
    for (const zone of ['Pacific/Kiritimati', 'Pacific/Pago_Pago']) {
      setClinicTimeZone(zone);
      expect(formatDayShort('2026-12-03', 'en-GB', '2026-12-02')).toBe('3 Dec');
      expect(formatDayShort('2027-01-04', 'en-GB', '2026-12-02')).toBe('4 Jan 2027');
      expect(formatDayShort(null, 'en-GB', '2026-12-02')).toBe('');
    }
  });

  it('never shifts a date-only value, in any zone', () => {
    for (const zone of ['Pacific/Kiritimati', 'Asia/Shanghai', 'UTC', 'Pacific/Pago_Pago']) {
      setClinicTimeZone(zone);
      expect(formatDay('2026-03-01', 'en-GB')).toBe('1 Mar 2026');
      expect(formatSpan('2024-03-01', '2026-03-01')).toEqual({ years: 2, months: 0 });
    }
  });

  it("counts a span to an instant from the clinic's day of it", () => {
    setClinicTimeZone('Asia/Shanghai');
    expect(formatSpan('2026-10-25', nearMidnightUtc)).toEqual({ years: 0, months: 1 });
    setClinicTimeZone('America/New_York');
    expect(formatSpan('2026-10-25', nearMidnightUtc)).toEqual({ years: 0, months: 0 });
  });

  it("reads and writes the received-at field on the clinic's clock", () => {
    setClinicTimeZone('Asia/Shanghai');
    expect(instantToZonedInput(nearMidnightUtc)).toBe('2026-11-25T07:30');
    expect(zonedInputToInstant('2026-11-25T07:30')).toBe(nearMidnightUtc);
    setClinicTimeZone('America/New_York');
    expect(instantToZonedInput(nearMidnightUtc)).toBe('2026-11-24T18:30');
    // Either side of the autumn change: EDT (−4) in the morning of 1 November 2026 before 02:00, EST (−5) after.
    expect(zonedInputToInstant('2026-11-01T00:30')).toBe('2026-11-01T04:30:00.000Z');
    expect(zonedInputToInstant('2026-11-01T12:00')).toBe('2026-11-01T17:00:00.000Z');
    expect(zonedInputToInstant('2026-13-01T10:00')).toBe('2026-13-01T10:00');
    expect(zonedInputToInstant('')).toBe('');
  });
});
