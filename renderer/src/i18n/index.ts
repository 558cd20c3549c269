// i18next set-up: every string a person reads comes from these resources (English now, Simplified Chinese later).
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import accounts from './en/accounts.json';
import attachments from './en/attachments.json';
import auth from './en/auth.json';
import common from './en/common.json';
import errors from './en/errors.json';
import imports from './en/imports.json';
import inquiries from './en/inquiries.json';
import patients from './en/patients.json';
import settings from './en/settings.json';

export const resources = { en: { common, auth, errors, inquiries, accounts, attachments, imports, patients, settings } } as const;
export const namespaces = Object.keys(resources.en) as (keyof (typeof resources)['en'])[];

export async function initI18n(language = 'en'): Promise<typeof i18next> {
  if (!i18next.isInitialized) {
    await i18next.use(initReactI18next).init({
      resources,
      lng: language,
      fallbackLng: 'en',
      ns: namespaces,
      defaultNS: 'common',
      interpolation: { escapeValue: false },
      returnNull: false,
    });
  }
  return i18next;
}

export { i18next };
