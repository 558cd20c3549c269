// CSV for every exported table, written by papaparse: RFC 4180 quoting, CRLF, a header row, and a UTF-8 byte-order
// mark so spreadsheet programs read 李伟 or Иванов as written instead of guessing a legacy code page. Shared by the
// core's exports and the renderer's "Export CSV" buttons, so a table exported from either reads the same.
import Papa from 'papaparse';

export type CsvCell = string | number | boolean | null | undefined;

const BOM = '\uFEFF';

/**
 * A whole file: BOM, header row, then the rows, each line ended by CRLF. Text a spreadsheet would run as a formula
 * (= + - @, a tab or CR first) gets a leading apostrophe — an inquiry's free text must never become a live formula on
 * the clinic's computer (CSV injection); numbers stay numbers (a change of −4 is written -4).
 */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const data = rows.map((r) => r.map((c) => (typeof c === 'number' && !Number.isFinite(c) ? null : c)));
  return `${BOM}${Papa.unparse({ fields: [...header], data }, { newline: '\r\n', escapeFormulae: true })}\r\n`;
}

/** Reads what toCsv wrote (tests, and a file a user brings back). */
export function parseCsv(text: string): string[][] {
  const body = text.startsWith(BOM) ? text.slice(1) : text;
  return Papa.parse<string[]>(body, { skipEmptyLines: true }).data;
}
