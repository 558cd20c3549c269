// The patient form's fields as an edit conflict names them: labels and option words in the form's order.
import type { TFunction } from 'i18next';
import type { ConflictField } from '../../ui/conflict';
import {
  conditionOptions,
  countryName,
  diagnosisOptions,
  languageName,
  sexOptions,
  weaknessSideOptions,
} from '../../ui/options';
import { asaOptions, ecogOptions, lesionSideOptions } from './options';
import type { PatientFormValues } from './patient-form-model';

/** `t` is the patients namespace's, as the form's own. */
export function patientConflictFields(t: TFunction, locale: string): ConflictField<PatientFormValues>[] {
  return [
    { key: 'familyName', label: t('patients:form.familyName') },
    { key: 'givenName', label: t('patients:form.givenName') },
    { key: 'nativeName', label: t('patients:form.nativeName') },
    { key: 'sex', label: t('patients:form.sex'), options: sexOptions(t) },
    { key: 'birthDate', label: t('patients:form.birthDate') },
    { key: 'nationality', label: t('patients:form.nationality'), format: (c) => countryName(c, locale) },
    { key: 'passportNumber', label: t('patients:form.passportNumber') },
    { key: 'languages', label: t('patients:form.languages'), format: (c) => languageName(c, locale) },
    { key: 'email', label: t('patients:form.email') },
    { key: 'phone', label: t('patients:form.phone') },
    { key: 'messagingHandle', label: t('patients:form.messagingHandle') },
    { key: 'address', label: t('patients:form.address') },
    { key: 'emergencyName', label: t('patients:form.emergencyName') },
    { key: 'emergencyRelation', label: t('patients:form.emergencyRelation') },
    { key: 'emergencyPhone', label: t('patients:form.emergencyPhone') },
    { key: 'strokeType', label: t('patients:form.strokeType'), options: diagnosisOptions(t) },
    { key: 'strokeOnsetDate', label: t('patients:form.strokeOnsetDate') },
    { key: 'weaknessSide', label: t('patients:form.weaknessSide'), options: weaknessSideOptions(t) },
    { key: 'lesionSide', label: t('patients:form.lesionSide'), options: lesionSideOptions(t) },
    { key: 'lesionSite', label: t('patients:form.lesionSite') },
    { key: 'priorTreatments', label: t('patients:form.priorTreatments') },
    { key: 'comorbidities', label: t('patients:form.comorbidities'), options: conditionOptions(t) },
    { key: 'comorbiditiesOther', label: t('patients:form.comorbiditiesOther') },
    { key: 'ecog', label: t('patients:form.ecog'), options: ecogOptions(t) },
    { key: 'asa', label: t('patients:form.asa'), options: asaOptions(t) },
    { key: 'healthNotes', label: t('patients:form.healthNotes') },
  ];
}
