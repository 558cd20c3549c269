// The import screen's logic, kept apart from React: format guess, default decisions, their cascade, and the counts.
import type { TFunction } from 'i18next';
import {
  IMPORT_MESSAGES,
  type ImportDecision,
  type ImportFormat,
  type ImportIssue,
  type ImportRowCheck,
} from '../../../../db/contract';
import { fieldMessage } from '../../ui/validation-message';

/** One row's decision as the select holds it: `import`, `skip`, `inquiry:12` (merge into #12) or `row:3` (into row 3's inquiry). */
export type DecisionValue = 'import' | 'skip' | `inquiry:${number}` | `row:${number}`;
export type Decisions = ReadonlyMap<number, DecisionValue>;
export type RowStatus = 'new' | 'already' | 'duplicate';

export const PREVIEW_PAGE = 100;
export const CHECK_CHUNK = 200;

export function guessFormat(fileName: string, text: string): ImportFormat {
  if (/\.json$/i.test(fileName)) return 'json';
  if (/\.csv$/i.test(fileName)) return 'csv';
  return text
    .replace(/^\uFEFF/, '')
    .trimStart()
    .startsWith('[')
    ? 'json'
    : 'csv';
}

export const rowStatus = (r: ImportRowCheck): RowStatus =>
  r.alreadyImported ? 'already' : r.matches.length > 0 ? 'duplicate' : 'new';

/** Rows that may repeat someone already known are skipped unless the coordinator says otherwise. */
export function defaultDecisions(rows: readonly ImportRowCheck[]): Map<number, DecisionValue> {
  return new Map(rows.filter((r) => !r.alreadyImported).map((r) => [r.row, r.matches.length > 0 ? 'skip' : 'import']));
}

/** What a flagged row may become: merges into the inquiries it matches, or into an earlier row that is being imported. */
export function choicesFor(r: ImportRowCheck, decisions: Decisions): DecisionValue[] {
  const merges = r.matches.flatMap((m): DecisionValue[] => {
    if (m.kind === 'inquiry') return [`inquiry:${m.id}`];
    if (m.kind === 'row' && decisions.get(m.id) === 'import') return [`row:${m.id}`];
    return [];
  });
  return ['import', 'skip', ...merges];
}

/** Sets one row; rows that were to merge into it fall back to skip once it is no longer imported. */
export function setDecision(decisions: Decisions, row: number, value: DecisionValue): Map<number, DecisionValue> {
  const next = new Map(decisions);
  next.set(row, value);
  if (value !== 'import') {
    for (const [other, v] of next) if (v === `row:${row}`) next.set(other, 'skip');
  }
  return next;
}

export interface Plan {
  create: number;
  merge: number;
  skip: number;
  already: number;
}

export function plan(rows: readonly ImportRowCheck[], decisions: Decisions): Plan {
  const p: Plan = { create: 0, merge: 0, skip: 0, already: 0 };
  for (const r of rows) {
    const d = decisions.get(r.row);
    if (r.alreadyImported || d === undefined) p.already += 1;
    else if (d === 'import') p.create += 1;
    else if (d === 'skip') p.skip += 1;
    else p.merge += 1;
  }
  return p;
}

/** Every row gets a decision (the core asks for all); already-imported rows say skip, and the core counts them as imported. */
export function toDecisions(rows: readonly ImportRowCheck[], decisions: Decisions): ImportDecision[] {
  return rows.map((r): ImportDecision => {
    const d = decisions.get(r.row) ?? 'skip';
    if (d === 'import' || d === 'skip') return { row: r.row, action: d, mergeInquiryId: null, mergeRow: null };
    const id = Number(d.split(':')[1]);
    return d.startsWith('inquiry:')
      ? { row: r.row, action: 'merge', mergeInquiryId: id, mergeRow: null }
      : { row: r.row, action: 'merge', mergeInquiryId: null, mergeRow: id };
  });
}

/**
 * A problem in the file in the reader's language: the import's own by its code, a rule of the inquiry contract as the
 * forms word it; a code this screen does not know (a newer core) in the core's English rather than not at all.
 */
export function issueMessage(t: TFunction, issue: ImportIssue): string {
  if (issue.code in IMPORT_MESSAGES) return t(`imports:issue.${issue.code}`, issue.values);
  return fieldMessage(t, issue.message);
}
