// i18next set-up: every string a person reads comes from these resources, in English and in Simplified Chinese.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LANGUAGES, type Language } from '../../../db/contract';
import accounts from './en/accounts.json';
import adverseEvents from './en/adverseEvents.json';
import assessments from './en/assessments.json';
import audit from './en/audit.json';
import backups from './en/backups.json';
import attachments from './en/attachments.json';
import auth from './en/auth.json';
import calendar from './en/calendar.json';
import clinicNumbers from './en/clinicNumbers.json';
import common from './en/common.json';
import courses from './en/courses.json';
import errors from './en/errors.json';
import exportsNs from './en/exports.json';
import followUps from './en/followUps.json';
import imports from './en/imports.json';
import inquiries from './en/inquiries.json';
import instruments from './en/instruments.json';
import outcomes from './en/outcomes.json';
import patients from './en/patients.json';
import printouts from './en/printouts.json';
import procedures from './en/procedures.json';
import scores from './en/scores.json';
import settings from './en/settings.json';
import validation from './en/validation.json';
import zhAccounts from './zh-CN/accounts.json';
import zhAdverseEvents from './zh-CN/adverseEvents.json';
import zhAssessments from './zh-CN/assessments.json';
import zhAudit from './zh-CN/audit.json';
import zhBackups from './zh-CN/backups.json';
import zhAttachments from './zh-CN/attachments.json';
import zhAuth from './zh-CN/auth.json';
import zhCalendar from './zh-CN/calendar.json';
import zhClinicNumbers from './zh-CN/clinicNumbers.json';
import zhCommon from './zh-CN/common.json';
import zhCourses from './zh-CN/courses.json';
import zhErrors from './zh-CN/errors.json';
import zhExports from './zh-CN/exports.json';
import zhFollowUps from './zh-CN/followUps.json';
import zhImports from './zh-CN/imports.json';
import zhInquiries from './zh-CN/inquiries.json';
import zhInstruments from './zh-CN/instruments.json';
import zhOutcomes from './zh-CN/outcomes.json';
import zhPatients from './zh-CN/patients.json';
import zhPrintouts from './zh-CN/printouts.json';
import zhProcedures from './zh-CN/procedures.json';
import zhScores from './zh-CN/scores.json';
import zhSettings from './zh-CN/settings.json';
import zhValidation from './zh-CN/validation.json';

export const resources = {
  en: {
    common,
    auth,
    errors,
    inquiries,
    accounts,
    backups,
    audit,
    attachments,
    imports,
    patients,
    settings,
    validation,
    courses,
    calendar,
    procedures,
    instruments,
    adverseEvents,
    scores,
    assessments,
    followUps,
    clinicNumbers,
    printouts,
    outcomes,
    exports: exportsNs,
  },
  'zh-CN': {
    common: zhCommon,
    auth: zhAuth,
    errors: zhErrors,
    inquiries: zhInquiries,
    accounts: zhAccounts,
    backups: zhBackups,
    audit: zhAudit,
    attachments: zhAttachments,
    imports: zhImports,
    patients: zhPatients,
    settings: zhSettings,
    validation: zhValidation,
    courses: zhCourses,
    calendar: zhCalendar,
    procedures: zhProcedures,
    instruments: zhInstruments,
    adverseEvents: zhAdverseEvents,
    scores: zhScores,
    assessments: zhAssessments,
    followUps: zhFollowUps,
    clinicNumbers: zhClinicNumbers,
    printouts: zhPrintouts,
    outcomes: zhOutcomes,
    exports: zhExports,
  },
} as const;
export const namespaces = Object.keys(resources.en) as (keyof (typeof resources)['en'])[];

/** Each language named in itself, so a person who cannot read the current one still finds their own. */
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', 'zh-CN': '中文' };

export const isLanguage = (value: unknown): value is Language => LANGUAGES.some((l) => l === value);

/** The sign-in screen's choice on this computer; after sign-in the account's own choice wins. */
const SIGN_IN_LANGUAGE_KEY = 'strokedesk.signInLanguage';

export function signInLanguage(): Language {
  try {
    const stored = globalThis.localStorage?.getItem(SIGN_IN_LANGUAGE_KEY);
    return isLanguage(stored) ? stored : 'en';
  } catch {
    return 'en'; // storage can be switched off; English is then the start
  }
}

export function rememberSignInLanguage(language: Language): void {
  try {
    globalThis.localStorage?.setItem(SIGN_IN_LANGUAGE_KEY, language);
  } catch {
    // not remembered: the screen still switches
  }
}

/** Switches every screen, and `<html lang>` so fonts, screen readers and line breaking follow. */
export async function applyLanguage(language: Language): Promise<void> {
  if (typeof document !== 'undefined') document.documentElement.lang = language;
  if (i18next.language !== language) await i18next.changeLanguage(language);
}

export async function initI18n(language: Language = signInLanguage()): Promise<typeof i18next> {
  if (!i18next.isInitialized) {
    await i18next.use(initReactI18next).init({
      resources,
      lng: language,
      fallbackLng: 'en',
      supportedLngs: [...LANGUAGES],
      ns: namespaces,
      defaultNS: 'common',
      interpolation: { escapeValue: false },
      returnNull: false,
    });
  }
  if (typeof document !== 'undefined') document.documentElement.lang = i18next.language;
  return i18next;
}

export { i18next };
