// An instrument's wording in the reader's language, from the `instruments` catalogue (generated from the definitions,
// which stay the fallback): names, item labels with their side, hints and each anchor's full text.
import type { TFunction } from 'i18next';
import { type Anchor, type InstrumentDef, type ItemDef, anchorKey, defKey, itemKey } from '../../../../db/contract';

export const instrumentName = (t: TFunction, def: InstrumentDef): string =>
  t(`instruments:${defKey(def)}.name`, { defaultValue: def.name });

export const instrumentShortName = (t: TFunction, def: InstrumentDef): string =>
  t(`instruments:${defKey(def)}.shortName`, { defaultValue: def.shortName });

/** Items taken per side share their group's label; the side is added here ("Elbow flexors, left"). */
export function itemLabel(t: TFunction, def: InstrumentDef, item: ItemDef): string {
  const label = t(`instruments:${itemKey(def, item)}.label`, { defaultValue: item.group?.label ?? item.label });
  return item.group && item.side ? t('assessments:entry.withSide', { label, side: sideName(t, item.side) }) : label;
}

const sideName = (t: TFunction, side: 'left' | 'right') =>
  side === 'left' ? t('assessments:side.left') : t('assessments:side.right');

export const itemHint = (t: TFunction, def: InstrumentDef, item: ItemDef): string | null =>
  item.hint ? t(`instruments:${itemKey(def, item)}.hint`, { defaultValue: item.hint }) : null;

export const anchorText = (t: TFunction, def: InstrumentDef, item: ItemDef, anchor: Anchor): string =>
  t(`instruments:${anchorKey(def, item, anchor.value)}`, { defaultValue: anchor.text });

/**
 * The short tag shown before an item and in the missing list: the published item number where the scale numbers its
 * items that way (NIHSS "1a", "5b"), else the item's position; never an internal code like "shoulder-adductors.left".
 */
export function itemTag(def: InstrumentDef, code: string): string {
  if (/^\d+[a-z]?$/.test(code)) return code;
  return String(def.items.findIndex((i) => i.code === code) + 1);
}

export const subscoreLabel = (t: TFunction, def: InstrumentDef, code: string, fallback: string): string =>
  t(`instruments:${defKey(def)}.subscores.${code}`, { defaultValue: fallback });

/** What the form shows beside the anchor's text: the published label ("1+", "III", "UN") or the value. */
export const anchorLabel = (anchor: Anchor): string => anchor.label ?? String(anchor.value);
