// Keyboard value picking on the assessment form: digits combine within the pause, "1+" and UN are reachable, and
// nothing outside an item's anchors can ever be picked.
import { describe, expect, it } from 'vitest';
import { ASHWORTH_V1, BARTHEL_V1, HOUSE_BRACKMANN_V1, type ItemDef, type ItemValue, NIHSS_V1 } from '../../db/contract';
import { numbered } from '../../db/contract/instruments/build';
import {
  COMBINE_MS,
  EMPTY_BUFFER,
  type KeyBuffer,
  isValueKey,
  pickValue,
} from '../../renderer/src/features/assessments/value-keys';

/** Types `keys` into `item`, `gap` ms apart, and returns every value picked along the way (undefined: none yet). */
function type(item: ItemDef, keys: string, gap = 100): (ItemValue | undefined)[] {
  let buffer: KeyBuffer = EMPTY_BUFFER;
  let now = 10_000;
  return [...keys].map((k) => {
    now += gap;
    const r = pickValue(item, buffer, k, now);
    buffer = r.buffer;
    return r.value;
  });
}

const itemOf = (def: { items: readonly ItemDef[] }, code: string): ItemDef => {
  const item = def.items.find((i) => i.code === code);
  if (!item) throw new Error(`no item ${code}`);
  return item;
};

const zeroToTen: ItemDef = { code: 'pain', label: 'Pain', anchors: numbered(Array.from({ length: 11 }, String)) };
const zeroToHundred: ItemDef = { code: 'vas', label: 'VAS', anchors: numbered(Array.from({ length: 101 }, String)) };

describe('pickValue', () => {
  it('picks a single digit on a 0–4 item and refuses one out of range', () => {
    const item = itemOf(NIHSS_V1, '5a');
    expect(type(item, '3')).toEqual([3]);
    expect(type(item, '7')).toEqual([undefined]);
    expect(type(item, '9')).toEqual([undefined]);
  });

  it('combines digits typed within the pause on a 0–10 item, and starts afresh after it', () => {
    expect(type(zeroToTen, '10')).toEqual([1, 10]);
    expect(type(zeroToTen, '10', COMBINE_MS + 1)).toEqual([1, 0]);
    // "1" then "5": 15 is not on the scale, so the 5 starts a new entry.
    expect(type(zeroToTen, '15')).toEqual([1, 5]);
  });

  it('reaches every value of a 0–100 item, including 100', () => {
    expect(type(zeroToHundred, '100').at(-1)).toBe(100);
    expect(type(zeroToHundred, '42').at(-1)).toBe(42);
    expect(type(zeroToHundred, '7')).toEqual([7]);
  });

  it('waits on a prefix of Barthel weights (1 → 10 or 15) and picks 5 at once', () => {
    const transfer = BARTHEL_V1.items.find((i) => i.anchors.some((a) => a.value === 15));
    if (!transfer) throw new Error('Barthel has a 0–15 item');
    expect(transfer.anchors.map((a) => a.value).sort((a, b) => Number(a) - Number(b))).toEqual([0, 5, 10, 15]);
    expect(type(transfer, '10')).toEqual([undefined, 10]);
    expect(type(transfer, '15')).toEqual([undefined, 15]);
    expect(type(transfer, '5')).toEqual([5]);
    // "1" waits; after the pause "1" then "0" are two entries, and 0 alone is a value.
    expect(type(transfer, '10', COMBINE_MS + 1)).toEqual([undefined, 0]);
  });

  it('reaches Ashworth 1+ as "1" then "+", and 1 alone stays 1', () => {
    const item = ASHWORTH_V1.items[0];
    if (!item) throw new Error('Ashworth has items');
    expect(type(item, '1+')).toEqual([1, '1+']);
    expect(type(item, '1')).toEqual([1]);
    expect(type(item, '1+', COMBINE_MS + 1)).toEqual([1, undefined]);
  });

  it('picks untestable with "u" where the item allows it, and never where it does not', () => {
    expect(type(itemOf(NIHSS_V1, '5a'), 'u')).toEqual(['UN']);
    expect(type(itemOf(NIHSS_V1, '1a'), 'u')).toEqual([undefined]);
  });

  it('picks House–Brackmann grades by number or roman numeral', () => {
    const item = HOUSE_BRACKMANN_V1.items[0];
    if (!item) throw new Error('House–Brackmann has an item');
    expect(type(item, '3')).toEqual([3]);
    expect(type(item, 'iii').at(-1)).toBe(3);
    expect(type(item, 'vi').at(-1)).toBe(6);
  });

  it('only ever answers one of the item’s own values, whatever is typed', () => {
    for (const item of [zeroToTen, ...NIHSS_V1.items, ...BARTHEL_V1.items, ASHWORTH_V1.items[0] ?? zeroToTen]) {
      const allowed = new Set<ItemValue>(item.anchors.map((a) => a.value));
      for (const keys of ['999', '0000', 'abc+', '1+2', '10101', 'u9', '+++', '55']) {
        for (const v of type(item, keys)) if (v !== undefined) expect(allowed.has(v)).toBe(true);
      }
    }
  });
});

describe('isValueKey', () => {
  it('takes single printable characters, not named keys', () => {
    expect(['1', '+', 'u', 'V'].every(isValueKey)).toBe(true);
    expect(['Enter', 'Tab', 'ArrowDown', ' ', '-'].some(isValueKey)).toBe(false);
  });
});
