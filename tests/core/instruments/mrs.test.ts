// mRS against van Swieten 1988: one grade 0–6 with each grade's text; good outcome 0–2; improvement of −1.
import { describe, expect, it } from 'vitest';
import { MRS_V1 as MRS, isGoodOutcome, isImproved } from '../../../db/contract/instruments';
import { expectRejected, scoredValues } from './helpers';

describe('mRS v1', () => {
  it('is one item graded 0–6, 6 = dead', () => {
    expect(scoredValues(MRS)).toEqual({ grade: [0, 1, 2, 3, 4, 5, 6] });
    expect(MRS.items[0]?.anchors[0]?.text).toBe('No symptoms at all.');
    expect(MRS.items[0]?.anchors[6]?.text).toBe('Dead.');
    expect(MRS.range).toEqual({ min: 0, max: 6 });
    expect(MRS.loinc).toBe('75859-9');
    expectRejected(MRS, 'grade', 7);
    expectRejected(MRS, 'grade', 'UN');
  });

  it('scores the extremes and a middle grade, with the good-outcome band', () => {
    const total = (grade: number) => MRS.score({ grade }).total;
    expect([total(0), total(3), total(6)]).toEqual([0, 3, 6]);
    expect([0, 2, 3, 6].map((g) => isGoodOutcome(MRS, g))).toEqual([true, true, false, false]);
    expect(MRS.score({})).toMatchObject({ total: null, complete: false, missing: ['grade'] });
  });

  it('counts a fall of one grade or more as improved (default −1)', () => {
    expect(MRS.mcid).toBe(-1);
    expect(isImproved(4, 3, MRS.mcid ?? 0)).toBe(true);
    expect(isImproved(4, 1, MRS.mcid ?? 0)).toBe(true);
    expect(isImproved(3, 3, MRS.mcid ?? 0)).toBe(false);
    expect(isImproved(2, 3, MRS.mcid ?? 0)).toBe(false);
  });
});
