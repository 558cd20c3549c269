// The import screen's decisions: defaults, merge choices, the cascade when a merge target is no longer imported, and the plan.
import { beforeAll, describe, expect, it } from 'vitest';
import { IMPORT_MESSAGES, type ImportMatch, type ImportRowCheck, WEB_FORM_COLUMNS } from '../../db/contract';
import { parseWebForm } from '../../db/services/web-form';
import {
  choicesFor,
  defaultDecisions,
  guessFormat,
  issueMessage,
  plan,
  setDecision,
  toDecisions,
} from '../../renderer/src/features/imports/import-model';
import { i18next, initI18n } from '../../renderer/src/i18n';
import { readValidationMessage } from '../../renderer/src/ui/validation-message';

const row = (n: number, over: { matches?: ImportMatch[]; alreadyImported?: boolean } = {}): ImportRowCheck => ({
  row: n,
  ref: `web:${n}`,
  summary: {
    submittedAt: '2026-11-20T10:00:00.000Z',
    patientName: `P ${n}`,
    contactName: `C ${n}`,
    email: null,
    phone: null,
    messaging: null,
    country: null,
  },
  alreadyImported: over.alreadyImported ?? false,
  importedInquiryId: over.alreadyImported ? 100 + n : null,
  matches: over.matches ?? [],
});

describe('import decisions', () => {
  const rows = [
    row(2),
    row(3, {
      matches: [
        { kind: 'inquiry', id: 7, label: 'x', reasons: ['email'] },
        { kind: 'patient', id: 4, label: 'y', reasons: ['phone'] },
      ],
    }),
    row(4, { matches: [{ kind: 'row', id: 2, label: 'z', reasons: ['phone'] }] }),
    row(5, { alreadyImported: true }),
  ];

  it('skips flagged rows and imports the rest by default; already-imported rows need no decision', () => {
    expect([...defaultDecisions(rows)]).toEqual([
      [2, 'import'],
      [3, 'skip'],
      [4, 'skip'],
    ]);
    expect(plan(rows, defaultDecisions(rows))).toEqual({ create: 1, merge: 0, skip: 2, already: 1 });
  });

  it('offers merges into matched inquiries and into earlier rows being imported, never into patients', () => {
    const d = defaultDecisions(rows);
    expect(choicesFor(rows[1]!, d)).toEqual(['import', 'skip', 'inquiry:7']);
    expect(choicesFor(rows[2]!, d)).toEqual(['import', 'skip', 'row:2']);
    expect(choicesFor(rows[2]!, setDecision(d, 2, 'skip'))).toEqual(['import', 'skip']);
  });

  it('falls back to skip when the row merged into stops being imported, and sends every row', () => {
    let d = setDecision(defaultDecisions(rows), 4, 'row:2');
    d = setDecision(d, 3, 'inquiry:7');
    expect(toDecisions(rows, d)).toEqual([
      { row: 2, action: 'import', mergeInquiryId: null, mergeRow: null },
      { row: 3, action: 'merge', mergeInquiryId: 7, mergeRow: null },
      { row: 4, action: 'merge', mergeInquiryId: null, mergeRow: 2 },
      { row: 5, action: 'skip', mergeInquiryId: null, mergeRow: null },
    ]);
    expect(setDecision(d, 2, 'skip').get(4)).toBe('skip');
  });

  it('guesses the format by the name, else by the first character', () => {
    expect(guessFormat('a.JSON', 'x')).toBe('json');
    expect(guessFormat('export', '\uFEFF  [{"a":1}]')).toBe('json');
    expect(guessFormat('export.txt', 'submission_id,submitted_at')).toBe('csv');
  });
});

describe("problems in a file, in the reader's language", () => {
  beforeAll(async () => {
    await initI18n('en');
  });

  // One file of each kind of mistake a web-form export has been seen to make.
  const header = WEB_FORM_COLUMNS.join(',');
  const cells = (over: Record<string, string>) =>
    WEB_FORM_COLUMNS.map((c) => over[c] ?? (c === 'submitted_at' ? '2026-11-20T10:00:00Z' : '')).join(',');
  const files: [string, 'csv' | 'json'][] = [
    [
      [
        header,
        cells({ submitted_at: '2026-11-20 10:00', relation: 'cousin', symptoms: 'flying', patient_age: 'sixty' }),
        cells({ submitted_at: 'yesterday', consent_contact: 'maybe', patient_birth_date: '2025-13-45' }),
        cells({ submission_id: 'x'.repeat(101), patient_sex: 'q', onset_date: '26-4-1' }),
        'a,b',
        '"never closed',
      ].join('\n'),
      'csv',
    ],
    [`,submitted_at,submitted_at,referrer\n`, 'csv'],
    ['', 'csv'],
    ['{', 'json'],
    ['{"a": 1}', 'json'],
    ['[1, {"referrer": "x", "symptoms": {"a": 1}}]', 'json'],
  ];
  const issues = files.flatMap(([text, format]) => parseWebForm(text, format).errors);

  it('sends a code for every problem, and each has Chinese words that are not the English ones', () => {
    expect(issues.length).toBeGreaterThan(20);
    const zh = i18next.getFixedT('zh-CN');
    const en = i18next.getFixedT('en');
    const seen = new Set<string>();
    for (const issue of issues) {
      seen.add(issue.code);
      if (issue.code === 'validation') expect(readValidationMessage(issue.message), issue.message).not.toBeNull();
      else expect(Object.keys(IMPORT_MESSAGES)).toContain(issue.code);
      // The English screen says what the core said; the Chinese one says it in Chinese.
      expect(issueMessage(en, issue)).toBe(issue.message);
      const chinese = issueMessage(zh, issue);
      expect(chinese, issue.message).not.toBe(issue.message);
      expect(chinese, issue.message).toMatch(/[\u4e00-\u9fff]/);
    }
    // Every kind these files hold came back with its own code.
    expect([...seen].sort()).toEqual(
      [
        ...['validation', 'instantZone', 'oneOf', 'unknownCodes', 'wholeYears', 'instantFormat', 'yesNo', 'maxChars'],
        ...['rowLength', 'unclosedQuote', 'unnamedColumn', 'unknownColumn', 'duplicateColumn', 'missingColumn'],
        ...['noSubmissions', 'notJson', 'notArray', 'notObject', 'notPlain', 'required', 'requiredOneOf'],
      ].sort(),
    );
  });

  it('keeps the values a problem names (codes, columns, counts) inside the Chinese sentence', () => {
    const zh = i18next.getFixedT('zh-CN');
    const unknown = issues.find((i) => i.code === 'unknownCodes');
    expect(unknown && issueMessage(zh, unknown)).toContain('"flying"');
    const length = issues.find((i) => i.code === 'rowLength');
    expect(length && issueMessage(zh, length)).toBe(`此行有 2 个值，但标题行有 ${WEB_FORM_COLUMNS.length} 列`);
  });
});
