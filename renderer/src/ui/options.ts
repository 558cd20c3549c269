// Choice lists for inquiry fields, labelled through i18next; country and language names from the browser's Intl
// (the pickers that search every code are in CodeComboField.tsx).
import type { TFunction } from 'i18next';
import {
  CHANNELS,
  CONDITIONS,
  DIAGNOSES,
  INQUIRY_STATUSES,
  RELATIONS,
  SEXES,
  SYMPTOMS,
  WEAKNESS_SIDES,
} from '../../../db/contract';
import type { Option } from './fields';
import { displayNames } from './intl';

export function countryName(code: string | null, locale: string): string {
  if (!code) return '';
  try {
    return displayNames([locale], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

export function languageName(code: string | null, locale: string): string {
  if (!code) return '';
  try {
    return displayNames([locale], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

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
