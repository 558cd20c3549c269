// The import screen's decisions: defaults, merge choices, the cascade when a merge target is no longer imported, and the plan.
import { describe, expect, it } from 'vitest';
import type { ImportMatch, ImportRowCheck } from '../../db/contract';
import {
  choicesFor,
  defaultDecisions,
  guessFormat,
  plan,
  setDecision,
  toDecisions,
} from '../../renderer/src/features/imports/import-model';

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
