// The intake form's fields as an edit conflict names them: labels and option words in the form's order.
import type { TFunction } from 'i18next';
import type { ConflictField } from '../../ui/conflict';
import {
  channelOptions,
  conditionOptions,
  countryName,
  diagnosisOptions,
  languageName,
  relationOptions,
  sexOptions,
  symptomOptions,
  weaknessSideOptions,
} from '../../ui/options';
import type { InquiryFormValues } from './inquiry-form-model';

type Option = { value: string; label: string };

/** `t` is the inquiries namespace's; `staff` the owner choices the form offers. */
export function inquiryConflictFields(
  t: TFunction,
  locale: string,
  staff: readonly Option[],
): ConflictField<InquiryFormValues>[] {
  return [
    { key: 'receivedAt', label: t('inquiries:form.receivedAt') },
    { key: 'channel', label: t('inquiries:form.channel'), options: channelOptions(t) },
    { key: 'contactName', label: t('inquiries:form.contactName') },
    { key: 'contactRelation', label: t('inquiries:form.contactRelation'), options: relationOptions(t) },
    { key: 'contactEmail', label: t('inquiries:form.contactEmail') },
    { key: 'contactPhone', label: t('inquiries:form.contactPhone') },
    { key: 'messagingHandle', label: t('inquiries:form.messagingHandle') },
    { key: 'country', label: t('inquiries:form.country'), format: (c) => countryName(c, locale) },
    { key: 'preferredLanguage', label: t('inquiries:form.preferredLanguage'), format: (c) => languageName(c, locale) },
    { key: 'patientName', label: t('inquiries:form.patientName') },
    { key: 'patientSex', label: t('inquiries:form.patientSex'), options: sexOptions(t) },
    { key: 'patientBirthDate', label: t('inquiries:form.patientBirthDate') },
    { key: 'patientAge', label: t('inquiries:form.patientAge') },
    { key: 'diagnosis', label: t('inquiries:form.diagnosis'), options: diagnosisOptions(t) },
    { key: 'strokeOnsetDate', label: t('inquiries:form.strokeOnsetDate') },
    { key: 'weaknessSide', label: t('inquiries:intake.weaknessSide'), options: weaknessSideOptions(t) },
    { key: 'symptoms', label: t('inquiries:form.symptoms'), options: symptomOptions(t) },
    { key: 'conditions', label: t('inquiries:form.conditions'), options: conditionOptions(t) },
    { key: 'conditionsOther', label: t('inquiries:form.conditionsOther') },
    { key: 'consentContact', label: t('inquiries:form.consentContact') },
    { key: 'consentDataProcessing', label: t('inquiries:form.consentDataProcessing') },
    { key: 'ownerId', label: t('inquiries:form.owner'), options: staff },
    { key: 'nextFollowUp', label: t('inquiries:form.nextFollowUp') },
    { key: 'message', label: t('inquiries:form.message') },
    { key: 'heardAbout', label: t('inquiries:form.heardAbout') },
  ];
}
