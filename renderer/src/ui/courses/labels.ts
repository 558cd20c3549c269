// Words for treatment records: procedure types by code (else their stored name), routes, consent types, dose units.
import type { TFunction } from 'i18next';
import { CONSENT_TYPES, type ConsentType, DOSE_UNITS, ROUTES, type Route } from '../../../../db/contract';
import type { Option } from '../fields';

/** A seeded type is named in the user's language by its code; a type an admin added keeps the name it was given. */
export const typeName = (t: TFunction, p: { typeCode: string | null; typeName: string }): string =>
  p.typeCode === null ? p.typeName : t(`procedures:type.${p.typeCode}`, { defaultValue: p.typeName });

export const routeLabel = (t: TFunction, r: Route): string => t(`procedures:route.${r}`);
export const consentLabel = (t: TFunction, c: ConsentType): string => t(`courses:consentType.${c}`);

export const routeOptions = (t: TFunction): Option<Route>[] =>
  ROUTES.map((r) => ({ value: r, label: routeLabel(t, r) }));

export const consentTypeOptions = (t: TFunction): Option<ConsentType>[] =>
  CONSENT_TYPES.map((c) => ({ value: c, label: consentLabel(t, c) }));

export const doseUnitOptions = (t: TFunction): Option<(typeof DOSE_UNITS)[number]>[] =>
  DOSE_UNITS.map((u) => ({ value: u, label: t(`procedures:doseUnit.${u}`) }));
