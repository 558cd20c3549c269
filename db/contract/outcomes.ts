// Contract for the outcomes report (issue #11): improvement against baseline per instrument and time point, with its
// denominators, missing follow-ups, strata, and the thresholds ("improved" = change reaches the MCID) as settings.
import { z } from 'zod';
import { IsoDate, method } from './common';

/** Instruments with a total and a published minimal clinically important difference: the ones a report can judge. */
export const OUTCOME_INSTRUMENTS = ['nihss', 'mrs', 'barthel', 'fm-ue', 'fm-le', 'berg'] as const;
export const OutcomeInstrument = z.enum(OUTCOME_INSTRUMENTS);
export type OutcomeInstrument = z.infer<typeof OutcomeInstrument>;

/** Follow-up points compared with baseline. */
export const OUTCOME_TIME_POINTS = ['discharge', 'm1', 'm3', 'm6', 'm12'] as const;
export const OutcomeTimePoint = z.enum(OUTCOME_TIME_POINTS);
export type OutcomeTimePoint = z.infer<typeof OutcomeTimePoint>;

export const STRATIFICATIONS = ['none', 'strokeType', 'onset', 'severity', 'age', 'comorbidity'] as const;
export const Stratification = z.enum(STRATIFICATIONS);
export type Stratification = z.infer<typeof Stratification>;

export const TRANSPLANT_FILTERS = ['any', '1', '2', '3+'] as const;
export const TransplantFilter = z.enum(TRANSPLANT_FILTERS);

/**
 * Magnitudes (always positive) of the change that counts as improved, in the instrument's better direction.
 * Defaults from DOMAIN.md: mRS 1, Barthel 10, Fugl-Meyer arm 9, leg 6, Berg 6, NIHSS 4.
 */
export const DEFAULT_THRESHOLDS: Readonly<Record<OutcomeInstrument, number>> = {
  nihss: 4,
  mrs: 1,
  barthel: 10,
  'fm-ue': 9,
  'fm-le': 6,
  berg: 6,
};
const Threshold = z.number('A number above 0').positive('A number above 0');
export const ReportThresholds = z.object({
  nihss: Threshold,
  mrs: Threshold,
  barthel: Threshold,
  'fm-ue': Threshold,
  'fm-le': Threshold,
  berg: Threshold,
});
export type ReportThresholds = z.infer<typeof ReportThresholds>;

export const OutcomeQuery = z.object({
  instrument: OutcomeInstrument,
  timePoint: OutcomeTimePoint,
  stratifyBy: Stratification.default('none'),
  /** First transplant on or after / on or before (clinic-local days). */
  from: IsoDate.nullable().default(null),
  to: IsoDate.nullable().default(null),
  transplants: TransplantFilter.default('any'),
});
export type OutcomeQuery = z.input<typeof OutcomeQuery>;

const Ci = z.object({ low: z.number(), high: z.number() }).nullable();
/** k of n with its 95 % Wilson interval (null when n is 0). */
export const Proportion = z.object({ k: z.number().int(), n: z.number().int(), ci: Ci });
export type Proportion = z.infer<typeof Proportion>;

export const ChangeSpread = z.object({
  mean: z.number().nullable(),
  sd: z.number().nullable(),
  median: z.number().nullable(),
  q1: z.number().nullable(),
  q3: z.number().nullable(),
});

/** One line of the report: the whole filtered group or one stratum. Counts partition `treated`. */
export const OutcomeRow = z.object({
  /** Stratum key ('all' for the whole group): a band code the screen names in the user's language. */
  key: z.string(),
  treated: z.number().int(),
  /** Baseline and follow-up both signed: the change is known. */
  assessed: z.number().int(),
  improved: Proportion,
  change: ChangeSpread,
  /** Past the follow-up's window without a signed follow-up. */
  missingFollowUp: z.number().int(),
  /** Follow-up signed but no signed baseline: no change to judge. */
  missingBaseline: z.number().int(),
  /** Follow-up window not yet over and no follow-up yet: not counted anywhere. */
  notYetDue: z.number().int(),
  /** Everyone due counted, the missing as not improved. */
  sensitivity: Proportion,
  /** mRS only: follow-up total in the good-outcome band (0–2), of the assessed. */
  goodOutcome: Proportion.nullable(),
});
export type OutcomeRow = z.infer<typeof OutcomeRow>;

/** Clinician's global impression per domain at the same time point, same treated group. 1–3 improved, 4 unchanged. */
export const DomainRow = z.object({
  domain: z.string(),
  treated: z.number().int(),
  assessed: z.number().int(),
  improved: Proportion,
  unchanged: z.number().int(),
  worse: z.number().int(),
  missing: z.number().int(),
});
export type DomainRow = z.infer<typeof DomainRow>;

export const OutcomeReport = z.object({
  instrument: OutcomeInstrument,
  timePoint: OutcomeTimePoint,
  stratifyBy: Stratification,
  /** Positive magnitude; `better` says which way. */
  threshold: z.number(),
  better: z.enum(['higher', 'lower']),
  /** The clinic's today the windows were judged against. */
  asOf: IsoDate,
  overall: OutcomeRow,
  strata: z.array(OutcomeRow),
  /** How severity bands were drawn: published bands, or tertiles of the baseline totals (with their cut points). */
  severityBands: z.array(z.object({ key: z.string(), min: z.number(), max: z.number() })),
  domains: z.array(DomainRow),
});
export type OutcomeReport = z.infer<typeof OutcomeReport>;

/** The screen's question: every grouping at once, so switching the grouping needs no further call. */
export const OutcomeScreenQuery = OutcomeQuery.omit({ stratifyBy: true });
export type OutcomeScreenQuery = z.input<typeof OutcomeScreenQuery>;

/** The report with the rows of every grouping (`none` has none): what the outcomes screen shows, prints and exports. */
export const OutcomeScreen = OutcomeReport.omit({ stratifyBy: true, strata: true }).extend({
  strata: z.object({
    none: z.array(OutcomeRow),
    strokeType: z.array(OutcomeRow),
    onset: z.array(OutcomeRow),
    severity: z.array(OutcomeRow),
    age: z.array(OutcomeRow),
    comorbidity: z.array(OutcomeRow),
  }),
});
export type OutcomeScreen = z.infer<typeof OutcomeScreen>;

/** One grouping of the screen as the one-grouping report (the tables, chart, CSV and print read this shape). */
export function outcomeView(screen: OutcomeScreen, stratifyBy: Stratification): OutcomeReport {
  return { ...screen, stratifyBy, strata: screen.strata[stratifyBy] };
}

const CLINICAL = ['coordinator', 'doctor'] as const;
const SIGNED_IN = ['coordinator', 'doctor', 'admin'] as const;

export const outcomeMethods = {
  'reports.outcomes': method({ input: OutcomeQuery, output: OutcomeReport, roles: CLINICAL }),
  'reports.outcomeScreen': method({ input: OutcomeScreenQuery, output: OutcomeScreen, roles: CLINICAL }),
  'reports.thresholds': method({ input: z.object({}), output: ReportThresholds, roles: SIGNED_IN }),
  'reports.saveThresholds': method({ input: ReportThresholds, output: ReportThresholds, roles: ['admin'] as const }),
} as const;
