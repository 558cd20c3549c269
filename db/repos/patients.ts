// SQL and row mapping for patients, their alias identifiers and the MRN counter (duplicates: services/identity.ts).
import type { ReadableDB, WritableDB } from '../sqlite/handles';
import type { Patient, PatientAlias, PatientFields, PatientPage, PatientQuery, PatientSummary } from '../contract';
import { Sql, all, get, raw, run, sql } from '../sqlite/sql';
import { phoneDigits } from './identity-keys';
import { type SeekOrder, cappedCount, seekAfter, seekColumns, seekNext, seekOrderBy } from './seek';

export interface PatientRow {
  id: number;
  mrn: string;
  family_name: string;
  given_name: string;
  native_name: string | null;
  sex: Patient['sex'];
  birth_date: string | null;
  birth_approx: number;
  nationality: string | null;
  languages: string;
  email: string | null;
  phone: string | null;
  messaging_handle: string | null;
  address: string | null;
  emergency_name: string | null;
  emergency_relation: string | null;
  emergency_phone: string | null;
  passport_number: string | null;
  stroke_type: Patient['strokeType'];
  stroke_onset_date: string | null;
  stroke_onset_approx: number;
  weakness_side: Patient['weaknessSide'];
  lesion_side: Patient['lesionSide'];
  lesion_site: string | null;
  prior_treatments: string | null;
  comorbidities: string;
  comorbidities_other: string | null;
  ecog: number | null;
  asa: number | null;
  health_notes: string | null;
  merged_into_id: number | null;
  created_at: string;
  updated_at: string;
  version: number;
}

type IdentityColumn =
  'family_name' | 'given_name' | 'native_name' | 'sex' | 'birth_date' | 'birth_approx' | 'nationality';

/** Who the patient is: the part of a record that a list row shows too. */
const toIdentity = (r: Pick<PatientRow, IdentityColumn>) => ({
  familyName: r.family_name,
  givenName: r.given_name,
  nativeName: r.native_name,
  sex: r.sex,
  birthDate: r.birth_date,
  birthDateApprox: r.birth_approx === 1,
  nationality: r.nationality,
});

const toFields = (r: PatientRow): PatientFields => ({
  ...toIdentity(r),
  languages: JSON.parse(r.languages) as string[],
  email: r.email,
  phone: r.phone,
  messagingHandle: r.messaging_handle,
  address: r.address,
  emergencyName: r.emergency_name,
  emergencyRelation: r.emergency_relation,
  emergencyPhone: r.emergency_phone,
  passportNumber: r.passport_number,
  strokeType: r.stroke_type,
  strokeOnsetDate: r.stroke_onset_date,
  strokeOnsetDateApprox: r.stroke_onset_approx === 1,
  weaknessSide: r.weakness_side,
  lesionSide: r.lesion_side,
  lesionSite: r.lesion_site,
  priorTreatments: r.prior_treatments,
  comorbidities: JSON.parse(r.comorbidities) as PatientFields['comorbidities'],
  comorbiditiesOther: r.comorbidities_other,
  ecog: r.ecog,
  asa: r.asa,
  healthNotes: r.health_notes,
});

/** Column assignments for every field a person types; shared by insert and update so they never drift apart. */
const fieldValues = (f: PatientFields) => ({
  family_name: f.familyName,
  given_name: f.givenName,
  native_name: f.nativeName,
  sex: f.sex,
  birth_date: f.birthDate,
  birth_approx: f.birthDate !== null && f.birthDateApprox ? 1 : 0,
  nationality: f.nationality,
  languages: JSON.stringify(f.languages),
  email: f.email,
  phone: f.phone,
  phone_digits: phoneDigits(f.phone),
  messaging_handle: f.messagingHandle,
  address: f.address,
  emergency_name: f.emergencyName,
  emergency_relation: f.emergencyRelation,
  emergency_phone: f.emergencyPhone,
  passport_number: f.passportNumber,
  stroke_type: f.strokeType,
  stroke_onset_date: f.strokeOnsetDate,
  stroke_onset_approx: f.strokeOnsetDate !== null && f.strokeOnsetDateApprox ? 1 : 0,
  weakness_side: f.weaknessSide,
  lesion_side: f.lesionSide,
  lesion_site: f.lesionSite,
  prior_treatments: f.priorTreatments,
  comorbidities: JSON.stringify(f.comorbidities),
  comorbidities_other: f.comorbiditiesOther,
  ecog: f.ecog,
  asa: f.asa,
  health_notes: f.healthNotes,
});

// Column names come from the fixed object above, never from input.
export function insertPatient(db: WritableDB, f: PatientFields, meta: { mrn: string; at: string; by: number }): number {
  const entries = Object.entries(fieldValues(f));
  const text = `INSERT INTO patients (${entries.map(([c]) => c).join(', ')}, mrn, created_at, created_by, updated_at)
                VALUES (${entries.map(() => '?').join(', ')}, ?, ?, ?, ?)`;
  const res = run(db, new Sql(text, [...entries.map(([, v]) => v), meta.mrn, meta.at, meta.by, meta.at]));
  return Number(res.lastInsertRowid);
}

export function updatePatientFields(db: WritableDB, id: number, f: PatientFields, at: string): void {
  const entries = Object.entries(fieldValues(f));
  const sets = entries.map(([c]) => `${c} = ?`).join(', ');
  run(
    db,
    new Sql(`UPDATE patients SET ${sets}, updated_at = ?, version = version + 1 WHERE id = ?`, [
      ...entries.map(([, v]) => v),
      at,
      id,
    ]),
  );
}

export function findPatient(db: ReadableDB, id: number): Patient | null {
  const row = get<PatientRow>(db, sql`SELECT * FROM patients WHERE id = ${id}`);
  if (!row) return null;
  return {
    ...toFields(row),
    id: row.id,
    mrn: row.mrn,
    aliases: aliases(db, id),
    mergedIntoId: row.merged_into_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
  };
}

function aliases(db: ReadableDB, patientId: number): PatientAlias[] {
  return all<{ kind: PatientAlias['kind']; value: string; from_patient_id: number | null }>(
    db,
    sql`SELECT kind, value, from_patient_id FROM patient_identifiers WHERE patient_id = ${patientId} ORDER BY id`,
  ).map((r) => ({ kind: r.kind, value: r.value, fromPatientId: r.from_patient_id }));
}

export function insertAlias(
  db: WritableDB,
  v: { patientId: number; kind: PatientAlias['kind']; value: string; fromPatientId: number | null; at: string },
): void {
  run(
    db,
    sql`INSERT INTO patient_identifiers (patient_id, kind, value, from_patient_id, created_at)
        VALUES (${v.patientId}, ${v.kind}, ${v.value}, ${v.fromPatientId}, ${v.at})`,
  );
}

export function markMerged(db: WritableDB, id: number, intoId: number, at: string): void {
  run(
    db,
    sql`UPDATE patients SET merged_into_id = ${intoId}, merged_at = ${at}, updated_at = ${at}, version = version + 1 WHERE id = ${id}`,
  );
}

/** The next value of a named counter, e.g. `mrn:SD-2026-`; starts at 1. */
export function nextCounter(db: WritableDB, name: string): number {
  const row = get<{ value: number }>(
    db,
    sql`INSERT INTO counters (name, value) VALUES (${name}, 1)
        ON CONFLICT (name) DO UPDATE SET value = value + 1 RETURNING value`,
  );
  return row?.value ?? 1;
}

/** The value `nextCounter` would hand out next, without taking it. */
export const peekCounter = (db: ReadableDB, name: string): number =>
  (get<{ value: number }>(db, sql`SELECT value FROM counters WHERE name = ${name}`)?.value ?? 0) + 1;

export const mrnTaken = (db: ReadableDB, mrn: string): boolean =>
  get(
    db,
    sql`SELECT 1 AS x FROM patients WHERE mrn = ${mrn} UNION ALL SELECT 1 FROM patient_identifiers WHERE kind = 'mrn' AND value = ${mrn} LIMIT 1`,
  ) !== undefined;

type SummaryRow = Pick<
  PatientRow,
  IdentityColumn | 'id' | 'mrn' | 'phone' | 'email' | 'stroke_type' | 'created_at' | 'version'
>;

const SUMMARY_COLUMNS = raw(
  'p.id, p.mrn, p.family_name, p.given_name, p.native_name, p.sex, p.birth_date, p.nationality, p.phone, p.email, p.stroke_type, p.created_at, p.version' +
    ', p.birth_approx',
);

const toSummary = (r: SummaryRow): PatientSummary => ({
  id: r.id,
  mrn: r.mrn,
  ...toIdentity(r),
  phone: r.phone,
  email: r.email,
  strokeType: r.stroke_type,
  createdAt: r.created_at,
  version: r.version,
});

const summaries = (db: ReadableDB, q: Sql): PatientSummary[] => all<SummaryRow>(db, q).map(toSummary);

/** Summaries for the given ids, in the order given (search hits come ranked). */
export function patientSummariesByIds(db: ReadableDB, ids: readonly number[]): PatientSummary[] {
  if (ids.length === 0) return [];
  const byId = new Map(
    summaries(
      db,
      sql`SELECT ${SUMMARY_COLUMNS} FROM patients p WHERE p.id IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`,
    ).map((p) => [p.id, p]),
  );
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** Each sort's keys, as written in its index (0170-lists-indexes): unknown birth dates last in both directions. */
const SORT_KEYS: Record<PatientQuery['sort'], (dir: 'asc' | 'desc') => string[]> = {
  name: () => ['lower(p.family_name)', 'lower(p.given_name)'],
  mrn: () => ['p.mrn'],
  createdAt: () => ['p.created_at'],
  birthDate: (dir) => [dir === 'asc' ? "coalesce(p.birth_date, '9999')" : "coalesce(p.birth_date, '')"],
};

/** The registry page; `ids` narrows it to a search's hits when the list is searched. */
export function listPatients(db: ReadableDB, q: PatientQuery, ids: readonly number[] | null): PatientPage {
  const order: SeekOrder = { keys: SORT_KEYS[q.sort](q.direction), id: 'p.id', direction: q.direction };
  const where =
    ids === null
      ? raw('p.merged_into_id IS NULL')
      : sql`p.merged_into_id IS NULL AND p.id IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`;
  const found = all<SummaryRow & Record<string, unknown>>(
    db,
    sql`SELECT ${SUMMARY_COLUMNS}, ${seekColumns(order)} FROM patients p
        WHERE ${where} AND ${seekAfter(order, q.after)} ${seekOrderBy(order)}
        LIMIT ${q.limit} OFFSET ${q.after === null ? q.offset : 0}`,
  );
  return {
    rows: found.map(toSummary),
    ...cappedCount(db, sql`FROM patients p WHERE ${where}`),
    next: seekNext(order, found, q.limit, 'id'),
  };
}

/**
 * Every table that points at a patient, and the column that does. Merge moves all of them; a test checks this
 * list against the schema's foreign keys, so a later table (treatment courses, assessments …) cannot be forgotten.
 */
export const PATIENT_LINKS: readonly { table: string; column: string }[] = [
  { table: 'inquiries', column: 'patient_id' },
  { table: 'attachments', column: 'patient_id' },
  { table: 'patient_identifiers', column: 'patient_id' },
  { table: 'courses', column: 'patient_id' },
  { table: 'procedures', column: 'patient_id' },
  { table: 'assessments', column: 'patient_id' },
  { table: 'adverse_events', column: 'patient_id' },
  { table: 'follow_up_contacts', column: 'patient_id' },
];
/** Links that describe the merge itself rather than belong to the record; they stay where they are. */
export const PATIENT_MERGE_BOOKKEEPING: readonly { table: string; column: string }[] = [
  { table: 'patients', column: 'merged_into_id' },
  { table: 'patient_identifiers', column: 'from_patient_id' },
];

export function moveLinks(db: WritableDB, fromId: number, toId: number): Record<string, number> {
  const moved: Record<string, number> = {};
  for (const link of PATIENT_LINKS) {
    moved[link.table] = run(
      db,
      new Sql(`UPDATE ${link.table} SET ${link.column} = ? WHERE ${link.column} = ?`, [toId, fromId]),
    ).changes;
  }
  return moved;
}
