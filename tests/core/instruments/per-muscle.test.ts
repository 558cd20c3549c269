// Modified Ashworth (with 1+), MRC power and the clinic's improvement by domain: per-item scales with no total.
import { describe, expect, it } from 'vitest';
import {
  ASHWORTH_V1 as MAS,
  IMPROVEMENT_V1 as IMPROVEMENT,
  MRC_V1 as MRC,
  ordinalRank,
} from '../../../db/contract/instruments';
import { expectRejected, expectValid, fill, scoredValues } from './helpers';

describe('Modified Ashworth Scale v1', () => {
  it('has 0, 1, 1+, 2, 3, 4 for each muscle group and side', () => {
    expect(MAS.items).toHaveLength(18);
    expect(MAS.items.slice(0, 2).map((i) => [i.code, i.side])).toEqual([
      ['shoulder-adductors.left', 'left'],
      ['shoulder-adductors.right', 'right'],
    ]);
    for (const values of Object.values(scoredValues(MAS))) expect(values).toEqual([0, 1, '1+', 2, 3, 4]);
    expectRejected(MAS, 'elbow-flexors.left', '2+');
    expectRejected(MAS, 'elbow-flexors.left', 5);
  });

  it('has no total; complete once every group is entered; 1+ ranks between 1 and 2', () => {
    const all = fill(MAS, 'max');
    expectValid(MAS, all);
    expect(MAS.range).toBeNull();
    expect(MAS.score(all)).toMatchObject({ total: null, complete: true, missing: [] });
    const some = { 'elbow-flexors.left': '1+', 'elbow-flexors.right': 0 };
    expectValid(MAS, some);
    expect(MAS.score(some)).toMatchObject({ total: null, complete: false, untestable: [] });
    expect(MAS.score(some).missing).toHaveLength(16);
    const item = MAS.items[0];
    if (!item) throw new Error('no item');
    expect([1, '1+', 2].map((v) => ordinalRank(item, v))).toEqual([1, 2, 3]);
  });
});

describe('MRC muscle power v1', () => {
  it('has 0–5 for each muscle group and side, higher is better, no total', () => {
    expect(MRC.items).toHaveLength(20);
    for (const values of Object.values(scoredValues(MRC))) expect(values).toEqual([0, 1, 2, 3, 4, 5]);
    expect(MRC.better).toBe('higher');
    expect(MRC.score(fill(MRC, 'max'))).toMatchObject({ total: null, complete: true });
    expectRejected(MRC, 'hip-flexors.right', 6);
  });
});

describe('Improvement by domain v1', () => {
  it('has the 9 clinic domains, each 1 (very much improved) to 7 (very much worse), no total', () => {
    expect(IMPROVEMENT.items.map((i) => i.code)).toEqual([
      'muscle-tension',
      'muscle-strength',
      'peripheral-circulation',
      'coordination-posture',
      'standing',
      'hand-fine-motor',
      'leg-movement',
      'speech-facial',
      'sensation',
    ]);
    for (const values of Object.values(scoredValues(IMPROVEMENT))) expect(values).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(IMPROVEMENT.items[0]?.anchors[0]?.text).toBe('Very much improved.');
    expect(IMPROVEMENT.better).toBe('lower');
    expect(IMPROVEMENT.score(fill(IMPROVEMENT, 'min'))).toMatchObject({ total: null, complete: true });
    expectRejected(IMPROVEMENT, 'standing', 0);
  });
});
