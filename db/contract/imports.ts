// Contract for the web-form import: stage a CSV or JSON export, check it for duplicates in chunks, commit it in one go.
import { z } from 'zod';
import { Id, IsoInstant, method } from './common';

export const IMPORT_FORMATS = ['csv', 'json'] as const;
export const ImportFormat = z.enum(IMPORT_FORMATS);
export type ImportFormat = z.infer<typeof ImportFormat>;

/** The columns of a web-form export (CSV header / JSON keys), in the order the sample file uses. */
export const WEB_FORM_COLUMNS = [
  'submission_id',
  'submitted_at',
  'contact_name',
  'relation',
  'email',
  'phone',
  'messaging',
  'country',
  'language',
  'patient_name',
  'patient_sex',
  'patient_birth_date',
  'patient_age',
  'diagnosis',
  'onset_date',
  'symptoms',
  'conditions',
  'conditions_other',
  'message',
  'heard_about',
  'consent_contact',
  'consent_data_processing',
] as const;
export type WebFormColumn = (typeof WEB_FORM_COLUMNS)[number];
/** A file without these columns is refused whole; the others may be left out. */
export const REQUIRED_COLUMNS: readonly WebFormColumn[] = [
  'submitted_at',
  'contact_name',
  'relation',
  'patient_name',
  'consent_contact',
  'consent_data_processing',
];

/** The largest file the screen reads (bytes) and the core takes (characters): ~40,000 typical submissions. */
export const MAX_IMPORT_CHARS = 10_000_000;
/** JSON escaping at most doubles a text of CSV quotes and line breaks: the HTTP host allows `imports.stage` this much. */
export const MAX_IMPORT_BODY = 2 * MAX_IMPORT_CHARS + 64 * 1024;
export const MAX_IMPORT_ROWS = 50_000;
/** Only the first problems are sent back: a wholly wrong file should not produce a megabyte of errors. */
export const MAX_IMPORT_ERRORS = 500;
export const DUPLICATE_CHUNK_MAX = 500;

/**
 * One problem in a file. `row` counts as a spreadsheet does for CSV (the header is row 1, the first submission row 2)
 * and is the 1-based position in the array for JSON; null when the problem is the file itself.
 */
export const ImportIssue = z.object({
  row: z.number().int().min(1).nullable(),
  field: z.string().nullable(),
  /** In English, for logs and scripts; the screen words `code` and `values` in the reader's language. */
  message: z.string(),
  /**
   * An IMPORT_MESSAGES key (the screen's `imports:issue.<code>`), or 'validation' for a rule of the inquiry contract,
   * whose English `message` is one of VALIDATION_MESSAGES and is phrased as the forms phrase it.
   */
  code: z.string(),
  values: z.record(z.string(), z.string()),
});
export type ImportIssue = z.infer<typeof ImportIssue>;

/** Each problem the import finds in a file itself (not a rule of an inquiry): its English words, `{{values}}` open. */
export const IMPORT_MESSAGES = {
  expectedText: 'Expected text',
  required: 'Required',
  unknownCodes: 'Unknown code {{codes}}; use: {{allowed}}',
  requiredOneOf: 'Required; use one of: {{allowed}}',
  oneOf: 'Use one of: {{allowed}}',
  yesNo: 'Use yes or no',
  wholeYears: 'Whole years',
  instantFormat: 'Use an ISO 8601 date and time, e.g. 2026-11-24T09:30:00Z',
  instantZone: 'Add the time zone (Z or an offset such as +03:00)',
  notRealInstant: 'Not a real date and time',
  maxChars: 'At most {{max}} characters',
  noSubmissions: 'The file has no submissions',
  tooManyRows: 'At most {{max}} submissions per file; split it',
  unclosedQuote: 'A quoted value is never closed',
  badQuote: 'A quoted value has a stray character after its closing quote',
  unreadableLine: 'This line cannot be read as CSV',
  unnamedColumn: 'Column {{n}} has no name',
  unknownColumn: 'Unknown column; the columns are: {{columns}}',
  duplicateColumn: 'This column appears twice',
  missingColumn: 'Required column is missing',
  rowLength: 'This row has {{values}} values but the header has {{columns}} columns',
  notJson: 'The file is not valid JSON',
  notArray: 'The file must hold an array of submissions: [ {…}, {…} ]',
  notObject: 'Each submission must be an object',
  notPlain: 'Expected a plain value',
} as const;
export type ImportMessageKey = keyof typeof IMPORT_MESSAGES;

/** A problem in a file: its code and values for the screen, and the same in English. */
export function importIssue(
  row: number | null,
  field: string | null,
  code: ImportMessageKey,
  values: Record<string, string> = {},
): ImportIssue {
  const message = IMPORT_MESSAGES[code].replace(/\{\{(\w+)\}\}/g, (whole, name: string) => values[name] ?? whole);
  return { row, field, message, code, values };
}

export const StageInput = z.object({
  fileName: z.string().trim().min(1, 'Required').max(255, 'At most 255 characters'),
  format: ImportFormat,
  text: z.string().max(MAX_IMPORT_CHARS, 'The file is too large to import at once; split it.'),
});

export const StageResult = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(false),
    batchId: z.null(),
    rowCount: z.number().int(),
    errors: z.array(ImportIssue),
    errorCount: z.number().int(),
  }),
  z.object({ ok: z.literal(true), batchId: Id, rowCount: z.number().int(), alreadyImported: z.number().int() }),
]);
export type StageResult = z.infer<typeof StageResult>;

export const DUPLICATE_REASONS = ['submission', 'email', 'phone', 'name_birth'] as const;
export const DuplicateReason = z.enum(DUPLICATE_REASONS);
export type DuplicateReason = z.infer<typeof DuplicateReason>;

/** A record the row may repeat: an inquiry, a patient, or an earlier row of the same file (`id` is then its row number). */
export const ImportMatch = z.object({
  kind: z.enum(['inquiry', 'patient', 'row']),
  id: z.number().int().positive(),
  label: z.string(),
  reasons: z.array(DuplicateReason),
});
export type ImportMatch = z.infer<typeof ImportMatch>;

export const ImportRowCheck = z.object({
  row: z.number().int().positive(),
  ref: z.string(),
  summary: z.object({
    submittedAt: IsoInstant,
    patientName: z.string(),
    contactName: z.string(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    messaging: z.string().nullable(),
    country: z.string().nullable(),
  }),
  alreadyImported: z.boolean(),
  /** The inquiry an earlier import created from (or merged) this submission. */
  importedInquiryId: Id.nullable(),
  matches: z.array(ImportMatch),
});
export type ImportRowCheck = z.infer<typeof ImportRowCheck>;

export const DuplicateCheck = z.object({
  rows: z.array(ImportRowCheck),
  /** Rows in the batch, so the caller knows when it has checked them all. */
  total: z.number().int(),
});
export type DuplicateCheck = z.infer<typeof DuplicateCheck>;

export const IMPORT_ACTIONS = ['import', 'skip', 'merge'] as const;
export const ImportDecision = z
  .object({
    row: z.number().int().positive(),
    action: z.enum(IMPORT_ACTIONS),
    /** Merge into this existing inquiry… */
    mergeInquiryId: Id.nullable().default(null),
    /** …or into the inquiry an earlier row of this file creates. */
    mergeRow: z.number().int().positive().nullable().default(null),
  })
  .refine((d) => d.action !== 'merge' || (d.mergeInquiryId === null) !== (d.mergeRow === null), {
    message: 'A merge names one inquiry or one row to merge into',
    path: ['mergeInquiryId'],
  });
export type ImportDecision = z.infer<typeof ImportDecision>;

export const CommitResult = z.object({
  created: z.number().int(),
  merged: z.number().int(),
  skipped: z.number().int(),
  alreadyImported: z.number().int(),
  /** The inquiries this import created, in file order. */
  createdIds: z.array(Id),
});
export type CommitResult = z.infer<typeof CommitResult>;

const STAFF = ['coordinator', 'doctor'] as const;

export const importMethods = {
  'imports.stage': method({ input: StageInput, output: StageResult, roles: STAFF }),
  'imports.checkDuplicates': method({
    input: z.object({
      batchId: Id,
      offset: z.number().int().min(0),
      limit: z.number().int().min(1).max(DUPLICATE_CHUNK_MAX),
    }),
    output: DuplicateCheck,
    roles: STAFF,
  }),
  'imports.commit': method({
    input: z.object({ batchId: Id, decisions: z.array(ImportDecision).max(MAX_IMPORT_ROWS) }),
    output: CommitResult,
    roles: STAFF,
  }),
} as const;
