// Searching country and language codes by name in the UI language, by English name and by code, for the pickers.
import { COUNTRY_CODES, LANGUAGE_CODES } from '../../../db/contract';
import { collator as cachedCollator, displayNames } from './intl';

export type CodeKind = 'region' | 'language';

export interface CodeOption {
  value: string;
  /** The name in the UI language: what the list and the input show. */
  label: string;
  /** Folded forms the search compares against: the UI name, the English name and the code. */
  keys: readonly string[];
}

/** Lower case without accents, so "cote" finds Côte d'Ivoire and "ARM" finds Armenia. */
export const fold = (s: string): string =>
  s.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('en').replace(/[’'`]/g, "'").trim();

function displayName(kind: CodeKind, code: string, locale: string): string {
  try {
    return displayNames([locale], { type: kind }).of(code) ?? code;
  } catch {
    return code;
  }
}

const cache = new Map<string, CodeOption[]>();

/** Every code of one kind, named in `locale` and sorted by that name the way that language sorts. */
export function codeOptions(kind: CodeKind, locale: string): CodeOption[] {
  const id = `${kind}:${locale}`;
  const hit = cache.get(id);
  if (hit) return hit;
  const codes: readonly string[] = kind === 'region' ? COUNTRY_CODES : LANGUAGE_CODES;
  const collator = cachedCollator(locale);
  const options = codes
    .map((value) => {
      const label = displayName(kind, value, locale);
      const english = displayName(kind, value, 'en');
      return { value, label, keys: [...new Set([fold(label), fold(english), value.toLowerCase()])] };
    })
    .sort((a, b) => collator.compare(a.label, b.label));
  cache.set(id, options);
  return options;
}

/** Latin words are matched from their start ("arm" is Armenia, not Farm); CJK names, written without spaces, anywhere. */
export function matchesCode(option: CodeOption, query: string): boolean {
  const q = fold(query);
  if (q === '') return true;
  if (option.value.toLowerCase() === q) return true;
  const anywhere = /[^\p{Script=Latin}\p{Script=Common}]/u.test(q);
  return option.keys.some((k) =>
    anywhere ? k.includes(q) : k.startsWith(q) || k.split(/[\s\-(),'.]+/).some((w) => w.startsWith(q)),
  );
}

export const searchCodes = (kind: CodeKind, locale: string, query: string): CodeOption[] =>
  codeOptions(kind, locale).filter((o) => matchesCode(o, query));
