// Berg Balance Scale (Berg 1989) and Functional Ambulation Categories (Holden 1984) against the publications.
import { describe, expect, it } from 'vitest';
import { BERG_V1 as BERG, FAC_V1 as FAC } from '../../../db/contract/instruments';
import { byOrder, expectRejected, expectValid, fill, scoredValues } from './helpers';

describe('Berg Balance Scale v1', () => {
  it('has 14 items scored 0–4, total 0–56', () => {
    expect(BERG.items).toHaveLength(14);
    for (const values of Object.values(scoredValues(BERG))) expect(values).toEqual([0, 1, 2, 3, 4]);
    expect(BERG.range).toEqual({ min: 0, max: 56 });
    expect(BERG.mcid).toBe(6);
    // The form prints 4 first: the stored 4 is the best anchor.
    expect(BERG.items[0]?.anchors[4]?.text).toBe('Able to stand without using hands and stabilize independently.');
    expectRejected(BERG, 'one-leg', 5);
  });

  it('scores the extremes and a hand-scored example: 0, 56, 32', () => {
    expect(BERG.score(fill(BERG, 'min')).total).toBe(0);
    expect(BERG.score(fill(BERG, 'max')).total).toBe(56);
    // 4×3 + 3×3 + 2×4 + 1×3 + 0 = 12 + 9 + 8 + 3 = 32
    const v = byOrder(BERG, [4, 4, 4, 3, 3, 3, 2, 2, 2, 2, 1, 1, 1, 0]);
    expectValid(BERG, v);
    expect(BERG.score(v)).toMatchObject({ total: 32, complete: true });
    const { 'one-leg': _gone, ...rest } = v;
    expect(BERG.score(rest)).toMatchObject({ total: null, sum: 32, missing: ['one-leg'] });
  });
});

describe('Functional Ambulation Categories v1', () => {
  it('is one category 0–5, higher is better', () => {
    expect(scoredValues(FAC)).toEqual({ category: [0, 1, 2, 3, 4, 5] });
    expect(FAC.better).toBe('higher');
    expect([0, 3, 5].map((category) => FAC.score({ category }).total)).toEqual([0, 3, 5]);
    expect(FAC.items[0]?.anchors[5]?.text).toMatch(/^Ambulator, independent: /);
    expectRejected(FAC, 'category', 6);
  });
});
