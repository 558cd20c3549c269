// Shared checks for the instrument tests: structure against the publication, and filling every item at once.
import { expect } from 'vitest';
import {
  type InstrumentDef,
  type ItemValue,
  type ItemValues,
  UNTESTABLE,
  validateValues,
  valuesSchema,
} from '../../../db/contract/instruments';

/** Every item's allowed values, untestable excluded: what the published form lists. */
export function scoredValues(def: InstrumentDef): Record<string, ItemValue[]> {
  return Object.fromEntries(
    def.items.map((i) => [i.code, i.anchors.filter((a) => a.value !== UNTESTABLE).map((a) => a.value)]),
  );
}

/** The same value (or the item's best/worst by points) for every item. */
export function fill(def: InstrumentDef, pick: 'max' | 'min'): Record<string, ItemValue> {
  return Object.fromEntries(
    def.items.map((i) => {
      const scored = i.anchors.filter((a) => a.points !== null);
      const sorted = [...scored].sort((a, b) => (a.points ?? 0) - (b.points ?? 0));
      const a = pick === 'max' ? sorted[sorted.length - 1] : sorted[0];
      if (!a) throw new Error(`${i.code} has no scored anchor`);
      return [i.code, a.value];
    }),
  );
}

/** Builds a value map from item codes in the definition's order. */
export function byOrder(def: InstrumentDef, values: readonly ItemValue[]): Record<string, ItemValue> {
  expect(values).toHaveLength(def.items.length);
  return Object.fromEntries(def.items.map((i, n) => [i.code, values[n] as ItemValue]));
}

/** A valid complete assessment: no issues, the schema accepts it. */
export function expectValid(def: InstrumentDef, values: ItemValues) {
  expect(validateValues(def, values)).toEqual([]);
  expect(valuesSchema(def).safeParse(values).success).toBe(true);
}

/** A value the item does not allow: validation names the item and the schema refuses it. */
export function expectRejected(def: InstrumentDef, item: string, value: ItemValue) {
  const values = { [item]: value };
  expect(validateValues(def, values)).toEqual([{ item, message: 'Value not allowed' }]);
  expect(valuesSchema(def).safeParse(values).success).toBe(false);
}
