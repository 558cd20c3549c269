// Pure normalisers of identity keys (phone digits, e-mail, names): what is stored in key columns and matched on.
//
// Why here: repos write the key columns (patients.phone_digits, inquiries.contact_phone_digits) and look candidates up
// by them, so the normalisers must sit at or below repos (contract ← sqlite ← repos ← services); the contract holds
// schemas only. This file has no SQL and no state. The rules built on these keys ("is this the same person?") live in
// services/identity.ts, which re-exports these for services; the candidate look-ups live in repos/identity.ts.

/**
 * Fewer digits than this is an extension or a typo, not a number that identifies anyone: it is never matched on
 * (search still finds it by its digits).
 */
export const MIN_PHONE_DIGITS = 6;

/**
 * Digits only, so "+86 (138) 0013-8000" is found by "13800"; stored as the phone_digits columns.
 *
 * Decision: no trunk- or country-prefix folding, so "+7 701 555 0142" (77015550142) and "8 701 555 0142"
 * (87015550142) are different keys. The prefix rules differ by country (8 in KZ/RU, 0 in most of Europe and China),
 * the phone_digits indexes are exact-match, and a suffix match (last 9 digits) would need a scan or a new column.
 * A normalised E.164 column is the way to match them, in a migration of its own.
 */
export const phoneDigits = (phone: string | null): string | null => {
  const d = phone?.replace(/\D/g, '') ?? '';
  return d === '' ? null : d;
};

/** The digits a phone is matched on, or null when there are too few to identify anyone. */
export const phoneKey = (phone: string | null): string | null => {
  const d = phoneDigits(phone);
  return d !== null && d.length >= MIN_PHONE_DIGITS ? d : null;
};

/** Trimmed and lower-case, as the contract's Email stores it, so a stored address is looked up by the index as is. */
export const normalizeEmail = (email: string | null): string | null => {
  const e = email?.trim().toLowerCase() ?? '';
  return e === '' ? null : e;
};

/** Upper-case without spaces, as the contract stores it: "n 99 88 77" is "N998877". */
export const passportKey = (passport: string | null): string | null => {
  const p = passport?.trim().toUpperCase().replace(/\s+/g, '') ?? '';
  return p === '' ? null : p;
};

// Printable ASCII has no accents to fold and is its own NFKD form: the duplicate finder decides on thousands of names a
// call, and skipping the Unicode passes for them is most of its time (same words either way).
const ASCII = /^[ -~]*$/;

/** The words of a name with case, accents and punctuation folded away, in their written order. */
export const nameWords = (name: string): string[] =>
  (ASCII.test(name) ? name : name.normalize('NFKD').replace(/\p{M}/gu, ''))
    .toLowerCase()
    .split(/[\s,.'-]+/)
    .filter(Boolean);

/** Case, accents, spacing and word order folded away: "SOKOLOV  Nikolai" is "Nikolai Sokolov". */
export const nameKey = (name: string): string => nameWords(name).sort().join(' ');
