// The country and language code lists in the contract, and the schemas that check codes against them.
import { describe, expect, it } from 'vitest';
import { COUNTRY_CODES, CountryCode, LANGUAGE_CODES, LanguageCode } from '../../db/contract';

describe('country and language codes', () => {
  it('lists every assigned ISO 3166-1 alpha-2 code once, including those the old short list lacked', () => {
    expect(COUNTRY_CODES).toHaveLength(249);
    expect(new Set(COUNTRY_CODES).size).toBe(249);
    for (const c of ['AM', 'AF', 'MA', 'NP', 'LK', 'AZ', 'GE', 'CN', 'KZ', 'AX', 'SS'])
      expect(COUNTRY_CODES).toContain(c);
    // User-assigned and withdrawn codes are not countries.
    for (const c of ['XK', 'AN', 'YU', 'UK', 'EU']) expect(COUNTRY_CODES).not.toContain(c);
  });

  it('lists the 184 ISO 639-1 codes once, including Azerbaijani, Georgian, Armenian and Nepali', () => {
    expect(LANGUAGE_CODES).toHaveLength(184);
    expect(new Set(LANGUAGE_CODES).size).toBe(184);
    for (const c of ['az', 'ka', 'hy', 'ne', 'si', 'ps', 'zh', 'kk']) expect(LANGUAGE_CODES).toContain(c);
    for (const c of ['iw', 'in', 'jw', 'mo', 'xx']) expect(LANGUAGE_CODES).not.toContain(c);
  });

  it('has a display name for every code, so no picker shows a bare code', () => {
    const region = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
    const language = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });
    expect(COUNTRY_CODES.filter((c) => region.of(c) === undefined)).toEqual([]);
    expect(LANGUAGE_CODES.filter((c) => language.of(c) === undefined)).toEqual([]);
  });

  it('accepts listed codes and null, and refuses codes of the right shape that are not assigned', () => {
    expect(CountryCode.parse('AM')).toBe('AM');
    expect(CountryCode.parse(null)).toBeNull();
    expect(CountryCode.safeParse('XK').success).toBe(false);
    expect(CountryCode.safeParse('am').success).toBe(false);
    expect(LanguageCode.parse('ka')).toBe('ka');
    expect(LanguageCode.safeParse('xx').success).toBe(false);
    expect(LanguageCode.safeParse('KA').success).toBe(false);
    expect(LanguageCode.safeParse('eng').error?.issues[0]?.message).toBe('Pick a language');
  });
});
