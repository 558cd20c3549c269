// Words for treatment records: procedure types by code (else their stored name), routes, consent types, dose units.
import type { TFunction } from 'i18next';
import { CONSENT_TYPES, DOSE_UNITS, ROUTES } from '../../../../db/contract';
import type { Option } from '../fields';

/** A seeded type is named in the user's language by its code; a type an admin added keeps the name it was given. */
export const typeName = (t: TFunction, p: { typeCode: string | null; typeName: string }): string =>
  p.typeCode === null ? p.typeName : t(`procedures:type.${p.typeCode}`, { defaultValue: p.typeName });

export const routeOptions = (t: TFunction): Option<(typeof ROUTES)[number]>[] =>
  ROUTES.map((r) => ({ value: r, label: t(`procedures:route.${r}`) }));

export const consentTypeOptions = (t: TFunction): Option<(typeof CONSENT_TYPES)[number]>[] =>
  CONSENT_TYPES.map((c) => ({ value: c, label: t(`courses:consentType.${c}`) }));

export const doseUnitOptions = (t: TFunction): Option<(typeof DOSE_UNITS)[number]>[] =>
  DOSE_UNITS.map((u) => ({ value: u, label: t(`procedures:doseUnit.${u}`) }));

