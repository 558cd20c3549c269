// The schedule's day arithmetic (whole-number days, no Date objects) agrees with the Date-based definition.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, addMonths } from '../../db/services/assessment-schedule';
import { dayInZone } from '../../db/services/clinic-time';

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const day = fc.integer({ min: Date.UTC(1900, 0, 1) / DAY, max: Date.UTC(2200, 11, 31) / DAY }).map((d) => iso(d * DAY));

/** The slow, obviously right versions. */
const byDate = {
  addDays: (d: string, n: number) => iso(Date.parse(`${d}T00:00:00Z`) + n * DAY),
  addMonths(d: string, n: number) {
    const [y = 0, m = 1, dd = 1] = d.split('-').map(Number);
    const first = new Date(Date.UTC(y, m - 1 + n, 1));
    const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
    return iso(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), Math.min(dd, last)));
  },
};

describe('schedule day arithmetic', () => {
  it('adds days as Date does, across leap years and centuries', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: -800, max: 800 }), (d, n) => addDays(d, n) === byDate.addDays(d, n)),
      {
        numRuns: 5000,
      },
    );
    expect(addDays('2000-02-28', 1)).toBe('2000-02-29');
    expect(addDays('2100-02-28', 1)).toBe('2100-03-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });

  it('adds months as Date does, ending short months on their last day', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: -24, max: 24 }), (d, n) => addMonths(d, n) === byDate.addMonths(d, n)),
      {
        numRuns: 5000,
      },
    );
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2026-08-31', 3)).toBe('2026-11-30');
  });

  it('names the clinic day of an instant in any zone', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2100, 0, 1) }), (ms) => {
        const parts = new Intl.DateTimeFormat('en-US', {
          timeZone: 'Asia/Shanghai',
          year: 'numeric',
          month: '2-digit',
          day: '2-digit',
        }).formatToParts(new Date(ms));
        const pick = (t: string) => parts.find((p) => p.type === t)?.value;
        return dayInZone(new Date(ms), 'Asia/Shanghai') === `${pick('year')}-${pick('month')}-${pick('day')}`;
      }),
      { numRuns: 500 },
    );
    expect(dayInZone(new Date('2026-12-02T16:30:00Z'), 'Asia/Shanghai')).toBe('2026-12-03');
    expect(dayInZone(new Date('2026-12-02T16:30:00Z'), 'America/New_York')).toBe('2026-12-02');
  });
});
