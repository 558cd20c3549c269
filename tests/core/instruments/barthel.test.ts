// Barthel Index against Mahoney & Barthel 1965: 10 items, the published weights, 0–100 in steps of 5.
import { describe, expect, it } from 'vitest';
import { BARTHEL_V1 as BARTHEL, isImproved } from '../../../db/contract/instruments';
import { byOrder, expectRejected, expectValid, fill, scoredValues } from './helpers';

describe('Barthel Index v1', () => {
  it('has the 10 items with the published weights', () => {
    expect(scoredValues(BARTHEL)).toEqual({
      feeding: [10, 5, 0],
      transfers: [15, 10, 5, 0],
      grooming: [5, 0],
      toilet: [10, 5, 0],
      bathing: [5, 0],
      mobility: [15, 10, 5, 0],
      stairs: [10, 5, 0],
      dressing: [10, 5, 0],
      bowels: [10, 5, 0],
      bladder: [10, 5, 0],
    });
    expect(BARTHEL.range).toEqual({ min: 0, max: 100 });
    expect(BARTHEL.better).toBe('higher');
    expect(BARTHEL.loinc).toBeNull();
  });

  it('scores the extremes: 0 and 100', () => {
    expect(BARTHEL.score(fill(BARTHEL, 'min')).total).toBe(0);
    expect(BARTHEL.score(fill(BARTHEL, 'max')).total).toBe(100);
  });

  it('scores a dependent wheelchair user by hand: 45', () => {
    // feeding 5 + transfers 10 + grooming 0 + toilet 5 + bathing 0 + wheelchair 5 + stairs 0 + dressing 5
    // + bowels 10 + bladder 5 = 45
    const v = byOrder(BARTHEL, [5, 10, 0, 5, 0, 5, 0, 5, 10, 5]);
    expectValid(BARTHEL, v);
    expect(BARTHEL.score(v)).toMatchObject({ total: 45, complete: true });
  });

  it('scores a walker needing help on stairs by hand: 85, and every total is a multiple of 5', () => {
    // 10 + 15 + 5 + 10 + 0 + 10 + 5 + 10 + 10 + 10 = 85
    const v = byOrder(BARTHEL, [10, 15, 5, 10, 0, 10, 5, 10, 10, 10]);
    expect(BARTHEL.score(v).total).toBe(85);
    for (const item of BARTHEL.items) for (const a of item.anchors) expect((a.points ?? 1) % 5).toBe(0);
  });

  it('refuses values between the weights, and has no untestable', () => {
    expectRejected(BARTHEL, 'feeding', 15);
    expectRejected(BARTHEL, 'grooming', 10);
    expectRejected(BARTHEL, 'transfers', 7);
    expectRejected(BARTHEL, 'bathing', 'UN');
  });

  it('counts +10 as improved by default', () => {
    expect(BARTHEL.mcid).toBe(10);
    expect(isImproved(45, 55, 10)).toBe(true);
    expect(isImproved(45, 50, 10)).toBe(false);
  });
});
