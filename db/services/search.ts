// Search as you type from anywhere: patients and inquiries by any part of a name, MRN, phone digits or e-mail.
import type { SearchResults } from '../contract';
import { inquiryRowsByIds } from '../repos/inquiries';
import { patientSummariesByIds } from '../repos/patients';
import { planSearch, searchInquiryIds, searchPatientIds } from '../repos/search';
import type { CallContext } from './context';

export function global(ctx: CallContext, input: { text: string; limit: number }): SearchResults {
  const { db } = ctx.core;
  const plan = planSearch(input.text);
  if (plan.mode === 'none') return { text: input.text, mode: 'none', patients: [], inquiries: [] };
  return {
    text: input.text,
    mode: plan.mode,
    patients: patientSummariesByIds(db, searchPatientIds(db, plan, input.limit)),
    inquiries: inquiryRowsByIds(db, searchInquiryIds(db, plan, input.limit)),
  };
}
