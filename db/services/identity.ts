// "Is this the same person?": one set of keys and one matcher, used by conversion, the duplicate finder and import.
//
// A person is matched on: the e-mail (case-folded), the phone's digits (at least MIN_PHONE_DIGITS, no prefix folding:
// see repos/identity-keys.ts), the passport, or the birth date together with the name. Names: two whole names
// match with case, accents and word order folded; where a record knows its family name (a registered patient), the
// same family name is enough (given names are spelled many ways: Nikolai, Nikolay), and a free-text name (an
// inquiry, a web-form row) matches a known family name when it contains it. SQL only brings candidates
// (repos/identity.ts); every decision is matchReasons below, so the three callers cannot disagree.
import type { ReadableDB } from '../sqlite/handles';
import { type DuplicatePair, type MatchReason, type PatientFields, type PatientMatch, isExactDay } from '../contract';
import {
  type CandidateKeys,
  type CandidatePair,
  type InquiryIdentityRow,
  type PatientIdentityRow,
  duplicateCandidatePairs,
  inquiryCandidates,
  patientCandidates,
  patientIdentities,
} from '../repos/identity';
import { nameKey, nameWords, normalizeEmail, passportKey, phoneKey } from '../repos/identity-keys';
import { patientSummariesByIds } from '../repos/patients';

export { MIN_PHONE_DIGITS, nameKey, normalizeEmail, phoneDigits, phoneKey } from '../repos/identity-keys';

/** Whatever a record knows about who someone is, as written. */
export interface Person {
  email: string | null;
  /** As typed, or its digits. */
  phone: string | null;
  passport: string | null;
  birthDate: string | null;
  /** Only where someone recorded it as the family name (a patient); a free-text name leaves it null. */
  familyName: string | null;
  /** Whole names as written: "family given", a native-script name, or a form's free text. */
  names: readonly string[];
}

/** The keys a person is matched on (the answer to "which keys does this person have?"). */
export interface IdentityKeys {
  email: string | null;
  phone: string | null;
  passport: string | null;
  birthDate: string | null;
  /** The family name's words, or null when unknown. */
  family: readonly string[] | null;
  /** Each whole name folded by nameKey. */
  fullNames: readonly string[];
  /** Every word of every name. */
  words: ReadonlySet<string>;
}

export function sameKeys(p: Person): IdentityKeys {
  const family = p.familyName === null ? [] : nameWords(p.familyName);
  return {
    email: normalizeEmail(p.email),
    phone: phoneKey(p.phone),
    passport: passportKey(p.passport),
    birthDate: p.birthDate,
    family: family.length === 0 ? null : family,
    fullNames: p.names.map(nameKey).filter((k) => k !== ''),
    words: new Set(p.names.flatMap(nameWords)),
  };
}

/** x's family name agrees with y: the same family name, or, where y's is unknown, every word of it in y's names. */
function familyAgrees(x: IdentityKeys, y: IdentityKeys): boolean {
  if (x.family === null) return false;
  if (y.family !== null) return x.family.join(' ') === y.family.join(' ');
  return x.family.every((w) => y.words.has(w));
}

export function sameName(a: IdentityKeys, b: IdentityKeys): boolean {
  return a.fullNames.some((k) => b.fullNames.includes(k)) || familyAgrees(a, b) || familyAgrees(b, a);
}

/** Why two people look like one, in a fixed order; empty when they do not. */
export function matchReasons(a: IdentityKeys, b: IdentityKeys): MatchReason[] {
  const reasons: MatchReason[] = [];
  if (a.email !== null && a.email === b.email) reasons.push('email');
  if (a.phone !== null && a.phone === b.phone) reasons.push('phone');
  if (a.passport !== null && a.passport === b.passport) reasons.push('passport');
  if (a.birthDate !== null && a.birthDate === b.birthDate && sameName(a, b)) reasons.push('name_birth');
  return reasons;
}

type PatientIdentity = Pick<
  PatientFields,
  'email' | 'phone' | 'passportNumber' | 'birthDate' | 'familyName' | 'givenName' | 'nativeName'
> & { birthDateApprox?: boolean };

export const personFromPatient = (f: PatientIdentity): Person => ({
  email: f.email,
  phone: f.phone,
  passport: f.passportNumber,
  // Only an exact, whole day tells people apart; "about 1960" would match half a ward (issue #8).
  birthDate: isExactDay(f.birthDate, f.birthDateApprox ?? false) ? f.birthDate : null,
  familyName: f.familyName,
  names: [`${f.familyName} ${f.givenName}`, ...(f.nativeName === null ? [] : [f.nativeName])],
});

/** An inquiry or a web-form row: its patient's name is free text, the contact's e-mail and phone are the family's. */
export const personFromInquiry = (f: {
  contactEmail: string | null;
  contactPhone: string | null;
  patientName: string;
  patientBirthDate: string | null;
  patientBirthDateApprox?: boolean;
}): Person => ({
  email: f.contactEmail,
  phone: f.contactPhone,
  passport: null,
  birthDate: isExactDay(f.patientBirthDate, f.patientBirthDateApprox ?? false) ? f.patientBirthDate : null,
  familyName: null,
  names: [f.patientName],
});

const patientRowKeys = (r: PatientIdentityRow): IdentityKeys =>
  sameKeys(
    personFromPatient({
      email: r.email,
      phone: r.phone_digits,
      passportNumber: r.passport_number,
      birthDate: r.birth_date,
      familyName: r.family_name,
      givenName: r.given_name,
      nativeName: r.native_name,
    }),
  );

const inquiryRowKeys = (r: InquiryIdentityRow): IdentityKeys =>
  sameKeys(
    personFromInquiry({
      contactEmail: r.contact_email,
      contactPhone: r.contact_phone_digits,
      patientName: r.patient_name,
      patientBirthDate: r.patient_birth_date,
    }),
  );

const lookup = (k: IdentityKeys): CandidateKeys => ({
  email: k.email,
  phone: k.phone,
  passport: k.passport,
  birthDate: k.birthDate,
});

/** Live patients who look like the person with these keys, with why; `excludeId` leaves their own record out. */
export function matchingPatientRows(
  db: ReadableDB,
  keys: IdentityKeys,
  excludeId: number | null = null,
): { row: PatientIdentityRow; reasons: MatchReason[] }[] {
  return patientCandidates(db, lookup(keys)).flatMap((row) => {
    const reasons = row.id === excludeId ? [] : matchReasons(keys, patientRowKeys(row));
    return reasons.length === 0 ? [] : [{ row, reasons }];
  });
}

export function matchingPatients(db: ReadableDB, person: Person, excludeId: number | null = null): PatientMatch[] {
  const hits = matchingPatientRows(db, sameKeys(person), excludeId);
  const people = new Map(
    patientSummariesByIds(
      db,
      hits.map((h) => h.row.id),
    ).map((p) => [p.id, p]),
  );
  return hits.flatMap((h) => {
    const patient = people.get(h.row.id);
    return patient ? [{ patient, reasons: h.reasons }] : [];
  });
}

/** Inquiries that look like the person with these keys, with why. */
export function matchingInquiries(
  db: ReadableDB,
  keys: IdentityKeys,
): { row: InquiryIdentityRow; reasons: MatchReason[] }[] {
  return inquiryCandidates(db, lookup(keys)).flatMap((row) => {
    const reasons = matchReasons(keys, inquiryRowKeys(row));
    return reasons.length === 0 ? [] : [{ row, reasons }];
  });
}

/**
 * What matchReasons said of each kept candidate pair, by its seq, per connection (a restore opens a new one). A seq
 * is never reused and is renewed whenever either patient's identity columns change (migration 0250), so an answer
 * kept for a seq stays right: the finder decides on a pair once, not on every one of its thousands on each call.
 */
const decisions = new WeakMap<ReadableDB, Map<number, MatchReason[]>>();
const MAX_DECISIONS = 100_000;

function decided(db: ReadableDB): Map<number, MatchReason[]> {
  let known = decisions.get(db);
  if (!known) decisions.set(db, (known = new Map()));
  return known;
}

function remember(known: Map<number, MatchReason[]>, seq: number, reasons: MatchReason[]): void {
  // Bounded: pairs deleted long ago are never asked for again; starting afresh only costs one full decision.
  if (known.size >= MAX_DECISIONS) known.clear();
  known.set(seq, reasons);
}

/**
 * Pairs of live patients who look like one person, most reasons first. SQL brings candidate pairs from the kept table
 * (repos/identity.ts), so this never reads every patient; matchReasons decides on each, as everywhere else.
 * `candidatePairs` is the source of pairs (tests pass the old join over every patient, to check both give one answer).
 */
export function duplicatePairs(
  db: ReadableDB,
  limit: number,
  candidatePairs: (db: ReadableDB, limit: number) => CandidatePair[] = duplicateCandidatePairs,
): DuplicatePair[] {
  const candidates = candidatePairs(db, limit * 20);
  const known = decided(db);
  const fresh = candidates.filter((c) => c.seq === undefined || !known.has(c.seq));
  const rows = new Map(
    patientIdentities(db, [...new Set(fresh.flatMap((c) => [c.a, c.b]))]).map((r) => [r.id, patientRowKeys(r)]),
  );
  const pairs: { a: number; b: number; reasons: MatchReason[] }[] = [];
  for (const { a, b, seq } of candidates) {
    let reasons = seq === undefined ? undefined : known.get(seq);
    if (reasons === undefined) {
      const [ka, kb] = [rows.get(a), rows.get(b)];
      reasons = ka && kb ? matchReasons(ka, kb) : [];
      if (seq !== undefined && ka && kb) remember(known, seq, reasons);
    }
    if (reasons.length > 0) pairs.push({ a, b, reasons });
  }
  const chosen = pairs.sort((x, y) => y.reasons.length - x.reasons.length || x.a - y.a || x.b - y.b).slice(0, limit);
  const ids = [...new Set(chosen.flatMap((p) => [p.a, p.b]))];
  const people = new Map(patientSummariesByIds(db, ids).map((p) => [p.id, p]));
  return chosen.flatMap((p) => {
    const a = people.get(p.a);
    const b = people.get(p.b);
    return a && b ? [{ a, b, reasons: [...p.reasons] }] : [];
  });
}
