// The instrument catalogues: English is generated from the definitions; Chinese has a text for every key of it.
import { describe, expect, it } from 'vitest';
import {
  INSTRUMENTS,
  anchorKey,
  defKey,
  englishCatalogue,
  itemKey,
  sharesAnchors,
} from '../../../db/contract/instruments';
import en from '../../../renderer/src/i18n/en/instruments.json';
import zh from '../../../renderer/src/i18n/zh-CN/instruments.json';

const lookup = (tree: unknown, key: string): unknown =>
  key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], tree);

const CJK = /[\u4e00-\u9fff]/;

describe('instrument catalogues', () => {
  it('English is exactly what the definitions say (regenerate with englishCatalogue after a change)', () => {
    expect(en).toEqual(englishCatalogue(INSTRUMENTS.all()));
  });

  it('Chinese has a text for every item label and anchor, written in Chinese', () => {
    for (const def of INSTRUMENTS.all()) {
      expect(lookup(zh, `${defKey(def)}.name`)).toMatch(CJK);
      for (const item of def.items) {
        expect(lookup(zh, `${itemKey(def, item)}.label`), `${def.id} ${item.code}`).toMatch(CJK);
        for (const a of item.anchors) {
          const key = anchorKey(def, item, a.value);
          expect(lookup(zh, key), key).toMatch(CJK);
          expect(lookup(en, key), key).toBe(a.text);
        }
      }
    }
  });

  it('keeps per-side items and shared anchors once', () => {
    const mas = INSTRUMENTS.latest('ashworth');
    expect(sharesAnchors(mas)).toBe(true);
    const [left, right] = mas.items;
    if (!left || !right) throw new Error('no items');
    expect(itemKey(mas, left)).toBe(itemKey(mas, right));
    expect(anchorKey(mas, left, '1+')).toBe('ashworth_v1.anchors.1+');
    expect(lookup(zh, 'ashworth_v1.items.elbow-flexors.label')).toBe('屈肘肌');
    expect(lookup(zh, 'nihss_v1.items.5a.anchors.UN')).toBe('截肢或关节融合，请说明。');
    expect(sharesAnchors(INSTRUMENTS.latest('nihss'))).toBe(false);
  });
});
