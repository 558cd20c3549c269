// Fugl-Meyer motor scales against Fugl-Meyer 1975 / Sullivan 2011: arm 33 items 0–66 (A–D), leg 17 items 0–34 (E–F).
import { describe, expect, it } from 'vitest';
import { FUGL_MEYER_LE_V1 as LE, FUGL_MEYER_UE_V1 as UE, validateValues } from '../../../db/contract/instruments';
import { byOrder, expectRejected, expectValid, fill, scoredValues } from './helpers';

const count = (def: typeof UE, prefix: string) => def.items.filter((i) => i.code.startsWith(prefix)).length;

describe('Fugl-Meyer upper extremity v1', () => {
  it('has 33 items: A 18, B 5, C 7, D 3; reflexes 0 or 2, others 0–2', () => {
    expect(UE.items).toHaveLength(33);
    expect(['a-', 'b-', 'c-', 'd-'].map((p) => count(UE, p))).toEqual([18, 5, 7, 3]);
    for (const [code, values] of Object.entries(scoredValues(UE))) {
      expect(values).toEqual(code.startsWith('a-reflex-') ? [0, 2] : [0, 1, 2]);
    }
    expectRejected(UE, 'a-reflex-flexors', 1);
    expectRejected(UE, 'c-grasp-hook', 3);
    expect(UE.range).toEqual({ min: 0, max: 66 });
    expect(UE.mcid).toBe(9);
  });

  it('scores the extremes with full and empty subscores', () => {
    expect(UE.score(fill(UE, 'max'))).toMatchObject({ total: 66, subscores: { A: 36, B: 10, C: 14, D: 6 } });
    expect(UE.score(fill(UE, 'min'))).toMatchObject({ total: 0, subscores: { A: 0, B: 0, C: 0, D: 0 } });
  });

  it('scores a moderate arm by hand: A 19, B 2, C 6, D 2 = 29', () => {
    const v = byOrder(
      UE,
      [
        // A: reflexes 2+2, flexor synergy 2+2+1+1+2+1, extensor 2+1+1, mixing 1+1+0, isolated 0+0+0, normal reflexes 0
        2, 2, 2, 2, 1, 1, 2, 1, 2, 1, 1, 1, 1, 0, 0, 0, 0, 0,
        // B: 1+1+0+0+0
        1, 1, 0, 0, 0,
        // C: 2+1+1+1+0+1+0
        2, 1, 1, 1, 0, 1, 0,
        // D: 1+1+0
        1, 1, 0,
      ],
    );
    expectValid(UE, v);
    expect(UE.score(v)).toMatchObject({ total: 29, complete: true, subscores: { A: 19, B: 2, C: 6, D: 2 } });
  });

  it('scores normal reflex activity only after a full part IV', () => {
    const full = fill(UE, 'max');
    expect(validateValues(UE, full)).toEqual([]);
    const short = { ...full, 'a-iso-flexion-180': 1 };
    expect(validateValues(UE, short)).toEqual([
      { item: 'a-normal-reflexes', message: 'Scored only after a full score in part IV; otherwise 0' },
    ]);
    expect(validateValues(UE, { ...short, 'a-normal-reflexes': 0 })).toEqual([]);
  });

  it('leaves the total and the affected subscore empty while an item is missing', () => {
    const { 'c-grasp-pincer': _gone, ...rest } = fill(UE, 'max');
    const s = UE.score(rest);
    expect(s).toMatchObject({ total: null, sum: 64, missing: ['c-grasp-pincer'] });
    expect(s.subscores).toEqual({ A: 36, B: 10, C: null, D: 6 });
  });
});

describe('Fugl-Meyer lower extremity v1', () => {
  it('has 17 items: E 14, F 3', () => {
    expect(LE.items).toHaveLength(17);
    expect(['e-', 'f-'].map((p) => count(LE, p))).toEqual([14, 3]);
    for (const [code, values] of Object.entries(scoredValues(LE))) {
      expect(values).toEqual(code.startsWith('e-reflex-') ? [0, 2] : [0, 1, 2]);
    }
    expect(LE.range).toEqual({ min: 0, max: 34 });
    expect(LE.mcid).toBe(6);
  });

  it('scores the extremes', () => {
    expect(LE.score(fill(LE, 'max'))).toMatchObject({ total: 34, subscores: { E: 28, F: 6 } });
    expect(LE.score(fill(LE, 'min'))).toMatchObject({ total: 0, subscores: { E: 0, F: 0 } });
  });

  it('scores a moderate leg by hand: E 17, F 4 = 21', () => {
    // E: reflexes 2+2, flexor 2+1+1, extensor 2+2+1+1, mixing 1+1, isolated 0+1, normal reflexes 0 = 17; F: 2+1+1
    const v = byOrder(LE, [2, 2, 2, 1, 1, 2, 2, 1, 1, 1, 1, 0, 1, 0, 2, 1, 1]);
    expectValid(LE, v);
    expect(LE.score(v)).toMatchObject({ total: 21, subscores: { E: 17, F: 4 } });
  });

  it('refuses normal reflexes without a full part IV, and leaves E empty while an item is missing', () => {
    const v = { ...fill(LE, 'max'), 'e-iso-knee': 1 };
    expect(validateValues(LE, v).map((i) => i.item)).toEqual(['e-normal-reflexes']);
    const { 'e-flex-hip': _gone, ...rest } = fill(LE, 'max');
    expect(LE.score(rest)).toMatchObject({ total: null, subscores: { E: null, F: 6 } });
  });
});
