// Reads a web-form export (CSV or JSON) into checked inquiry fields, or says which rows and columns are wrong. Pure.
import { createHash } from 'node:crypto';
import Papa from 'papaparse';
import {
  CONDITIONS,
  DIAGNOSES,
  InquiryFieldsChecked,
  MAX_IMPORT_ERRORS,
  MAX_IMPORT_ROWS,
  RELATIONS,
  REQUIRED_COLUMNS,
  SEXES,
  SYMPTOMS,
  WEB_FORM_COLUMNS,
  type ImportFormat,
  type ImportIssue,
  type ImportMessageKey,
  importIssue,
  type InquiryFields,
  type WebFormColumn,
} from '../contract';

export interface WebFormRow {
  /** Spreadsheet row for CSV (header = 1), position in the array for JSON. */
  row: number;
  /** `web:<submission_id>`, or `row:<sha256 of the checked fields>` when the form gave no id. */
  ref: string;
  fields: InquiryFields;
}

export interface WebFormParse {
  rows: WebFormRow[];
  /** At most MAX_IMPORT_ERRORS of them; `errorCount` says how many there were. */
  errors: ImportIssue[];
  errorCount: number;
  /** Data rows seen, valid or not. */
  rowCount: number;
}

type Cells = Partial<Record<WebFormColumn, unknown>>;

const KNOWN = new Set<string>(WEB_FORM_COLUMNS);
const isColumn = (name: string): name is WebFormColumn => KNOWN.has(name);

/** Where each inquiry field comes from, so a rule broken in the contract names the column the person can fix. */
const COLUMN_OF: Record<keyof InquiryFields, WebFormColumn | null> = {
  receivedAt: 'submitted_at',
  channel: null,
  contactName: 'contact_name',
  contactRelation: 'relation',
  contactEmail: 'email',
  contactPhone: 'phone',
  messagingHandle: 'messaging',
  country: 'country',
  preferredLanguage: 'language',
  patientName: 'patient_name',
  patientSex: 'patient_sex',
  patientBirthDate: 'patient_birth_date',
  patientBirthDateApprox: 'patient_birth_date',
  patientAge: 'patient_age',
  diagnosis: 'diagnosis',
  strokeOnsetDate: 'onset_date',
  strokeOnsetDateApprox: 'onset_date',
  weaknessSide: null,
  symptoms: 'symptoms',
  conditions: 'conditions',
  conditionsOther: 'conditions_other',
  message: 'message',
  heardAbout: 'heard_about',
  consentContact: 'consent_contact',
  consentDataProcessing: 'consent_data_processing',
  ownerId: null,
  nextFollowUp: null,
};

/** A cell that cannot be read: the message's code and values, worded by the screen in the reader's language. */
class CellError extends Error {
  constructor(
    readonly code: ImportMessageKey,
    readonly values: Record<string, string> = {},
  ) {
    super(code);
  }
}

/** Text of a cell: numbers become text (a spreadsheet may store a phone as a number); empty becomes null. */
function text(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v.trim() === '' ? null : v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  throw new CellError('expectedText');
}

const lower = (v: unknown) => text(v)?.trim().toLowerCase() ?? null;

function codes(v: unknown, allowed: readonly string[]): string[] {
  const items = Array.isArray(v) ? v.map((x) => text(x) ?? '') : (text(v) ?? '').split(';');
  const out = [...new Set(items.map((s) => s.trim().toLowerCase()).filter((s) => s !== ''))];
  const unknown = out.filter((c) => !allowed.includes(c));
  if (unknown.length > 0)
    throw new CellError('unknownCodes', {
      codes: unknown.map((c) => `"${c}"`).join(', '),
      allowed: allowed.join(', '),
    });
  return out;
}

/** A code from a fixed list; `empty` is what a blank cell means (undefined: the column must be filled). */
function oneOf(allowed: readonly string[], empty?: string) {
  return (v: unknown): string => {
    const s = lower(v);
    const code = s === null ? empty : (SHORT_CODES[s] ?? s);
    if (code === undefined) throw new CellError('requiredOneOf', { allowed: allowed.join(', ') });
    if (!allowed.includes(code)) throw new CellError('oneOf', { allowed: allowed.join(', ') });
    return code;
  };
}

function yesNo(v: unknown): boolean {
  if (typeof v === 'boolean') return v;
  if (v === 1 || v === 0) return v === 1;
  const s = lower(v);
  if (s === null) return false;
  if (['yes', 'y', 'true', '1'].includes(s)) return true;
  if (['no', 'n', 'false', '0'].includes(s)) return false;
  throw new CellError('yesNo');
}

function age(v: unknown): number | null {
  if (typeof v === 'number') return v;
  const s = text(v)?.trim() ?? null;
  if (s === null) return null;
  if (!/^\d{1,3}$/.test(s)) throw new CellError('wholeYears');
  return Number(s);
}

/** Forms often export the sex as one letter. */
const SHORT_CODES: Readonly<Record<string, string>> = { f: 'female', m: 'male' };

const INSTANT_RE = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/i;

/** Web forms export local times with an offset; the records keep UTC. A time without a zone is ambiguous: refused. */
function instant(v: unknown): string {
  const s = text(v)?.trim() ?? null;
  if (s === null) throw new CellError('required');
  const m = INSTANT_RE.exec(s);
  if (!m) throw new CellError('instantFormat');
  if (m[3] === undefined) throw new CellError('instantZone');
  const zone = m[3].toUpperCase() === 'Z' ? 'Z' : m[3].replace(/^([+-]\d{2})(\d{2})$/, '$1:$2');
  const d = new Date(`${s.slice(0, 10)}T${s.slice(11, s.length - m[3].length)}${zone}`);
  if (Number.isNaN(d.getTime())) throw new CellError('notRealInstant');
  return d.toISOString();
}

function submissionId(v: unknown): string | null {
  const s = text(v)?.trim() ?? null;
  if (s !== null && s.length > 100) throw new CellError('maxChars', { max: '100' });
  return s;
}

/** One row's cells → checked fields, or the problems, each naming its column. */
function mapRow(cells: Cells, row: number): { ok: true; value: WebFormRow } | { ok: false; issues: ImportIssue[] } {
  const issues: ImportIssue[] = [];
  const failed = new Set<WebFormColumn>();
  const cell = <T>(column: WebFormColumn, convert: (v: unknown) => T, fallback: T): T => {
    try {
      return convert(cells[column]);
    } catch (err) {
      if (!(err instanceof CellError)) throw err;
      issues.push(importIssue(row, column, err.code, err.values));
      failed.add(column);
      return fallback;
    }
  };
  const id = cell('submission_id', submissionId, null);
  const candidate = {
    receivedAt: cell('submitted_at', instant, ''),
    channel: 'web_form',
    contactName: cell('contact_name', text, null) ?? '',
    contactRelation: cell('relation', oneOf(RELATIONS), ''),
    contactEmail: cell('email', text, null),
    contactPhone: cell('phone', text, null),
    messagingHandle: cell('messaging', text, null),
    country: cell('country', (v) => text(v)?.trim().toUpperCase() ?? null, null),
    preferredLanguage: cell('language', lower, null),
    patientName: cell('patient_name', text, null) ?? '',
    patientSex: cell('patient_sex', oneOf(SEXES, 'unknown'), 'unknown'),
    patientBirthDate: cell('patient_birth_date', (v) => text(v)?.trim() ?? null, null),
    patientAge: cell('patient_age', age, null),
    diagnosis: cell('diagnosis', oneOf(DIAGNOSES, 'unknown'), 'unknown'),
    strokeOnsetDate: cell('onset_date', (v) => text(v)?.trim() ?? null, null),
    symptoms: cell('symptoms', (v) => codes(v, SYMPTOMS), []),
    conditions: cell('conditions', (v) => codes(v, CONDITIONS), []),
    conditionsOther: cell('conditions_other', text, null),
    message: cell('message', text, null),
    heardAbout: cell('heard_about', text, null),
    consentContact: cell('consent_contact', yesNo, false),
    consentDataProcessing: cell('consent_data_processing', yesNo, false),
    ownerId: null,
    nextFollowUp: null,
  };
  const parsed = InquiryFieldsChecked.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = issue.path[0];
      const column = typeof key === 'string' && key in COLUMN_OF ? COLUMN_OF[key as keyof InquiryFields] : null;
      // A cell that could not be read already has its problem; the contract's complaint about the stand-in adds nothing.
      if (column !== null && failed.has(column)) continue;
      issues.push({ row, field: column, message: issue.message, code: 'validation', values: {} });
    }
  }
  if (issues.length > 0 || !parsed.success) return { ok: false, issues };
  const fields = parsed.data;
  const ref = id !== null ? `web:${id}` : `row:${createHash('sha256').update(JSON.stringify(fields)).digest('hex')}`;
  return { ok: true, value: { row, ref, fields } };
}

class Collector {
  readonly rows: WebFormRow[] = [];
  readonly errors: ImportIssue[] = [];
  errorCount = 0;
  rowCount = 0;
  add(issues: readonly ImportIssue[]): void {
    for (const issue of issues) {
      this.errorCount += 1;
      if (this.errors.length < MAX_IMPORT_ERRORS) this.errors.push(issue);
    }
  }
  /** `found` are problems already seen in this row (e.g. an unknown key): the row is still read, to report all at once. */
  map(cells: Cells, row: number, found: readonly ImportIssue[] = []): void {
    this.rowCount += 1;
    const r = mapRow(cells, row);
    this.add(found);
    if (!r.ok) this.add(r.issues);
    else if (found.length === 0) this.rows.push(r.value);
  }
  result(): WebFormParse {
    if (this.rowCount === 0 && this.errorCount === 0) this.add([importIssue(null, null, 'noSubmissions')]);
    if (this.rowCount > MAX_IMPORT_ROWS)
      this.add([importIssue(null, null, 'tooManyRows', { max: String(MAX_IMPORT_ROWS) })]);
    // A file with any bad row imports nothing: no rows are handed on.
    return {
      rows: this.errorCount > 0 ? [] : this.rows,
      errors: this.errors,
      errorCount: this.errorCount,
      rowCount: this.rowCount,
    };
  }
}

const stripBom = (s: string) => (s.charCodeAt(0) === 0xfeff ? s.slice(1) : s);

/** Spreadsheets in some locales write ';' or tabs between columns; the header line says which (no column name has one). */
function delimiterOf(firstLine: string): string {
  const counts = [',', ';', '\t'].map((d) => [d, firstLine.split(d).length] as const);
  return counts.reduce((best, c) => (c[1] > best[1] ? c : best))[0];
}

function parseCsv(input: string): WebFormParse {
  const out = new Collector();
  const source = stripBom(input);
  const parsed = Papa.parse<string[]>(source, {
    header: false,
    delimiter: delimiterOf(source.split(/\r?\n/, 1)[0] ?? ''),
    skipEmptyLines: false,
  });
  // Papa's row index counts records, as a spreadsheet counts rows; a quoted line break stays inside its row.
  for (const e of parsed.errors) {
    const code =
      e.code === 'MissingQuotes' ? 'unclosedQuote' : e.code === 'InvalidQuotes' ? 'badQuote' : 'unreadableLine';
    out.add([importIssue(e.row === undefined ? null : e.row + 1, null, code)]);
  }
  const [header, ...records] = parsed.data;
  if (!header) return out.result();
  const names = header.map((h) => h.trim().toLowerCase());
  const issues: ImportIssue[] = [];
  names.forEach((name, i) => {
    if (name === '') issues.push(importIssue(1, null, 'unnamedColumn', { n: String(i + 1) }));
    else if (!isColumn(name))
      issues.push(importIssue(1, name, 'unknownColumn', { columns: WEB_FORM_COLUMNS.join(', ') }));
    else if (names.indexOf(name) !== i) issues.push(importIssue(1, name, 'duplicateColumn'));
  });
  for (const required of REQUIRED_COLUMNS) {
    if (!names.includes(required)) issues.push(importIssue(1, required, 'missingColumn'));
  }
  out.add(issues);
  if (issues.length > 0) return out.result();
  records.forEach((record, i) => {
    const row = i + 2;
    // A blank line still counts as a row (a spreadsheet shows it), but it is not a submission.
    if (record.every((c) => c.trim() === '')) return;
    if (record.length !== names.length) {
      out.rowCount += 1;
      out.add([importIssue(row, null, 'rowLength', { values: String(record.length), columns: String(names.length) })]);
      return;
    }
    const cells: Cells = {};
    names.forEach((name, j) => {
      if (isColumn(name)) cells[name] = record[j];
    });
    out.map(cells, row);
  });
  return out.result();
}

function parseJson(input: string): WebFormParse {
  const out = new Collector();
  let data: unknown;
  try {
    data = JSON.parse(stripBom(input));
  } catch {
    out.add([importIssue(null, null, 'notJson')]);
    return out.result();
  }
  if (!Array.isArray(data)) {
    out.add([importIssue(null, null, 'notArray')]);
    return out.result();
  }
  const unknownSeen = new Set<string>();
  data.forEach((item: unknown, i) => {
    const row = i + 1;
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      out.rowCount += 1;
      out.add([importIssue(row, null, 'notObject')]);
      return;
    }
    const issues: ImportIssue[] = [];
    const cells: Cells = {};
    for (const [key, value] of Object.entries(item)) {
      if (!isColumn(key)) {
        // Named once, at the first row that has it, so a file with an extra key everywhere is one problem, not thousands.
        if (!unknownSeen.has(key))
          issues.push(importIssue(row, key, 'unknownColumn', { columns: WEB_FORM_COLUMNS.join(', ') }));
        unknownSeen.add(key);
      } else if (
        typeof value === 'object' &&
        value !== null &&
        !(Array.isArray(value) && (key === 'symptoms' || key === 'conditions'))
      ) {
        issues.push(importIssue(row, key, 'notPlain'));
      } else {
        cells[key] = value;
      }
    }
    for (const required of REQUIRED_COLUMNS) {
      if (!(required in item)) issues.push(importIssue(row, required, 'missingColumn'));
    }
    out.map(cells, row, issues);
  });
  return out.result();
}

export function parseWebForm(text: string, format: ImportFormat): WebFormParse {
  return format === 'csv' ? parseCsv(text) : parseJson(text);
}

/**
 * A file read for staging, as it crosses from a worker thread. Cloning 30,000 rows back as objects, or their fields as
 * one 20 MB string, held the thread that answers calls ~400 ms (copying 20 MB of bytes ~150 ms; handing the buffer over
 * instead, 0.1 ms — measured 2026-12-03): so each row's ref and its fields (the JSON they are stored as) come as UTF-8 back to back, `ends` saying where each
 * piece ends (two per row: ref, fields). `stagedPiece` reads one back.
 */
export interface StagedFile {
  rowNumbers: Int32Array;
  bytes: Uint8Array;
  ends: Int32Array;
  errors: ImportIssue[];
  errorCount: number;
  rowCount: number;
  sha256: string;
}

/** `parseWebForm`, shaped for staging: the same rows, errors and row numbers. */
export function readWebFormFile(text: string, format: ImportFormat): StagedFile {
  const parsed = parseWebForm(text, format);
  const pieces = parsed.rows.flatMap((r) => [r.ref, JSON.stringify(r.fields)]);
  const ends = new Int32Array(pieces.length);
  let size = 0;
  pieces.forEach((p, i) => (ends[i] = size += Buffer.byteLength(p)));
  // Its own buffer (not a slice of Node's pool), so that the worker can hand it over instead of copying it.
  const bytes = new Uint8Array(size);
  const encoder = new TextEncoder();
  pieces.forEach((p, i) => encoder.encodeInto(p, bytes.subarray(ends[i - 1] ?? 0)));
  return {
    rowNumbers: Int32Array.from(parsed.rows, (r) => r.row),
    bytes,
    ends,
    errors: parsed.errors,
    errorCount: parsed.errorCount,
    rowCount: parsed.rowCount,
    sha256: createHash('sha256').update(text).digest('hex'),
  };
}

const utf8 = new TextDecoder();
/** Piece `k` of a staged file: row i's ref is piece 2i, its fields' JSON piece 2i + 1. */
export const stagedPiece = (f: StagedFile, k: number): string =>
  utf8.decode(f.bytes.subarray(f.ends[k - 1] ?? 0, f.ends[k] ?? 0));
