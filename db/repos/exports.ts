// SQL for exports: the ids to export, then everything of a slice of patients in one query per table (no N+1).
import type { ReadableDB } from '../sqlite/handles';
import { all, sql } from '../sqlite/sql';
import type { PatientRow } from './patients';

/** The patient's columns an export reads (the clinical notes and free text stay behind). */
export type ExportPatientRow = Pick<
  PatientRow,
  | 'id'
  | 'mrn'
  | 'family_name'
  | 'given_name'
  | 'native_name'
  | 'sex'
  | 'birth_date'
  | 'nationality'
  | 'languages'
  | 'email'
  | 'phone'
  | 'messaging_handle'
  | 'address'
  | 'emergency_name'
  | 'emergency_phone'
  | 'passport_number'
  | 'stroke_type'
  | 'stroke_onset_date'
  | 'updated_at'
>;
export interface ExportIdentifierRow {
  patient_id: number;
  kind: 'mrn' | 'passport';
  value: string;
}
export interface ExportCourseRow {
  id: number;
  patient_id: number;
  status: 'planned' | 'admitted' | 'discharged' | 'cancelled';
  planned_admission: string;
  planned_discharge: string;
  admitted_on: string | null;
  discharged_on: string | null;
  baseline_severity: string | null;
}
export interface ExportProcedureRow {
  id: number;
  course_id: number;
  patient_id: number;
  sequence: number | null;
  starts_at: string;
  ends_at: string;
  status: 'completed' | 'cancelled';
  reason: string | null;
  product: string | null;
  lot_number: string | null;
  dose: number | null;
  dose_unit: 'million_cells' | 'cells' | 'ml' | null;
  route: 'intrathecal' | 'intravenous' | 'intracerebral' | null;
  performed_start: string | null;
  performed_end: string | null;
  doctor_id: number;
  doctor_name: string;
  type_code: string | null;
  type_name: string;
  type_route: 'intrathecal' | 'intravenous' | 'intracerebral';
}
export interface ExportAssessmentRow {
  id: number;
  patient_id: number;
  course_id: number | null;
  procedure_id: number | null;
  time_point: string;
  instrument_id: string;
  instrument_version: number;
  assessed_on: string;
  assessor_id: number;
  assessor_name: string;
  total: number | null;
  complete: number;
  subscores: string | null;
  signed_at: string;
  amended: number;
}
export interface ExportAdverseEventRow {
  id: number;
  patient_id: number;
  procedure_id: number | null;
  onset_on: string;
  category: 'post_lp_headache' | 'fever' | 'infection' | 'seizure' | 'other';
  grade: number;
  serious: number;
  relatedness: 'unrelated' | 'unlikely' | 'possible' | 'probable' | 'definite';
  outcome: 'recovering' | 'not_recovered' | 'unknown' | 'recovered' | 'recovered_with_sequelae' | 'fatal';
  status: 'open' | 'resolved' | 'fatal';
  resolved_on: string | null;
  reported_at: string;
}
export interface ExportConsentRow {
  id: number;
  course_id: number;
  patient_id: number;
  type: 'treatment' | 'data_use' | 'photo_video';
  given_on: string;
  taken_by: number;
  taken_by_name: string;
  withdrawn_on: string | null;
  attachment_id: number | null;
}
export interface ExportAttachmentRow {
  id: number;
  patient_id: number;
  sha256: string;
  kind: string;
  file_name: string;
  added_at: string;
  size: number;
  mime: string;
}

/** Everything one slice of patients needs, each table grouped by nothing yet (the formats group by patient). */
export interface ExportSlice {
  patients: ExportPatientRow[];
  identifiers: ExportIdentifierRow[];
  courses: ExportCourseRow[];
  procedures: ExportProcedureRow[];
  assessments: ExportAssessmentRow[];
  adverseEvents: ExportAdverseEventRow[];
  consents: ExportConsentRow[];
  attachments: ExportAttachmentRow[];
}

/** Live patients (a merged one is a pointer to its survivor, exported through it), in id order. */
export const exportablePatientIds = (db: ReadableDB): number[] =>
  all<{ id: number }>(db, sql`SELECT id FROM patients WHERE merged_into_id IS NULL ORDER BY id`).map((r) => r.id);

export function readExportSlice(db: ReadableDB, ids: readonly number[]): ExportSlice {
  const list = JSON.stringify(ids);
  const IN = sql`IN (SELECT value FROM json_each(${list}))`;
  return {
    patients: all(
      db,
      sql`SELECT id, mrn, family_name, given_name, native_name, sex, birth_date, nationality, languages, email, phone,
                 messaging_handle, address, emergency_name, emergency_phone, passport_number, stroke_type,
                 stroke_onset_date, updated_at
            FROM patients WHERE id ${IN} ORDER BY id`,
    ),
    identifiers: all(
      db,
      sql`SELECT patient_id, kind, value FROM patient_identifiers WHERE patient_id ${IN} ORDER BY patient_id, id`,
    ),
    courses: all(
      db,
      sql`SELECT id, patient_id, status, planned_admission, planned_discharge, admitted_on, discharged_on,
                 baseline_severity
            FROM courses WHERE patient_id ${IN} ORDER BY patient_id, planned_admission, id`,
    ),
    procedures: all(
      db,
      sql`SELECT p.id, p.course_id, p.patient_id, p.sequence, p.starts_at, p.ends_at, p.status, p.reason, p.product,
                 p.lot_number, p.dose, p.dose_unit, p.route, p.performed_start, p.performed_end, p.doctor_id,
                 d.display_name AS doctor_name, t.code AS type_code, t.name AS type_name, t.route AS type_route
            FROM procedures p
            JOIN accounts d ON d.id = p.doctor_id
            JOIN procedure_types t ON t.id = p.type_id
           WHERE p.patient_id ${IN} AND p.status IN ('completed', 'cancelled')
           ORDER BY p.patient_id, p.starts_at, p.id`,
    ),
    assessments: all(
      db,
      sql`SELECT a.id, a.patient_id, a.course_id, a.procedure_id, a.time_point, a.instrument_id, a.instrument_version,
                 a.assessed_on, a.assessor_id, acc.display_name AS assessor_name, v.total, v.complete, v.subscores,
                 v.signed_at, (v.n > 1) AS amended
            FROM assessments a
            JOIN assessment_versions v ON v.assessment_id = a.id AND v.n = a.signed_n
            JOIN accounts acc ON acc.id = a.assessor_id
           WHERE a.patient_id ${IN}
           ORDER BY a.patient_id, a.assessed_on, a.id`,
    ),
    adverseEvents: all(
      db,
      sql`SELECT id, patient_id, procedure_id, onset_on, category, grade, serious, relatedness, outcome, status,
                 resolved_on, reported_at
            FROM adverse_events WHERE patient_id ${IN} ORDER BY patient_id, onset_on, id`,
    ),
    consents: all(
      db,
      sql`SELECT c.id, c.course_id, k.patient_id, c.type, c.given_on, c.taken_by, acc.display_name AS taken_by_name,
                 c.withdrawn_on, c.attachment_id
            FROM consents c
            JOIN courses k ON k.id = c.course_id
            JOIN accounts acc ON acc.id = c.taken_by
           WHERE k.patient_id ${IN}
           ORDER BY k.patient_id, c.given_on, c.id`,
    ),
    attachments: all(
      db,
      sql`SELECT a.id, a.patient_id, a.sha256, a.kind, a.file_name, a.added_at, f.size, f.mime
            FROM attachments a JOIN files f ON f.sha256 = a.sha256
           WHERE a.patient_id ${IN} AND a.removed_at IS NULL
           ORDER BY a.patient_id, a.id`,
    ),
  };
}
