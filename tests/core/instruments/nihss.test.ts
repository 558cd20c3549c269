// NIHSS against the NINDS form: 15 items, ranges, 0–42, UN only where the form allows it, hand-scored examples.
import { describe, expect, it } from 'vitest';
import { NIHSS_V1 as NIHSS, UNTESTABLE, validateValues } from '../../../db/contract/instruments';
import { byOrder, expectRejected, expectValid, fill, scoredValues } from './helpers';

const range = (n: number) => Array.from({ length: n + 1 }, (_, i) => i);

describe('NIHSS v1', () => {
  it('has the 15 published items with their ranges', () => {
    expect(NIHSS.items.map((i) => i.code)).toEqual([
      '1a',
      '1b',
      '1c',
      '2',
      '3',
      '4',
      '5a',
      '5b',
      '6a',
      '6b',
      '7',
      '8',
      '9',
      '10',
      '11',
    ]);
    expect(scoredValues(NIHSS)).toEqual({
      '1a': range(3),
      '1b': range(2),
      '1c': range(2),
      '2': range(2),
      '3': range(3),
      '4': range(3),
      '5a': range(4),
      '5b': range(4),
      '6a': range(4),
      '6b': range(4),
      '7': range(2),
      '8': range(2),
      '9': range(3),
      '10': range(2),
      '11': range(2),
    });
    expect(NIHSS.range).toEqual({ min: 0, max: 42 });
    expect(NIHSS.better).toBe('lower');
    expect(NIHSS.mcid).toBe(-4);
    expect(NIHSS.loinc).toBe('72089-6');
  });

  it('allows UN only on motor limbs, ataxia and dysarthria, each needing a note', () => {
    const withUn = NIHSS.items.filter((i) => i.anchors.some((a) => a.value === UNTESTABLE));
    expect(withUn.map((i) => i.code)).toEqual(['5a', '5b', '6a', '6b', '7', '10']);
    expect(withUn.every((i) => i.untestableNeedsNote)).toBe(true);
    expectRejected(NIHSS, '8', UNTESTABLE);
    expectRejected(NIHSS, '1a', UNTESTABLE);
    expectRejected(NIHSS, '1a', 4);
    expectRejected(NIHSS, '5a', -1);
  });

  it('scores the extremes: 0 and 42', () => {
    expect(NIHSS.score(fill(NIHSS, 'min'))).toMatchObject({ total: 0, complete: true, missing: [], untestable: [] });
    expect(NIHSS.score(fill(NIHSS, 'max'))).toMatchObject({ total: 42, complete: true });
  });

  it('scores a left hemispheric picture by hand: 13', () => {
    // gaze 1 + visual 2 + face 2 + left arm 3 + left leg 2 + sensory 1 + dysarthria 1 + extinction 1 = 13
    const v = byOrder(NIHSS, [0, 0, 0, 1, 2, 2, 3, 0, 2, 0, 0, 1, 0, 1, 1]);
    expectValid(NIHSS, v);
    expect(NIHSS.score(v)).toMatchObject({ total: 13, sum: 13, complete: true });
  });

  it('leaves UN items out of the total and marks it incomplete', () => {
    // 1a 1 + 1b 1 + face 1 + left arm 2 + left leg 1 + sensory 1 + language 2 = 9; 5b, 7, 10 untestable
    const v = byOrder(NIHSS, [1, 1, 0, 0, 0, 1, 2, 'UN', 1, 0, 'UN', 1, 2, 'UN', 0]);
    expectValid(NIHSS, v);
    expect(NIHSS.score(v)).toEqual({
      sum: 9,
      total: 9,
      complete: false,
      missing: [],
      untestable: ['5b', '7', '10'],
      subscores: {},
    });
  });

  it('scores sensory 2 and language 3 in coma, as the instructions say', () => {
    const coma = { ...fill(NIHSS, 'max'), '8': 1, '9': 3 };
    expect(validateValues(NIHSS, coma)).toEqual([{ item: '8', message: 'Scored 2 when 1a is 3 (coma)' }]);
    expect(validateValues(NIHSS, { ...coma, '8': 2 })).toEqual([]);
    expect(validateValues(NIHSS, { '1a': 2, '8': 0, '9': 0 })).toEqual([]);
  });

  it('gives no total while items are missing, but a running sum', () => {
    const s = NIHSS.score({ '1a': 2, '4': 1 });
    expect(s.total).toBeNull();
    expect(s.sum).toBe(3);
    expect(s.complete).toBe(false);
    expect(s.missing).toHaveLength(13);
    expect(validateValues(NIHSS, { '12': 0 })).toEqual([{ item: '12', message: 'Unknown item' }]);
  });
});
