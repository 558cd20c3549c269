// The text types every typed field is built on: clean strings, required and optional text, search boxes, e-mail,
// phone, country and language codes.
import { z } from 'zod';
import { isCountryCode, isLanguageCode } from './geo';

/**
 * NUL (C strings and SQLite's text functions stop at it) and a lone UTF-16 surrogate (half of a character, not text in
 * any encoding) are refused in every text the contract takes, as a VALIDATION error on that field.
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
export const isCleanText = (s: string): boolean => !s.includes('\u0000') && !LONE_SURROGATE.test(s);
/** A string that holds neither NUL nor a lone surrogate: the base of every text type below. */
export const CleanString = () => z.string().refine(isCleanText, 'Remove the hidden characters (NUL or broken symbols)');

/** What a person types into a search box: trimmed, at most `max` characters, empty meaning "everything". */
export const SearchText = (max = 100) => CleanString().trim().max(max);

/** Trimmed text; empty becomes null so the database never holds "". */
export const OptionalText = (max: number) =>
  CleanString()
    .trim()
    .max(max, `At most ${max} characters`)
    .nullable()
    .transform((s) => (s === null || s === '' ? null : s));

export const RequiredText = (max: number) =>
  CleanString().trim().min(1, 'Required').max(max, `At most ${max} characters`);

/** An e-mail address, stored lower-case; empty becomes null. */
export const Email = CleanString()
  .trim()
  .max(200)
  .nullable()
  .transform((s) => (s === null || s === '' ? null : s.toLowerCase()))
  .refine((s) => s === null || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s), 'Not an e-mail address');

/** A phone number as typed; search uses its digits. */
export const Phone = CleanString()
  .trim()
  .max(40)
  .nullable()
  .transform((s) => (s === null || s === '' ? null : s))
  .refine((s) => s === null || /^\+?[\d\s().-]{5,}$/.test(s), 'Digits, spaces, +, ( ) and - only');

/** ISO 3166-1 alpha-2, e.g. `KZ`: one of the codes currently assigned (geo.ts); typed as a plain string. */
export const CountryCode = z
  .string()
  .refine((s): boolean => isCountryCode(s), 'Pick a country')
  .nullable();
/** ISO 639-1, e.g. `ru`: one of the two-letter codes (geo.ts). */
export const LanguageCode = z
  .string()
  .refine((s): boolean => isLanguageCode(s), 'Pick a language')
  .nullable();
