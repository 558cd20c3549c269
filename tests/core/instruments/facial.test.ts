// House–Brackmann (1985) and Sunnybrook (Ross 1996) facial grading against the publications.
import { describe, expect, it } from 'vitest';
import { HOUSE_BRACKMANN_V1 as HB, SUNNYBROOK_V1 as SB } from '../../../db/contract/instruments';
import { byOrder, expectRejected, expectValid, fill } from './helpers';

describe('House–Brackmann v1', () => {
  it('is one grade I–VI stored as 1–6, lower is better', () => {
    const grade = HB.items[0];
    expect(grade?.anchors.map((a) => [a.value, a.label])).toEqual([
      [1, 'I'],
      [2, 'II'],
      [3, 'III'],
      [4, 'IV'],
      [5, 'V'],
      [6, 'VI'],
    ]);
    expect([1, 3, 6].map((g) => HB.score({ grade: g }).total)).toEqual([1, 3, 6]);
    expect(HB.range).toEqual({ min: 1, max: 6 });
    expect(HB.better).toBe('lower');
    expectRejected(HB, 'grade', 0);
    expectRejected(HB, 'grade', 7);
  });
});

describe('Sunnybrook v1', () => {
  it('has resting symmetry (3), voluntary movement (5) and synkinesis (5) with the published values', () => {
    expect(SB.items.map((i) => i.code)).toEqual([
      'rest-eye',
      'rest-cheek',
      'rest-mouth',
      'voluntary-brow',
      'voluntary-eye',
      'voluntary-smile',
      'voluntary-snarl',
      'voluntary-pucker',
      'synkinesis-brow',
      'synkinesis-eye',
      'synkinesis-smile',
      'synkinesis-snarl',
      'synkinesis-pucker',
    ]);
    const points = (code: string) => SB.items.find((i) => i.code === code)?.anchors.map((a) => a.points);
    expect(points('rest-eye')).toEqual([0, 1, 1, 1]);
    expect(points('rest-cheek')).toEqual([0, 2, 1, 1]);
    expect(points('rest-mouth')).toEqual([0, 1, 1]);
    expect(points('voluntary-smile')).toEqual([1, 2, 3, 4, 5]);
    expect(points('synkinesis-smile')).toEqual([0, 1, 2, 3]);
    expectRejected(SB, 'voluntary-brow', 0);
    expectRejected(SB, 'synkinesis-eye', 4);
    expectRejected(SB, 'rest-eye', 1);
  });

  it('scores a normal face 100 and a complete palsy 0 (the published extremes)', () => {
    expect(SB.score(fill(SB, 'max')).total).toBe(100 - 20 - 15); // best voluntary, worst rest and synkinesis
    const normal = byOrder(SB, ['normal', 'normal', 'normal', 5, 5, 5, 5, 5, 0, 0, 0, 0, 0]);
    expect(SB.score(normal)).toMatchObject({
      total: 100,
      complete: true,
      subscores: { resting: 0, voluntary: 100, synkinesis: 0 },
    });
    // rest (1 + 2 + 1) × 5 = 20; voluntary 5 × 1 × 4 = 20; synkinesis 0 → 20 − 20 − 0 = 0
    const palsy = byOrder(SB, ['wide', 'absent', 'drooped', 1, 1, 1, 1, 1, 0, 0, 0, 0, 0]);
    expectValid(SB, palsy);
    expect(SB.score(palsy)).toMatchObject({ total: 0, subscores: { resting: 20, voluntary: 20, synkinesis: 0 } });
  });

  it('scores a partial recovery by hand: 64 − 10 − 4 = 50', () => {
    // rest (1 + 1 + 0) × 5 = 10; voluntary (3 + 4 + 3 + 2 + 4) × 4 = 64; synkinesis 0 + 1 + 1 + 0 + 2 = 4
    const v = byOrder(SB, ['narrow', 'less', 'normal', 3, 4, 3, 2, 4, 0, 1, 1, 0, 2]);
    expectValid(SB, v);
    expect(SB.score(v)).toMatchObject({
      total: 50,
      sum: 50,
      subscores: { resting: 10, voluntary: 64, synkinesis: 4 },
    });
  });

  it('keeps the arithmetic minimum −15 unclipped, and gives no composite while a part is missing', () => {
    expect(SB.range).toEqual({ min: -15, max: 100 });
    const worst = byOrder(SB, ['narrow', 'absent', 'pulled', 1, 1, 1, 1, 1, 3, 3, 3, 3, 3]);
    expect(SB.score(worst).total).toBe(-15);
    const s = SB.score({ 'rest-eye': 'normal', 'voluntary-brow': 4 });
    expect(s).toMatchObject({ total: null, complete: false, sum: 16 });
    expect(s.subscores).toEqual({ resting: null, voluntary: null, synkinesis: null });
  });
});
