// Contract for form drafts: what a person typed into a form and has not saved yet, kept per account and per form.
import { z } from 'zod';
import { IsoInstant, Ok, method } from './common';

/**
 * Which form a draft belongs to: a new record (`inquiry:new`) or the record being edited (`patient:5`). A new course
 * belongs to a patient, so its draft is keyed by the patient (`courseNew:5`); a course being edited by itself.
 */
export const DRAFT_FORMS = ['inquiry', 'patient', 'convert', 'courseNew', 'course'] as const;
export type DraftForm = (typeof DRAFT_FORMS)[number];
export const FormKey = z
  .string()
  .regex(new RegExp(`^(${DRAFT_FORMS.join('|')}):(new|[1-9]\\d{0,15})$`), 'Not a form this app keeps drafts of');
export type FormKey = z.infer<typeof FormKey>;

export const formKey = (form: DraftForm, id: number | null): string => `${form}:${id === null ? 'new' : String(id)}`;

/** A form's values are small; this keeps a runaway client from filling the database. Counted in UTF-8 bytes. */
export const MAX_DRAFT_BYTES = 200 * 1024;
export const DRAFT_TOO_LARGE_MESSAGE = 'This draft is too large to keep (at most 200 KB)';
export const draftBytes = (data: unknown): number => new TextEncoder().encode(JSON.stringify(data)).length;

export const DraftData = z.record(z.string(), z.json());
export type DraftData = z.infer<typeof DraftData>;

export const DraftSummary = z.object({
  formKey: FormKey,
  /** The record's version when the form was opened; null for a new record. */
  baseVersion: z.number().int().nonnegative().nullable(),
  updatedAt: IsoInstant,
});
export type DraftSummary = z.infer<typeof DraftSummary>;

export const Draft = DraftSummary.extend({ data: DraftData });
export type Draft = z.infer<typeof Draft>;

export const DraftSaveInput = z.object({
  formKey: FormKey,
  data: DraftData.refine((d) => draftBytes(d) <= MAX_DRAFT_BYTES, DRAFT_TOO_LARGE_MESSAGE),
  baseVersion: z.number().int().nonnegative().nullable(),
});
export type DraftSaveInput = z.input<typeof DraftSaveInput>;

/** Only people who fill in records' forms keep drafts; each sees only their own. */
const FORM_USERS = ['coordinator', 'doctor'] as const;

export const draftMethods = {
  'drafts.get': method({ input: z.object({ formKey: FormKey }), output: Draft.nullable(), roles: FORM_USERS }),
  'drafts.save': method({ input: DraftSaveInput, output: DraftSummary, roles: FORM_USERS }),
  'drafts.discard': method({ input: z.object({ formKey: FormKey }), output: Ok, roles: FORM_USERS }),
  'drafts.mine': method({ input: z.object({}), output: z.array(DraftSummary), roles: FORM_USERS }),
} as const;
