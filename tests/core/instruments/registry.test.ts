// The registry: every DOMAIN.md instrument once, lookups by id and version, and a v2 never changing a v1 score.
import { describe, expect, it } from 'vitest';
import {
  BARTHEL_V1,
  INSTRUMENTS,
  INSTRUMENT_IDS,
  type InstrumentDef,
  type ItemDef,
  createRegistry,
} from '../../../db/contract/instruments';
import { defineInstrument, sumScorer, weighted } from '../../../db/contract/instruments/build';
import { byOrder } from './helpers';

/** A hypothetical v2 of the Barthel Index with finer feeding levels (as Shah 1989 did): a different definition. */
function barthelV2(): InstrumentDef {
  const items: ItemDef[] = BARTHEL_V1.items.map((i) =>
    i.code === 'feeding'
      ? {
          ...i,
          anchors: weighted([
            [10, 'Independent.'],
            [8, 'Minimal help.'],
            [5, 'Moderate help.'],
            [2, 'Attempts.'],
            [0, 'Unable.'],
          ]),
        }
      : i,
  );
  return defineInstrument({ ...BARTHEL_V1, version: 2, items, score: sumScorer(items) }, { summed: true });
}

describe('instrument registry', () => {
  it('holds each instrument of DOMAIN.md once, at version 1, in its order', () => {
    expect(INSTRUMENTS.all().map((d) => d.id)).toEqual([...INSTRUMENT_IDS]);
    expect(
      INSTRUMENTS.all()
        .map((d) => `${d.id}@${d.version}`)
        .sort(),
    ).toEqual(INSTRUMENT_IDS.map((id) => `${id}@1`).sort());
    expect(INSTRUMENTS.get('barthel', 1)).toBe(BARTHEL_V1);
    expect(INSTRUMENTS.get('barthel', 2)).toBeUndefined();
  });

  it('keeps DOMAIN.md defaults for improvement and only certain LOINC codes', () => {
    const mcid = Object.fromEntries(INSTRUMENTS.all().map((d) => [d.id, d.mcid]));
    expect(mcid).toMatchObject({ mrs: -1, barthel: 10, 'fm-ue': 9, 'fm-le': 6, berg: 6, nihss: -4 });
    const loinc = INSTRUMENTS.all()
      .filter((d) => d.loinc !== null)
      .map((d) => [d.id, d.loinc]);
    expect(loinc).toEqual([
      ['nihss', '72089-6'],
      ['mrs', '75859-9'],
    ]);
    expect(INSTRUMENTS.latest('mrs').goodOutcome).toEqual({ min: 0, max: 2 });
  });

  it('gives every item a label and every value its anchor text', () => {
    for (const def of INSTRUMENTS.all()) {
      for (const item of def.items) {
        expect(item.label.length, `${def.id} ${item.code}`).toBeGreaterThan(0);
        expect(item.anchors.length, `${def.id} ${item.code}`).toBeGreaterThanOrEqual(2);
        for (const a of item.anchors) expect(a.text, `${def.id} ${item.code} ${a.value}`).toMatch(/^\S.*\S[.)]$/);
      }
    }
  });

  it('looks up by id and version: a v2 does not change what a v1 assessment scores', () => {
    const v2 = barthelV2();
    const registry = createRegistry([BARTHEL_V1, v2]);
    const stored = byOrder(BARTHEL_V1, [5, 10, 0, 5, 0, 5, 0, 5, 10, 5]);
    expect(registry.get('barthel', 1)?.score(stored).total).toBe(45);
    expect(registry.latest('barthel').version).toBe(2);
    // feeding 8 exists only in v2: v1 refuses it, v2 counts it
    const v2Values = { ...stored, feeding: 8 };
    expect(registry.get('barthel', 2)?.score(v2Values).total).toBe(48);
    expect(registry.get('barthel', 1)?.score(v2Values)).toMatchObject({ total: null, missing: ['feeding'] });
    expect(BARTHEL_V1.items[0]?.anchors.map((a) => a.value)).toEqual([10, 5, 0]);
  });

  it('refuses a version defined twice, a wrong range, and any change to a definition in place', () => {
    expect(() => createRegistry([BARTHEL_V1, BARTHEL_V1])).toThrow(/barthel@1 is defined twice/);
    expect(() => defineInstrument({ ...BARTHEL_V1, version: 3, range: { min: 0, max: 90 } }, { summed: true })).toThrow(
      /range/,
    );
    const anchors = BARTHEL_V1.items[0]?.anchors as unknown as { text: string }[];
    expect(() => {
      const first = anchors[0];
      if (first) first.text = 'changed';
    }).toThrow(TypeError);
    expect(() => (BARTHEL_V1.items as unknown as unknown[]).push({})).toThrow(TypeError);
  });
});
