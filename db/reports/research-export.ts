// De-identified research export: CSV tables with pseudonymous ids, per-patient shifted dates and grouped old ages.
import { randomBytes, randomInt } from 'node:crypto';
import { toCsv, type CsvCell } from '../contract/csv';
import type { ExportFile } from '../contract/exports';
import type { ExportSlice } from '../repos/exports';

/** Where a patient's pseudonym and date offset come from: crypto random in the app, never stored anywhere. */
export interface Pseudonyms {
  /** A new pseudonymous id, unique within the export. */
  id(): string;
  /** Days every date of one patient moves by. */
  offsetDays(): number;
}

/** Up to a year either way, never zero (a zero shift would publish the true dates). */
export const cryptoPseudonyms = (): Pseudonyms => {
  const used = new Set<string>();
  return {
    id: () => {
      let id: string;
      do id = `R-${randomBytes(5).toString('hex')}`;
      while (used.has(id));
      used.add(id);
      return id;
    },
    offsetDays: () => {
      const n = randomInt(1, 366);
      return randomInt(0, 2) === 0 ? -n : n;
    },
  };
};

const DAY = 86_400_000;
/** A partial date (YYYY or YYYY-MM) read as the middle of its span: ages and intervals are then off by half a span at most. */
function dayOf(date: string): number {
  const [y = '1970', m, d] = date.slice(0, 10).split('-');
  const month = m ?? '07';
  const day = d ?? (m ? '15' : '01');
  return Math.floor(Date.parse(`${y}-${month}-${day}T00:00:00Z`) / DAY);
}
const isoDay = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);

/** Whole years between two dates; over 89 is the one group "90+" (HIPAA Safe Harbor). */
export function ageGroup(birth: string | null, on: string | null): string | null {
  if (!birth || !on) return null;
  const b = new Date(dayOf(birth) * DAY);
  const d = new Date(dayOf(on) * DAY);
  let age = d.getUTCFullYear() - b.getUTCFullYear();
  if (d.getUTCMonth() < b.getUTCMonth() || (d.getUTCMonth() === b.getUTCMonth() && d.getUTCDate() < b.getUTCDate()))
    age--;
  return age > 89 ? '90+' : String(age);
}

export const RESEARCH_TABLES = {
  patients: ['patient', 'sex', 'age_at_first_transplant', 'country', 'stroke_type', 'onset_to_transplant_days'],
  procedures: ['procedure', 'patient', 'date', 'type', 'route', 'status', 'sequence', 'dose', 'dose_unit'],
  assessments: ['assessment', 'patient', 'date', 'instrument', 'instrument_version', 'time_point', 'total', 'complete'],
  subscores: ['assessment', 'subscore', 'value'],
  adverse_events: [
    'patient',
    'procedure',
    'onset',
    'category',
    'grade',
    'serious',
    'relatedness',
    'outcome',
    'status',
    'resolved',
  ],
} as const;
type TableName = keyof typeof RESEARCH_TABLES;

/** Accumulates the rows of one research export, slice by slice. */
export function createResearchWriter(pseudo: Pseudonyms) {
  const rows: Record<TableName, CsvCell[][]> = {
    patients: [],
    procedures: [],
    assessments: [],
    subscores: [],
    adverse_events: [],
  };
  // Procedure and assessment keys are a running count in export order: the database's ids never leave.
  let procedureN = 0;
  let assessmentN = 0;
  return {
    add(slice: ExportSlice): void {
      const byPatient = new Map(slice.patients.map((p) => [p.id, { pid: pseudo.id(), shift: pseudo.offsetDays() }]));
      const who = (patientId: number) => {
        const w = byPatient.get(patientId);
        if (!w) throw new Error('A row of a patient outside the slice');
        return w;
      };
      const shifted = (patientId: number, date: string | null) =>
        date === null ? null : isoDay(dayOf(date) + who(patientId).shift);
      const procedureKey = new Map<number, string>();
      const firstTransplant = new Map<number, string>();
      for (const p of slice.procedures) {
        const key = `P${++procedureN}`;
        procedureKey.set(p.id, key);
        const on = (p.performed_start ?? p.starts_at).slice(0, 10);
        if (p.status === 'completed' && !firstTransplant.has(p.patient_id)) firstTransplant.set(p.patient_id, on);
        const route = p.route ?? p.type_route;
        const cells = [p.sequence, p.dose, p.dose_unit];
        rows.procedures.push([
          key,
          who(p.patient_id).pid,
          shifted(p.patient_id, on),
          p.type_code,
          route,
          p.status,
          ...cells,
        ]);
      }
      for (const p of slice.patients) {
        const first = firstTransplant.get(p.id) ?? null;
        const onset = p.stroke_onset_date;
        const onsetDays = first && onset ? dayOf(first) - dayOf(onset) : null;
        const age = ageGroup(p.birth_date, first);
        rows.patients.push([who(p.id).pid, p.sex, age, p.nationality, p.stroke_type, onsetDays]);
      }
      for (const a of slice.assessments) {
        const key = `A${++assessmentN}`;
        const { pid } = who(a.patient_id);
        const date = shifted(a.patient_id, a.assessed_on);
        const version = a.instrument_version;
        rows.assessments.push([key, pid, date, a.instrument_id, version, a.time_point, a.total, a.complete === 1]);
        const subs = a.subscores ? (JSON.parse(a.subscores) as Record<string, number | null>) : {};
        for (const [code, value] of Object.entries(subs)) rows.subscores.push([key, code, value]);
      }
      for (const e of slice.adverseEvents) {
        const proc = e.procedure_id === null ? null : (procedureKey.get(e.procedure_id) ?? null);
        const dates = [shifted(e.patient_id, e.onset_on)];
        const coded = [e.category, e.grade, e.serious === 1, e.relatedness, e.outcome, e.status];
        rows.adverse_events.push([
          who(e.patient_id).pid,
          proc,
          ...dates,
          ...coded,
          shifted(e.patient_id, e.resolved_on),
        ]);
      }
    },
    files(): ExportFile[] {
      return (Object.keys(RESEARCH_TABLES) as TableName[]).map((t) => ({
        name: `research-${t.replace('_', '-')}.csv`,
        mediaType: 'text/csv;charset=utf-8',
        text: toCsv(RESEARCH_TABLES[t], rows[t]),
      }));
    },
  };
}
