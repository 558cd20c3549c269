// Choice lists for inquiry fields, labelled through i18next; countries and languages named by the browser's Intl.
import type { TFunction } from 'i18next';
import {
  CHANNELS, CONDITIONS, DIAGNOSES, INQUIRY_STATUSES, RELATIONS, SEXES, SYMPTOMS, WEAKNESS_SIDES,
} from '../../../db/contract';
import type { Option } from './fields';

/** Countries patients come from most, then the rest of the common ones; ISO 3166-1 alpha-2. */
export const COUNTRY_CODES = [
  'CN', 'RU', 'KZ', 'MN', 'US', 'GB', 'DE', 'AE', 'SA', 'IL', 'AU', 'CA', 'VN', 'ID', 'MY', 'TH', 'IN', 'PK', 'UA', 'FR',
  'IT', 'ES', 'BR', 'NG', 'EG', 'AR', 'AT', 'AZ', 'BD', 'BE', 'BY', 'CH', 'CL', 'CZ', 'DK', 'FI', 'GE', 'GR', 'HK', 'HU',
  'IE', 'IQ', 'IR', 'JO', 'JP', 'KG', 'KR', 'KW', 'LB', 'MO', 'MX', 'NL', 'NO', 'NZ', 'OM', 'PH', 'PL', 'PT', 'QA', 'RO',
  'RS', 'SE', 'SG', 'TJ', 'TM', 'TR', 'TW', 'UZ', 'ZA',
] as const;

/** ISO 639-1 codes of the languages families write in. */
export const LANGUAGE_CODES = [
  'zh', 'en', 'ru', 'ar', 'kk', 'mn', 'de', 'fr', 'es', 'pt', 'it', 'he', 'vi', 'id', 'ms', 'th', 'hi', 'ur', 'uk', 'tr',
  'fa', 'ja', 'ko', 'pl', 'nl', 'uz', 'ky', 'tg', 'bn', 'el', 'ro', 'hu', 'cs', 'sv',
] as const;

const byLabel = <V extends string>(a: Option<V>, b: Option<V>) => a.label.localeCompare(b.label);

export function countryName(code: string | null, locale: string): string {
  if (!code) return '';
  try {
    return new Intl.DisplayNames([locale], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

export function languageName(code: string | null, locale: string): string {
  if (!code) return '';
  try {
    return new Intl.DisplayNames([locale], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

export const countryOptions = (locale: string): Option<string>[] =>
  COUNTRY_CODES.map((c) => ({ value: c, label: countryName(c, locale) })).sort(byLabel);

export const languageOptions = (locale: string): Option<string>[] =>
  LANGUAGE_CODES.map((c) => ({ value: c, label: languageName(c, locale) })).sort(byLabel);

const enumOptions = <V extends string>(values: readonly V[], t: TFunction, prefix: string): Option<V>[] =>
  values.map((v) => ({ value: v, label: t(`inquiries:${prefix}.${v}`) }));

export const statusOptions = (t: TFunction) => enumOptions(INQUIRY_STATUSES, t, 'status');
export const channelOptions = (t: TFunction) => enumOptions(CHANNELS, t, 'channel');
export const relationOptions = (t: TFunction) => enumOptions(RELATIONS, t, 'relation');
export const sexOptions = (t: TFunction) => enumOptions(SEXES, t, 'sex');
export const diagnosisOptions = (t: TFunction) => enumOptions(DIAGNOSES, t, 'diagnosis');
export const symptomOptions = (t: TFunction) => enumOptions(SYMPTOMS, t, 'symptom');
export const conditionOptions = (t: TFunction) => enumOptions(CONDITIONS, t, 'condition');
export const weaknessSideOptions = (t: TFunction) => enumOptions(WEAKNESS_SIDES, t, 'weaknessSide');
