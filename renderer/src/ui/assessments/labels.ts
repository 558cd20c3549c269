// Instrument and assessment words in the user's language: names, item labels, anchor texts, time points and states.
import type { TFunction } from 'i18next';
import {
  INSTRUMENTS,
  type InstrumentDef,
  type InstrumentRef,
  type ItemDef,
  type ItemValue,
  type TimePoint,
  type WindowState,
  anchorKey,
  defKey,
  itemKey,
} from '../../../../db/contract';
import { numberFormat } from '../intl';

/** The definition a stored assessment was scored with (definitions are only ever added, so it exists). */
export function definitionOf(ref: InstrumentRef): InstrumentDef {
  return INSTRUMENTS.get(ref.id, ref.version) ?? INSTRUMENTS.latest(ref.id);
}

export const instrumentName = (t: TFunction, def: InstrumentDef): string => t(`instruments:${defKey(def)}.name`);
export const instrumentShort = (t: TFunction, def: InstrumentDef): string => t(`instruments:${defKey(def)}.shortName`);

/** An item's short label; items taken per side share their group's label, and the side is added here. */
export function itemLabel(t: TFunction, def: InstrumentDef, item: ItemDef): string {
  const label = t(`instruments:${itemKey(def, item)}.label`);
  return item.group && item.side ? t('scores:withSide', { label, side: t(`scores:side.${item.side}`) }) : label;
}

export const subscoreLabel = (t: TFunction, def: InstrumentDef, code: string): string =>
  t(`instruments:${defKey(def)}.subscores.${code}`);

/** What the cell shows ("1+", "III", "UN", or the number) and the published anchor text behind it. */
export function valueText(t: TFunction, def: InstrumentDef, item: ItemDef, value: ItemValue) {
  const anchor = item.anchors.find((a) => a.value === value);
  return {
    shown: anchor?.label ?? String(value),
    anchor: anchor ? t(`instruments:${anchorKey(def, item, value)}`) : '',
  };
}

export const timePointName = (t: TFunction, p: TimePoint): string => t(`scores:timePoint.${p}`);
export const windowStateName = (t: TFunction, s: WindowState): string => t(`scores:state.${s}`);

/** "Better is lower" / "Better is higher". */
export const betterName = (t: TFunction, def: InstrumentDef): string => t(`scores:better.${def.better}`);

/** A number as the language writes it, with at most one decimal (Sunnybrook composites, Barthel halves never occur). */
export const formatScore = (n: number | null, locale: string): string =>
  n === null ? '—' : numberFormat(locale, { maximumFractionDigits: 1 }).format(n);
