// The instrument registry: every definition by id and version, and the latest version for new assessments.
import { ASHWORTH_V1 } from './ashworth';
import { BARTHEL_V1 } from './barthel';
import { FAC_V1 } from './fac';
import { FUGL_MEYER_LE_V1 } from './fugl-meyer-le';
import { FUGL_MEYER_UE_V1 } from './fugl-meyer-ue';
import { HOUSE_BRACKMANN_V1 } from './house-brackmann';
import { IMPROVEMENT_V1 } from './improvement';
import { MRC_V1 } from './mrc';
import { MRS_V1 } from './mrs';
import { NIHSS_V1 } from './nihss';
import { BERG_V1 } from './berg';
import { SUNNYBROOK_V1 } from './sunnybrook';
import { INSTRUMENT_IDS, type InstrumentDef, type InstrumentId } from './types';

export * from './types';
export { anchorFor, ordinalRank, validateValues, valuesSchema } from './build';
export { anchorKey, defKey, englishCatalogue, itemKey, sharesAnchors } from './catalogue';

export interface InstrumentRegistry {
  /** The definition an assessment was scored with; undefined for an unknown id or version. */
  get(id: InstrumentId, version: number): InstrumentDef | undefined;
  /** The newest version: what a new assessment uses. */
  latest(id: InstrumentId): InstrumentDef;
  /** Every definition, in the order given (DOMAIN.md's order for the clinic's registry). */
  all(): readonly InstrumentDef[];
}

/**
 * Builds a registry. Versions are added, never replaced: a v2 of a scale is a new definition beside v1, so a stored
 * assessment looked up by (id, version) keeps its meaning.
 */
export function createRegistry(defs: readonly InstrumentDef[]): InstrumentRegistry {
  const byKey = new Map<string, InstrumentDef>();
  const latest = new Map<InstrumentId, InstrumentDef>();
  for (const d of defs) {
    const key = `${d.id}@${d.version}`;
    if (byKey.has(key)) throw new Error(`Instrument ${key} is defined twice`);
    byKey.set(key, d);
    const cur = latest.get(d.id);
    if (!cur || cur.version < d.version) latest.set(d.id, d);
  }
  return {
    get: (id, version) => byKey.get(`${id}@${version}`),
    latest: (id) => {
      const d = latest.get(id);
      if (!d) throw new Error(`No definition for instrument ${id}`);
      return d;
    },
    all: () => defs,
  };
}

/** The clinic's instruments, in the order DOMAIN.md lists them. */
export const INSTRUMENTS = createRegistry([
  NIHSS_V1,
  MRS_V1,
  BARTHEL_V1,
  FUGL_MEYER_UE_V1,
  FUGL_MEYER_LE_V1,
  ASHWORTH_V1,
  MRC_V1,
  BERG_V1,
  FAC_V1,
  HOUSE_BRACKMANN_V1,
  SUNNYBROOK_V1,
  IMPROVEMENT_V1,
]);

// Every id has a definition: a missing one fails on load, not on the first screen that asks.
for (const id of INSTRUMENT_IDS) INSTRUMENTS.latest(id);

/**
 * True when the change from baseline reaches the threshold in the better direction. The threshold is signed
 * (NIHSS −4: a fall of 4 or more; Barthel +10: a rise of 10 or more); reports pass the clinic's setting.
 */
export function isImproved(baseline: number, later: number, threshold: number): boolean {
  const change = later - baseline;
  return threshold < 0 ? change <= threshold : change >= threshold;
}

/** mRS-style "good outcome" band, when the instrument has one. */
export function isGoodOutcome(def: InstrumentDef, total: number): boolean | null {
  return def.goodOutcome ? total >= def.goodOutcome.min && total <= def.goodOutcome.max : null;
}

export {
  ASHWORTH_V1,
  BARTHEL_V1,
  BERG_V1,
  FAC_V1,
  FUGL_MEYER_LE_V1,
  FUGL_MEYER_UE_V1,
  HOUSE_BRACKMANN_V1,
  IMPROVEMENT_V1,
  MRC_V1,
  MRS_V1,
  NIHSS_V1,
  SUNNYBROOK_V1,
};
