// The seed's fast ISO formatting writes exactly what Date#toISOString writes, for any instant.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoDate, isoInstant } from '../../db/seed/iso';

describe('seed ISO text', () => {
  it('matches Date#toISOString, fractions, negative instants and far years included', () => {
    const instant = fc.oneof(
      fc.double({ min: -2e12, max: 4e12, noNaN: true }),
      fc.integer({ min: -8.64e15, max: 8.64e15 }),
      fc.constantFrom(0, -1, -0.5, 86_399_999.9, 253_402_300_800_000),
    );
    fc.assert(
      fc.property(instant, (ms) => {
        expect(isoInstant(ms)).toBe(new Date(ms).toISOString());
        expect(isoDate(ms)).toBe(new Date(ms).toISOString().slice(0, 10));
      }),
      { numRuns: 5000 },
    );
    expect(() => isoInstant(Number.NaN)).toThrow(RangeError);
  });
});
