// Helpers that turn published anchor lists into definitions and score them: sums, subscores, completeness, checks.
import { z } from 'zod';
import {
  type Anchor,
  type InstrumentDef,
  type Range,
  type SubscoreDef,
  type ItemDef,
  type ItemIssue,
  type ItemValue,
  type ItemValues,
  type Score,
  UNTESTABLE,
} from './types';

/** Anchors numbered from `start` in the order given: `numbered(['No drift…', 'Drift…'])` → 0, 1. */
export function numbered(texts: readonly string[], start = 0): Anchor[] {
  return texts.map((text, i) => ({ value: start + i, points: start + i, text }));
}

/** Anchors with explicit values (Barthel's 0/5/10/15 weights), listed as [value, text]. */
export function weighted(pairs: readonly (readonly [number, string])[]): Anchor[] {
  return pairs.map(([value, text]) => ({ value, points: value, text }));
}

/** The published untestable anchor: recorded, never scored. */
export function untestable(text: string): Anchor {
  return { value: UNTESTABLE, points: null, text };
}

/** One item per muscle group and side, left then right. */
export function perSide(groups: readonly (readonly [string, string])[], itemAnchors: readonly Anchor[]): ItemDef[] {
  return groups.flatMap(([code, label]) =>
    (['left', 'right'] as const).map((side) => ({
      code: `${code}.${side}`,
      label: `${label}, ${side}`,
      side,
      group: { code, label },
      anchors: itemAnchors,
    })),
  );
}

export function anchorFor(item: ItemDef, value: ItemValue | undefined): Anchor | undefined {
  return value === undefined ? undefined : item.anchors.find((a) => a.value === value);
}

/** Position of a value along the item's scale (Ashworth 0, 1, 1+, 2, 3, 4 → 0–5), for comparing visits. */
export function ordinalRank(item: ItemDef, value: ItemValue): number | null {
  const i = item.anchors.findIndex((a) => a.value === value && a.value !== UNTESTABLE);
  return i < 0 ? null : i;
}

export function maxPoints(item: ItemDef): number {
  return Math.max(0, ...item.anchors.map((a) => a.points ?? 0));
}

export function minPoints(item: ItemDef): number {
  return Math.min(...item.anchors.map((a) => a.points ?? Infinity));
}

interface Tally {
  sum: number;
  missing: string[];
  untestable: string[];
}

/** Adds up the given items: a value outside the anchors counts as missing (validation reports it). */
function tally(items: readonly ItemDef[], values: ItemValues): Tally {
  const t: Tally = { sum: 0, missing: [], untestable: [] };
  for (const item of items) {
    const anchor = anchorFor(item, values[item.code]);
    if (!anchor) t.missing.push(item.code);
    else if (anchor.value === UNTESTABLE) t.untestable.push(item.code);
    else t.sum += anchor.points ?? 0;
  }
  return t;
}

/** A subscore is the sum of its items, multiplied where the publication weights it (Sunnybrook ×5, ×4). */
export interface SubscoreRule {
  readonly code: string;
  readonly items: readonly string[];
  readonly weight?: number;
}

function subscore(items: readonly ItemDef[], rule: SubscoreRule, values: ItemValues): number | null {
  const t = tally(
    items.filter((i) => rule.items.includes(i.code)),
    values,
  );
  return t.missing.length > 0 || t.untestable.length > 0 ? null : t.sum * (rule.weight ?? 1);
}

/**
 * The usual rule: the total is the sum of the items' points. Untestable items add nothing and make the total
 * incomplete; a missing item leaves no total yet.
 */
export function sumScorer(items: readonly ItemDef[], rules: readonly SubscoreRule[] = []) {
  return (values: ItemValues): Score => {
    const t = tally(items, values);
    const subscores: Record<string, number | null> = {};
    for (const r of rules) subscores[r.code] = subscore(items, r, values);
    return {
      sum: t.sum,
      total: t.missing.length === 0 ? t.sum : null,
      complete: t.missing.length === 0 && t.untestable.length === 0,
      missing: t.missing,
      untestable: t.untestable,
      subscores,
    };
  };
}

/** Instruments read item by item (Ashworth, MRC, improvement by domain): no total; complete when all are entered. */
export function profileScorer(items: readonly ItemDef[]) {
  return (values: ItemValues): Score => {
    const t = tally(items, values);
    return {
      sum: 0,
      total: null,
      complete: t.missing.length === 0 && t.untestable.length === 0,
      missing: t.missing,
      untestable: t.untestable,
      subscores: {},
    };
  };
}

/** Every value is one the item allows, and no unknown item is present; then the instrument's own rules. */
export function validateValues(def: InstrumentDef, values: ItemValues): ItemIssue[] {
  const issues: ItemIssue[] = [];
  const known = new Map(def.items.map((i) => [i.code, i]));
  for (const [code, value] of Object.entries(values)) {
    const item = known.get(code);
    if (!item) issues.push({ item: code, message: 'Unknown item' });
    else if (value !== undefined && !anchorFor(item, value)) issues.push({ item: code, message: 'Value not allowed' });
  }
  if (issues.length === 0 && def.check) issues.push(...def.check(values));
  return issues;
}

/** A zod schema admitting exactly the item values this definition allows (any subset of items, for drafts). */
export function valuesSchema(def: InstrumentDef) {
  const shape: Record<string, z.ZodOptional<z.ZodType<ItemValue>>> = {};
  for (const item of def.items) {
    const allowed = item.anchors.map((a) => a.value);
    shape[item.code] = z
      .custom<ItemValue>((v) => allowed.includes(v as ItemValue), { message: 'Choose one of the listed values' })
      .optional();
  }
  return z.strictObject(shape);
}

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object' && !Object.isFrozen(o)) {
    Object.freeze(o);
    for (const v of Object.values(o)) deepFreeze(v);
  }
  return o;
}

/**
 * Checks a definition once, when the module loads (unique codes and values, range equal to the items' bounds for a
 * summed total), and freezes it: a stored assessment's definition cannot be changed in place.
 */
export function defineInstrument(def: InstrumentDef, opts: { summed: boolean }): InstrumentDef {
  const where = `${def.id}@${def.version}`;
  const codes = new Set<string>();
  for (const item of def.items) {
    if (codes.has(item.code)) throw new Error(`${where}: duplicate item ${item.code}`);
    codes.add(item.code);
    const vals = new Set(item.anchors.map((a) => a.value));
    if (vals.size !== item.anchors.length) throw new Error(`${where}: duplicate value in ${item.code}`);
  }
  if (opts.summed) {
    const max = def.items.reduce((s, i) => s + maxPoints(i), 0);
    const min = def.items.reduce((s, i) => s + minPoints(i), 0);
    if (!def.range || def.range.max !== max || def.range.min !== min) {
      throw new Error(`${where}: range ${JSON.stringify(def.range)} is not the items' ${min}–${max}`);
    }
  }
  return deepFreeze(def);
}

type Common = Pick<InstrumentDef, 'id' | 'version' | 'name' | 'shortName' | 'source' | 'items' | 'better'>;

/** An instrument read item by item (Ashworth, MRC, improvement by domain): no total, no MCID, no LOINC. */
export function defineProfile(def: Common): InstrumentDef {
  const rest = { range: null, subscoreDefs: [], mcid: null, goodOutcome: null, loinc: null };
  return defineInstrument({ ...def, ...rest, score: profileScorer(def.items) }, { summed: false });
}

interface Summed extends Common {
  readonly range: Range;
  readonly mcid: number | null;
  readonly loinc: string | null;
  readonly goodOutcome?: Range;
  /** Each subscore sums the items whose section is its label. */
  readonly subscoreDefs?: readonly SubscoreDef[];
  readonly check?: InstrumentDef['check'];
}

/** The usual instrument: the total is the sum of the items' points, with subscores by section. */
export function defineSummed(def: Summed): InstrumentDef {
  const subscoreDefs = def.subscoreDefs ?? [];
  const rules = subscoreDefs.map((s) => ({
    code: s.code,
    items: def.items.filter((i) => i.section === s.label).map((i) => i.code),
  }));
  return defineInstrument(
    { ...def, goodOutcome: def.goodOutcome ?? null, subscoreDefs, score: sumScorer(def.items, rules) },
    { summed: true },
  );
}
