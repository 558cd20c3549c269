// De-identified research export on a seeded demo clinic: no identifying value anywhere, intervals kept, old ages grouped.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv, type ExportFile } from '../../db/contract';
import { ageGroup, createResearchWriter } from '../../db/reports/research-export';
import { readExportSlice } from '../../db/repos/exports';
import { exportClinic, runToEnd } from './export-fixtures';

type Clinic = Awaited<ReturnType<typeof exportClinic>>;
let c: Clinic;
let files: ExportFile[];

beforeAll(async () => {
  c = await exportClinic();
  files = await runToEnd(c.doctor, 'exports.start', { kind: 'research' });
}, 120_000);
afterAll(() => fs.rmSync(c.dir, { recursive: true, force: true }));

const table = (name: string) => {
  const f = files.find((x) => x.name === `research-${name}.csv`);
  if (!f) throw new Error(`no ${name}`);
  const [header = [], ...rows] = parseCsv(f.text);
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
};
const DAY = 86_400_000;
const days = (a: string, b: string) => Math.round((Date.parse(b) - Date.parse(a)) / DAY);

describe('the research export', () => {
  it('writes the five tables, one patient row per live patient', () => {
    expect(files.map((f) => f.name).sort()).toEqual([
      'research-adverse-events.csv',
      'research-assessments.csv',
      'research-patients.csv',
      'research-procedures.csv',
      'research-subscores.csv',
    ]);
    const live = c.core.db.prepare('SELECT count(*) AS n FROM patients WHERE merged_into_id IS NULL').get() as {
      n: number;
    };
    expect(table('patients')).toHaveLength(live.n);
    expect(table('adverse-events')).toHaveLength(c.aes);
    expect(table('subscores').length).toBeGreaterThan(0);
  });

  it('holds no name, phone, e-mail, MRN, passport, address or free text of the source in any cell of any file', () => {
    const sources = c.core.db
      .prepare(
        `SELECT family_name, given_name, native_name, email, phone, messaging_handle, address, emergency_name,
                emergency_phone, passport_number, mrn, lesion_site, prior_treatments, health_notes FROM patients`,
      )
      .all() as Record<string, string | null>[];
    const extra = c.core.db
      .prepare(
        `SELECT value FROM patient_identifiers UNION ALL SELECT description FROM adverse_events
         UNION ALL SELECT lot_number FROM procedures WHERE lot_number IS NOT NULL
         UNION ALL SELECT display_name FROM accounts UNION ALL SELECT file_name FROM attachments`,
      )
      .all() as { value: string }[];
    const needles = new Set<string>();
    for (const row of sources) for (const v of Object.values(row)) if (v && v.trim().length >= 3) needles.add(v.trim());
    for (const { value } of extra) if (value.trim().length >= 3) needles.add(value.trim());
    // Family names alone too (a cell holding "Ivanov" is as bad as "Ivan Ivanov"), and the digits of each phone.
    for (const row of sources) {
      for (const k of ['family_name', 'given_name'] as const) if ((row[k] ?? '').length >= 3) needles.add(row[k] ?? '');
      const digits = (row.phone ?? '').replace(/\D/g, '');
      if (digits.length >= 7) needles.add(digits);
    }
    expect(needles.size).toBeGreaterThan(500);
    const found: string[] = [];
    for (const f of files) {
      for (const row of parseCsv(f.text)) {
        for (const cell of row) {
          const lower = cell.toLowerCase();
          for (const n of needles) if (lower.includes(n.toLowerCase())) found.push(`${f.name}: ${n}`);
        }
      }
    }
    expect(found).toEqual([]);
  });

  it('shifts every date of a patient by one offset: intervals between their dates are kept', () => {
    const procedures = table('procedures');
    const assessments = table('assessments');
    const source = c.core.db
      .prepare(
        `SELECT p.id AS patient, substr(coalesce(x.performed_start, x.starts_at), 1, 10) AS proc,
                (SELECT assessed_on FROM assessments a JOIN assessment_versions v ON v.assessment_id = a.id
                  AND v.n = a.signed_n WHERE a.patient_id = p.id ORDER BY assessed_on, a.id LIMIT 1) AS assessed
           FROM patients p JOIN procedures x ON x.patient_id = p.id AND x.status IN ('completed', 'cancelled')
          WHERE p.merged_into_id IS NULL
          GROUP BY p.id HAVING x.starts_at = min(x.starts_at) AND assessed IS NOT NULL`,
      )
      .all() as { patient: number; proc: string; assessed: string }[];
    expect(source.length).toBeGreaterThan(5);
    // Pair the export's first procedure and first assessment per pseudonym; the multiset of intervals must match.
    const firstBy = (rows: Record<string, string>[]) => {
      const m = new Map<string, string>();
      for (const r of rows) {
        const cur = m.get(r.patient ?? '');
        if (!cur || (r.date ?? '') < cur) m.set(r.patient ?? '', r.date ?? '');
      }
      return m;
    };
    const firstProc = firstBy(procedures);
    const firstAssessed = firstBy(assessments);
    const exported = [...firstProc].flatMap(([pid, d]) => {
      const a = firstAssessed.get(pid);
      return a ? [days(d, a)] : [];
    });
    const truth = source.map((s) => days(s.proc, s.assessed));
    expect(exported.sort((a, b) => a - b)).toEqual(truth.sort((a, b) => a - b));
    // And the shift is real: not one patient's first procedure keeps its true date set.
    const trueDates = new Set(source.map((s) => s.proc));
    const kept = [...firstProc.values()].filter((d) => trueDates.has(d));
    expect(kept.length).toBeLessThan(firstProc.size / 4);
  });

  it('gives a fresh pseudonym and a fresh offset on every export (nothing is stored to link two exports)', async () => {
    const again = await runToEnd(c.admin, 'exports.start', { kind: 'research' });
    const ids = (fs: ExportFile[]) => parseCsv(fs.find((f) => f.name === 'research-patients.csv')?.text ?? '').slice(1);
    const first = new Set(ids(files).map((r) => r[0]));
    expect(ids(again).filter((r) => first.has(r[0]))).toEqual([]);
  });
});

describe('ages', () => {
  it('groups every age over 89 as 90+, and reads a partial birth date as the middle of its span', () => {
    expect(ageGroup('1930-05-02', '2020-05-01')).toBe('89');
    expect(ageGroup('1930-05-02', '2020-05-02')).toBe('90+');
    expect(ageGroup('1920', '2026-01-01')).toBe('90+');
    expect(ageGroup('1960', '2026-07-01')).toBe('66');
    expect(ageGroup('1960-03', '2026-03-01')).toBe('65');
    expect(ageGroup(null, '2026-03-01')).toBeNull();
  });

  it('writes 90+ into the patients table for a very old patient', () => {
    const ids = (
      c.core.db.prepare('SELECT id FROM patients WHERE merged_into_id IS NULL ORDER BY id LIMIT 3').all() as {
        id: number;
      }[]
    ).map((r) => r.id);
    const slice = readExportSlice(c.core.db, ids);
    const first = slice.patients[0];
    if (!first) throw new Error('no patient');
    first.birth_date = '1901-01-01';
    if (!slice.procedures.some((p) => p.patient_id === first.id && p.status === 'completed')) {
      slice.procedures.unshift({ ...(slice.procedures[0] ?? never()), patient_id: first.id, status: 'completed' });
    }
    let n = 0;
    const w = createResearchWriter({ id: () => `R-${++n}`, offsetDays: () => 10 });
    w.add(slice);
    const patients = parseCsv(w.files().find((f) => f.name === 'research-patients.csv')?.text ?? '');
    expect(patients[1]?.[2]).toBe('90+');
  });
});

function never(): never {
  throw new Error('the demo clinic has no procedure in its first patients');
}
