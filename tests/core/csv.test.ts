// CSV export: what spreadsheet programs need (BOM, header, CRLF, quoting) and a lossless round trip.
import { describe, expect, it } from 'vitest';
import { parseCsv, toCsv } from '../../db/contract';

const cell = (v: string | number | null) => toCsv(['x'], [[v]]).slice('\uFEFFx\r\n'.length, -2);

describe('CSV', () => {
  it('starts with a BOM and a header row, ends lines with CRLF', () => {
    const text = toCsv(['name', 'total'], [['李伟', 12]]);
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text).toBe('\uFEFFname,total\r\n李伟,12\r\n');
    expect(Buffer.from(text, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it('quotes commas, quotes and line breaks, and keeps empty cells empty', () => {
    expect(cell('Smith, John')).toBe('"Smith, John"');
    expect(cell('say "hi"')).toBe('"say ""hi"""');
    expect(cell('two\nlines')).toBe('"two\nlines"');
    expect(cell(null)).toBe('');
    expect(cell(Number.NaN)).toBe('');
    expect(cell(-4)).toBe('-4');
  });

  it('never writes text a spreadsheet would run as a formula', () => {
    const risky = ['=HYPERLINK("http://x")', '+86 138 0013 8000', '@sum', '-1 day'];
    const [, ...rows] = parseCsv(
      toCsv(
        ['x'],
        risky.map((r) => [r]),
      ),
    );
    expect(rows.map((r) => r[0])).toEqual(risky.map((r) => `'${r}`));
    expect(cell(-4)).toBe('-4');
  });

  it('round-trips native scripts, right-to-left text, quotes and line breaks', () => {
    const rows = [
      ['Иванов Иван', 'محمد العلي', '2026-04-12', 'a "quoted", multi\r\nline note'],
      ['', '王芳', '2026-12-03', ''],
    ];
    const parsed = parseCsv(toCsv(['a', 'b', 'c', 'd'], rows));
    expect(parsed).toEqual([['a', 'b', 'c', 'd'], ...rows]);
  });
});
