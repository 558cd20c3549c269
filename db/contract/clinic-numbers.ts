// Contract for the clinic's numbers (issue #11 item 2): patients treated, courses, procedures by type and month, the
// inquiry funnel with first-response times, adverse-event rates with their denominators, follow-up completeness.
import { z } from 'zod';
import { CourseStatus } from './courses';
import { Channel } from './inquiries';
import { FollowUpPoint } from './follow-up';
import { Id, IsoDate, method } from './common';

const Count = z.number().int().min(0);

/** A period of clinic-local days, both ends included; either end open. */
export const ClinicNumbersInput = z
  .object({ from: IsoDate.nullable().default(null), to: IsoDate.nullable().default(null) })
  .refine((p) => p.from === null || p.to === null || p.from <= p.to, {
    message: 'The end cannot be before the start',
    path: ['to'],
  });

/** How many countries the funnel names before it groups the rest as "other". */
export const FUNNEL_TOP_COUNTRIES = 8;

/** One group's funnel: each stage counts the inquiries received in the period that reached it. */
export const FunnelCounts = z.object({
  inquiries: Count,
  contacted: Count,
  accepted: Count,
  /** Converted into a patient who has had a completed procedure. */
  treated: Count,
  /** Inquiries with a first contact recorded: the denominator of the median. */
  answered: Count,
  /** First contact within 24 hours of receipt, out of all `inquiries`. */
  within24h: Count,
  medianResponseHours: z.number().min(0).nullable(),
});
export type FunnelCounts = z.infer<typeof FunnelCounts>;

export const COUNTRY_GROUP_KINDS = ['country', 'unknown', 'other'] as const;

export const ProcedureStatusCounts = z.object({
  scheduled: Count,
  completed: Count,
  cancelled: Count,
  postponed: Count,
  noShow: Count,
});
export type ProcedureStatusCounts = z.infer<typeof ProcedureStatusCounts>;

export const ClinicNumbers = z.object({
  from: IsoDate.nullable(),
  to: IsoDate.nullable(),
  /** The clinic's today: follow-up windows closed before it count. */
  today: IsoDate,
  /** Patients with at least one completed procedure in the period. */
  patientsTreated: Count,
  courses: z.array(z.object({ status: CourseStatus, count: Count })),
  procedureTypes: z.array(z.object({ id: Id, code: z.string().nullable(), name: z.string() })),
  /** By the procedure's scheduled start, clinic-local month `YYYY-MM`; only months and types with a procedure. */
  proceduresByMonth: z.array(ProcedureStatusCounts.extend({ month: z.string().regex(/^\d{4}-\d{2}$/), typeId: Id })),
  funnel: z.object({
    total: FunnelCounts,
    byChannel: z.array(FunnelCounts.extend({ channel: Channel })),
    /** Most inquiries first; then inquiries without a country; then every other country together. */
    byCountry: z.array(FunnelCounts.extend({ country: z.string().nullable(), kind: z.enum(COUNTRY_GROUP_KINDS) })),
  }),
  adverseEvents: z.object({
    /** Per procedure type: events linked to its completed procedures in the period ÷ those procedures. */
    byType: z.array(
      z.object({
        typeId: Id,
        procedures: Count,
        events: Count,
        /** Events by grade 1–5 (index 0 is grade 1). */
        byGrade: z.array(Count).length(5),
      }),
    ),
    /** Per grade: events of treated patients with onset in the period, and how many treated patients had one. */
    byGrade: z.array(z.object({ grade: z.number().int().min(1).max(5), events: Count, patients: Count })),
    /** Events of treated patients in the period that name no procedure (not in the per-type rates). */
    unlinked: Count,
  }),
  /** Per month point: windows (target in the period) that closed before today, and how many got an assessment. */
  followUp: z.array(z.object({ timePoint: FollowUpPoint, closed: Count, done: Count, open: Count })),
});
export type ClinicNumbers = z.infer<typeof ClinicNumbers>;

export const clinicNumbersMethods = {
  'reports.clinicNumbers': method({
    input: ClinicNumbersInput,
    output: ClinicNumbers,
    roles: ['doctor', 'coordinator'],
  }),
} as const;
