// Search as you type from anywhere: patients and inquiries by any part of a name, MRN, phone digits or e-mail.
import type { SearchResults } from '../contract';
import { inquiryRowsByIds } from '../repos/inquiries';
import { patientSummariesByIds } from '../repos/patients';
import { lotHits } from '../repos/procedures';
import { planSearch, searchInquiryIds, searchPatientIds } from '../repos/search';
import type { CallContext } from './context';
import type { Core } from './core';

export function global(ctx: CallContext, input: { text: string; limit: number }): SearchResults {
  const { db } = ctx.core;
  const plan = planSearch(input.text);
  if (plan.mode === 'none') return { text: input.text, mode: 'none', patients: [], inquiries: [], lots: [] };
  return {
    text: input.text,
    mode: plan.mode,
    patients: patientSummariesByIds(db, searchPatientIds(db, plan, input.limit)),
    inquiries: inquiryRowsByIds(db, searchInquiryIds(db, plan, input.limit)),
    lots: lotHits(db, input.text, input.limit),
  };
}

/**
 * One search of each kind (name range, name trigrams, phone digits, Chinese/Japanese/Korean grams), answers thrown
 * away: the first real query otherwise pays for compiling these statements and code paths and for reading the index
 * pages it needs from disk. Read-only, so it is safe at any moment; returns the milliseconds it took, for the log.
 */
export function warmUp(core: Core): number {
  const started = performance.now();
  // Opening analyses the tables (open.ts), but a clinic seeded or imported in this same process has no statistics
  // until the next start, and the planner guesses without them. A no-op (~10 ms) when they are already fresh.
  core.db.pragma('optimize = 0x10002');
  const ctx: CallContext = { core, actor: null, session: { token: null } };
  for (const text of ['a', 'an', 'ova', 'ana li', '555', '王']) global(ctx, { text, limit: 6 });
  return performance.now() - started;
}
