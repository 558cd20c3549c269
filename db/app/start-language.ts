// The language the desktop app starts Chromium in (its native date/time inputs follow it): the last one an account chose.
import fs from 'node:fs';
import path from 'node:path';
import { Language } from '../contract';

/**
 * A one-word file in the data folder. Not the database: the shell must read it before Electron is ready, before the
 * records are opened, and it holds no patient data (only "en" or "zh-CN").
 */
export const START_LANGUAGE_FILE = 'ui-language';

/** The language last remembered in `dataDir`, or null (none yet, or a file this version does not know). */
export function readStartLanguage(dataDir: string): Language | null {
  try {
    const parsed = Language.safeParse(fs.readFileSync(path.join(dataDir, START_LANGUAGE_FILE), 'utf8').trim());
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The account's language as an answer carries it: a sign-in or a change of language, when one was chosen. */
export function chosenLanguage(method: string, envelope: { ok: boolean; value?: unknown }): Language | null {
  if (!envelope.ok || (method !== 'auth.signIn' && method !== 'auth.setLanguage')) return null;
  const value = envelope.value;
  if (typeof value !== 'object' || value === null || !('language' in value)) return null;
  const parsed = Language.safeParse(value.language);
  return parsed.success ? parsed.data : null;
}

/**
 * Keeps the language of a sign-in or a change of language for the next start. Best effort: a read-only folder only
 * means the next start's date inputs follow the system's language, so a failure is not the caller's problem.
 */
export function rememberStartLanguage(dataDir: string, method: string, envelope: { ok: boolean; value?: unknown }) {
  const language = chosenLanguage(method, envelope);
  if (language === null || language === readStartLanguage(dataDir)) return;
  try {
    fs.writeFileSync(path.join(dataDir, START_LANGUAGE_FILE), `${language}\n`, { mode: 0o600 });
  } catch {
    // Next start uses the system's language; nothing else depends on it.
  }
}
