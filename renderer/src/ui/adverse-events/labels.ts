// Adverse-event words in the user's language: the event's name, its grade with the CTCAE meaning, the procedure it
// followed ("Transplant #1 — 2026-11-02, lumbar puncture"), and the option lists of the forms.
import type { TFunction } from 'i18next';
import {
  AE_CATEGORIES,
  AE_OPEN_OUTCOMES,
  AE_RELATEDNESS,
  AE_RESOLVED_OUTCOMES,
  type AdverseEvent,
  type AdverseEventStatus,
  type AeCategory,
  type AeOutcome,
  type AeProcedure,
  type AeRelatedness,
} from '../../../../db/contract';
import { dayOf, formatDay } from '../format';
import { procedureTypeName } from '../procedure-labels';

export const categoryName = (t: TFunction, category: AeCategory): string => t(`adverseEvents:category.${category}`);

/** The category, or for "other" what the doctor wrote. */
export const eventName = (t: TFunction, e: Pick<AdverseEvent, 'category' | 'categoryOther'>): string =>
  e.category === 'other' && e.categoryOther ? e.categoryOther : categoryName(t, e.category);

export const gradeShort = (t: TFunction, grade: number): string => t('adverseEvents:gradeShort', { grade });
export const gradeName = (t: TFunction, grade: number): string => t(`adverseEvents:gradeName.${grade}`);
export const gradeMeaning = (t: TFunction, grade: number): string => t(`adverseEvents:gradeMeaning.${grade}`);
export const statusName = (t: TFunction, status: AdverseEventStatus): string => t(`adverseEvents:status.${status}`);
export const relatednessName = (t: TFunction, r: AeRelatedness): string => t(`adverseEvents:relatedness.${r}`);
export const outcomeName = (t: TFunction, outcome: AeOutcome): string => t(`adverseEvents:outcome.${outcome}`);

export function procedureLabel(t: TFunction, locale: string, p: Omit<AeProcedure, 'id' | 'courseId'>): string {
  const day = formatDay(dayOf(p.startsAt), locale);
  const type = procedureTypeName(t, p);
  return p.sequence === null
    ? t('adverseEvents:procedureUnnumbered', { day, type })
    : t('adverseEvents:procedureLabel', { number: p.sequence, day, type });
}

const options = <V extends string>(t: TFunction, values: readonly V[], prefix: string) =>
  values.map((value) => ({ value, label: t(`adverseEvents:${prefix}.${value}`) }));

export const categoryOptions = (t: TFunction) => options(t, AE_CATEGORIES, 'category');
export const relatednessOptions = (t: TFunction) => options(t, AE_RELATEDNESS, 'relatedness');
export const openOutcomeOptions = (t: TFunction) => options(t, AE_OPEN_OUTCOMES, 'outcome');
export const resolvedOutcomeOptions = (t: TFunction) => options(t, AE_RESOLVED_OUTCOMES, 'outcome');
