// SQL functions the schema's triggers and views call; registered on every connection before it is migrated or used.
import type { Database } from 'better-sqlite3';

/** Scripts written without spaces (Chinese, Japanese, Korean), where a given name is often two characters. */
export const DENSE_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const DENSE_RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+/gu;
/** A private-use character pads one- and two-character pieces to the trigram index's three. */
export const GRAM_PAD = '\uE000';

/**
 * The trigram index cannot find a piece shorter than three characters, yet "小明" is a whole given name. For every run
 * of a dense script this lists each character and each pair of characters, padded to three: "王小明" gives
 * "王 小 明 王小 小明" with pads, so a one- or two-character search is an exact trigram match.
 */
export function denseGrams(text: string | null): string | null {
  if (!text) return null;
  const grams = new Set<string>();
  for (const run of text.match(DENSE_RUN) ?? []) {
    const chars = [...run];
    chars.forEach((c, i) => {
      grams.add(c + GRAM_PAD + GRAM_PAD);
      const next = chars[i + 1];
      if (next !== undefined) grams.add(c + next + GRAM_PAD);
    });
  }
  return grams.size === 0 ? null : [...grams].join(' ');
}

/** Lower case without diacritics, as the trigram index folds text: a row can be checked the way the index matches. */
export const foldText = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/\p{Mn}/gu, '')
    .toLowerCase();

/**
 * The first two characters of a name as the start-of-name indexes hold them (migration 0260) and a one- or
 * two-letter search is compared to them: lower case in every script (SQLite's lower() folds only A–Z, so "Ал" never
 * met "ал"), without diacritics as the trigram index (so "El" finds "Élodie" as "Elo" does), final sigma as sigma, and the
 * Turkish dotless ı as i (JS lower-cases "I" to "i", so "Işık" is held as "is…" and "ış" must meet it).
 * Recomposed after the marks go, so a Korean syllable stays one character. Deterministic: an index is built from it.
 */
export function foldStart(text: string): string {
  const head = text.slice(0, 2);
  // Most names start with two ASCII letters: the same answer without normalising (this runs for every row indexed;
  // a mark after them would go anyway).
  if (![...head].some((c) => c.charCodeAt(0) > 0x7f)) return head.toLowerCase();
  return [...foldText(text.slice(0, 16)).normalize('NFC').replace(/ς/g, 'σ').replace(/ı/g, 'i')].slice(0, 2).join('');
}

export function registerFunctions(db: Database): void {
  db.function('sd_fold_start', { deterministic: true }, (text: unknown) =>
    typeof text === 'string' ? foldStart(text) : null,
  );
  db.function('sd_fold', { deterministic: true }, (text: unknown) =>
    typeof text === 'string' ? foldText(text) : null,
  );
  db.function('sd_dense_grams', { deterministic: true }, (text: unknown) =>
    denseGrams(typeof text === 'string' ? text : null),
  );
}
