// Field messages in the user's language: a contract or core message read back to its key under `validation:`.
import type { TFunction } from 'i18next';
import { VALIDATION_MESSAGES, type ValidationMessageKey } from '../../../db/contract';

/** Values that are always whole numbers; a number-only pattern keeps `{{min}} to {{max}}` off longer sentences. */
const NUMERIC = new Set(['min', 'max', 'row']);

interface Pattern {
  key: ValidationMessageKey;
  re: RegExp;
  names: string[];
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function compile(key: ValidationMessageKey, template: string): Pattern {
  const names: string[] = [];
  const source = template
    .split(/\{\{(\w+)\}\}/)
    .map((part, i) => {
      if (i % 2 === 0) return escapeRe(part);
      names.push(part);
      return NUMERIC.has(part) ? '(\\d+)' : '(.+?)';
    })
    .join('');
  return { key, re: new RegExp(`^${source}$`), names };
}

// Fixed sentences first, so one that happens to contain numbers is never read as a template with values.
const PATTERNS: Pattern[] = (Object.entries(VALIDATION_MESSAGES) as [ValidationMessageKey, string][])
  .map(([key, template]) => compile(key, template))
  .sort((a, b) => a.names.length - b.names.length);

/** The key and values behind an English field message; null for a message the list does not know. */
export function readValidationMessage(
  message: string,
): { key: ValidationMessageKey; values: Record<string, string> } | null {
  for (const p of PATTERNS) {
    const m = p.re.exec(message);
    if (!m) continue;
    const values: Record<string, string> = {};
    p.names.forEach((name, i) => {
      values[name] = m[i + 1] ?? '';
    });
    return { key: p.key, values };
  }
  return null;
}

/** A field message in the user's language; an unknown one is shown as the core wrote it rather than guessed at. */
export function fieldMessage(t: TFunction, message: string): string {
  const known = readValidationMessage(message);
  return known ? t(`validation:${known.key}`, known.values) : message;
}

export function fieldMessages(t: TFunction, errors: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, message] of Object.entries(errors)) out[path] = fieldMessage(t, message);
  return out;
}
