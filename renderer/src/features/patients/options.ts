// Choice lists for patient fields, labelled through i18next (shared enums reuse the inquiry labels).
import type { TFunction } from 'i18next';
import { LESION_SIDES } from '../../../../db/contract';
import type { Option } from '../../ui/fields';
import { languageName } from '../../ui/options';

export const lesionSideOptions = (t: TFunction): Option<(typeof LESION_SIDES)[number]>[] =>
  LESION_SIDES.map((v) => ({ value: v, label: t(`patients:lesionSide.${v}`) }));

/** ECOG 0–5 and ASA I–VI, with the short meaning a desk needs to pick the right one. */
export const ecogOptions = (t: TFunction): Option<string>[] =>
  ['0', '1', '2', '3', '4', '5'].map((v) => ({ value: v, label: t(`patients:ecogLevel.${v}`) }));
export const asaOptions = (t: TFunction): Option<string>[] =>
  ['1', '2', '3', '4', '5', '6'].map((v) => ({ value: v, label: t(`patients:asaLevel.${v}`) }));

/** The languages families most often speak here, plus any already chosen. */
const COMMON_LANGUAGES = ['zh', 'en', 'ru', 'ar', 'kk', 'mn', 'de', 'fr', 'es', 'vi', 'ko', 'ja'];
export const spokenLanguageOptions = (chosen: readonly string[], locale: string): Option<string>[] =>
  [...new Set([...COMMON_LANGUAGES, ...chosen])].map((c) => ({ value: c, label: languageName(c, locale) }));
