// Instrument definitions as data: items, anchors, allowed values and pure scoring, shared by the core and the renderer.
import { z } from 'zod';

/** A stored item value: a number, or a published non-numeric code ("UN" untestable, Ashworth "1+", Sunnybrook words). */
export const ItemValue = z.union([z.number().int(), z.string().min(1).max(16)]);
export type ItemValue = z.infer<typeof ItemValue>;

/** Item code → value, as entered. A missing key is an item not yet entered. */
export type ItemValues = Readonly<Record<string, ItemValue | undefined>>;

/** The published "untestable" code: the item is recorded but gives no points. */
export const UNTESTABLE = 'UN';

/** One allowed value and its published wording. */
export interface Anchor {
  /** What is stored. */
  readonly value: ItemValue;
  /** What the form shows beside the text ("1+", "III", "UN"); defaults to the value. */
  readonly label?: string;
  /** Points toward the total; null when the value scores nothing (untestable, Ashworth 1+: no arithmetic). */
  readonly points: number | null;
  /** The full published anchor text. */
  readonly text: string;
}

export interface ItemDef {
  /** Stable within the instrument and across its versions where the meaning is unchanged. */
  readonly code: string;
  readonly label: string;
  /** Subscale or section the item belongs to (Fugl-Meyer A–F, Sunnybrook parts). */
  readonly section?: string;
  /** Body side, for items taken per side (NIHSS motor, Ashworth, MRC). */
  readonly side?: 'left' | 'right';
  /** For items taken per side: the muscle group both sides share (its label has no side). */
  readonly group?: { readonly code: string; readonly label: string };
  /** Instructions printed with the item, where the publication gives them. */
  readonly hint?: string;
  /** Allowed values in the publication's order, best-to-worst or worst-to-best as printed. */
  readonly anchors: readonly Anchor[];
  /** The untestable value needs a written reason (NIHSS "UN = amputation or joint fusion, explain"). */
  readonly untestableNeedsNote?: boolean;
}

export type Direction = 'lower' | 'higher';

export interface Range {
  readonly min: number;
  readonly max: number;
}

export interface SubscoreDef {
  readonly code: string;
  readonly label: string;
  readonly range: Range;
}

/** What scoring found. `sum` is the running total for the form; `total` is the instrument's result. */
export interface Score {
  /** Points of the items entered so far (a running total while typing); 0 for instruments without a total. */
  readonly sum: number;
  /** The total once every item has a value (numeric or untestable); null while items are missing or with no total. */
  readonly total: number | null;
  /** Every item has a value that scores: the total is comparable with another complete total. */
  readonly complete: boolean;
  /** Items without a value. */
  readonly missing: readonly string[];
  /** Items scored untestable: left out of the total, which is then incomplete. */
  readonly untestable: readonly string[];
  /** Subscores by code; null while one of their items is missing or untestable. */
  readonly subscores: Readonly<Record<string, number | null>>;
}

export interface Source {
  /** The publication the items, anchors and scoring follow. */
  readonly citation: string;
  /** Notes on where this definition departs from or interprets the publication. */
  readonly notes?: string;
}

export interface InstrumentDef {
  readonly id: InstrumentId;
  /** Definitions are versioned: a stored assessment keeps the version it was scored with. */
  readonly version: number;
  readonly name: string;
  readonly shortName: string;
  readonly source: Source;
  readonly items: readonly ItemDef[];
  /** Range of the total; null for instruments read item by item (Ashworth, MRC, improvement by domain). */
  readonly range: Range | null;
  readonly subscoreDefs: readonly SubscoreDef[];
  /** Which way is better, for the total or (with no total) for each item. */
  readonly better: Direction;
  /** Default minimal clinically important difference (signed: −4 means a fall of 4 or more); a setting. */
  readonly mcid: number | null;
  /** Totals counted as a good outcome (mRS 0–2). */
  readonly goodOutcome: Range | null;
  /** LOINC code of the total, only where the code is known for certain; null otherwise. */
  readonly loinc: string | null;
  /** Pure: the total and subscores over an item → value map. */
  readonly score: (values: ItemValues) => Score;
  /** Cross-item rules of the publication (e.g. Fugl-Meyer "normal reflex activity" only after full part IV). */
  readonly check?: (values: ItemValues) => readonly ItemIssue[];
}

export interface ItemIssue {
  readonly item: string;
  readonly message: string;
}

export const INSTRUMENT_IDS = [
  'nihss',
  'mrs',
  'barthel',
  'fm-ue',
  'fm-le',
  'ashworth',
  'mrc',
  'berg',
  'fac',
  'house-brackmann',
  'sunnybrook',
  'improvement',
] as const;
export const InstrumentId = z.enum(INSTRUMENT_IDS);
export type InstrumentId = z.infer<typeof InstrumentId>;

/** Which definition an assessment was scored with. */
export const InstrumentRef = z.object({ id: InstrumentId, version: z.number().int().positive() });
export type InstrumentRef = z.infer<typeof InstrumentRef>;
