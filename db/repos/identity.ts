// SQL for "is this the same person?": candidate patients and inquiries by their indexed key columns, nothing decided.
// The rule that decides is services/identity.ts; these queries only bring every record that could pass it, each
// through an existing index (patients_email, _phone, _passport, _birth; inquiries_email, _phone, _patient_birth).
import type { ReadableDB } from '../sqlite/handles';
import { type Sql, all, raw, sql } from '../sqlite/sql';

/** A live patient's identity keys as stored, with what a match list needs to name it. */
export interface PatientIdentityRow {
  id: number;
  mrn: string;
  family_name: string;
  given_name: string;
  native_name: string | null;
  birth_date: string | null;
  email: string | null;
  phone_digits: string | null;
  passport_number: string | null;
}

/** An inquiry's identity keys as stored, with what a match list needs to name it. */
export interface InquiryIdentityRow {
  id: number;
  patient_name: string;
  contact_name: string;
  received_at: string;
  patient_birth_date: string | null;
  contact_email: string | null;
  contact_phone_digits: string | null;
}

/** What to look candidates up by; already normalised by identity-keys (e-mail lower-case, phone ≥ 6 digits). */
export interface CandidateKeys {
  email: string | null;
  phone: string | null;
  passport: string | null;
  birthDate: string | null;
}

// Enough to decide on: a contact with more records than this is still flagged. A birth date is shared by many
// people, and names are compared by the caller (folding case, accents and word order as SQLite cannot).
const PER_KEY = 20;
const PER_BIRTH_DATE = 200;

// A birth date is a key only as a whole, exact day: a year or an estimate ("about 1960") names too many people.
const EXACT_BIRTH = raw('CASE WHEN length(birth_date) = 10 AND birth_approx = 0 THEN birth_date END AS birth_date');
const PATIENT = sql`SELECT id, mrn, family_name, given_name, native_name, ${EXACT_BIRTH}, email, phone_digits,
  passport_number FROM patients`;
// Merged-away records are pointers to their survivor, never candidates themselves (and the indexes leave them out).
const LIVE = raw('merged_into_id IS NULL');

function byId<T extends { id: number }>(lists: T[][]): T[] {
  const found = new Map<number, T>();
  for (const list of lists) for (const r of list) if (!found.has(r.id)) found.set(r.id, r);
  return [...found.values()].sort((a, b) => a.id - b.id);
}

export function patientCandidates(db: ReadableDB, k: CandidateKeys): PatientIdentityRow[] {
  const q = (where: Sql, limit: number) =>
    all<PatientIdentityRow>(db, sql`${PATIENT} WHERE ${where} AND ${LIVE} ORDER BY id LIMIT ${limit}`);
  return byId([
    k.email === null ? [] : q(sql`email = ${k.email}`, PER_KEY),
    k.phone === null ? [] : q(sql`phone_digits = ${k.phone}`, PER_KEY),
    k.passport === null ? [] : q(sql`passport_number = ${k.passport}`, PER_KEY),
    k.birthDate === null ? [] : q(sql`birth_date = ${k.birthDate} AND birth_approx = 0`, PER_BIRTH_DATE),
  ]);
}

const INQUIRY = raw(
  'SELECT id, patient_name, contact_name, received_at,' +
    ' CASE WHEN length(patient_birth_date) = 10 AND patient_birth_approx = 0 THEN patient_birth_date END' +
    ' AS patient_birth_date, contact_email, contact_phone_digits FROM inquiries',
);

/** Inquiries have no passport: that key is not looked up. */
export function inquiryCandidates(db: ReadableDB, k: CandidateKeys): InquiryIdentityRow[] {
  const q = (where: Sql, limit: number) =>
    all<InquiryIdentityRow>(db, sql`${INQUIRY} WHERE ${where} ORDER BY id LIMIT ${limit}`);
  return byId([
    k.email === null ? [] : q(sql`contact_email = ${k.email}`, PER_KEY),
    k.phone === null ? [] : q(sql`contact_phone_digits = ${k.phone}`, PER_KEY),
    k.birthDate === null
      ? []
      : q(sql`patient_birth_date = ${k.birthDate} AND patient_birth_approx = 0`, PER_BIRTH_DATE),
  ]);
}

/** A candidate pair; `seq` names this pair as kept now (a new one each time a member's identity changes). */
export interface CandidatePair {
  a: number;
  b: number;
  seq?: number;
}

/**
 * The first `limit` pairs (by a, then b) of live patients that could be one person: the same e-mail, phone digits or
 * passport, or the same birth date with the same family name (or family and given name swapped, as a form may have
 * them). Kept by triggers in patient_duplicate_candidates (migration 0250), so this reads one index range instead of
 * joining every patient with every other on each call. The rule that decides is services/identity.ts.
 * Names that differ only by accents on the same birth date are not brought (SQLite's lower() folds ASCII alone).
 */
export function duplicateCandidatePairs(db: ReadableDB, limit: number): CandidatePair[] {
  return all<CandidatePair>(db, sql`SELECT seq, a, b FROM patient_duplicate_candidates ORDER BY a, b LIMIT ${limit}`);
}

/** The identity keys of these patients, for deciding on candidate pairs. */
export function patientIdentities(db: ReadableDB, ids: readonly number[]): PatientIdentityRow[] {
  if (ids.length === 0) return [];
  return all<PatientIdentityRow>(
    db,
    sql`${PATIENT} WHERE id IN (SELECT value FROM json_each(${JSON.stringify(ids)})) ORDER BY id`,
  );
}
