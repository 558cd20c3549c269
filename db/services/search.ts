// Search as you type from anywhere: patients and inquiries by any part of a name, MRN, phone digits or e-mail.
import type { SearchResults } from '../contract';
import { inquiryRowsByIds } from '../repos/inquiries';
import { SUMMARY_COLUMNS, summaries } from '../repos/patients';
import { planSearch, searchInquiryIds, searchPatientIds } from '../repos/search';
import { sql } from '../sqlite/sql';
import type { CallContext } from './context';

export function global(ctx: CallContext, input: { text: string; limit: number }): SearchResults {
  const { db } = ctx.core;
  const plan = planSearch(input.text);
  if (plan.mode === 'none') return { text: input.text, mode: 'none', patients: [], inquiries: [] };
  const patientIds = searchPatientIds(db, plan, input.limit);
  const byId = new Map(
    summaries(db, sql`SELECT ${SUMMARY_COLUMNS} FROM patients p WHERE p.id IN (SELECT value FROM json_each(${JSON.stringify(patientIds)}))`).map((p) => [p.id, p]),
  );
  return {
    text: input.text,
    mode: plan.mode,
    patients: patientIds.flatMap((id) => byId.get(id) ?? []),
    inquiries: inquiryRowsByIds(db, searchInquiryIds(db, plan, input.limit)),
  };
}
