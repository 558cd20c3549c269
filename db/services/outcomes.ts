// Rules for the outcomes report: the treated group (each patient's first treated course), the clinic's thresholds
// (settings, admin-edited), the follow-up windows from the schedule, then the pure computation in db/reports.
import {
  DEFAULT_THRESHOLDS,
  IMPROVEMENT_V1,
  INSTRUMENTS,
  OUTCOME_INSTRUMENTS,
  type OutcomeReport,
  type OutcomeScreen,
  type OutcomeTimePoint,
  ReportThresholds,
  outcomeView,
  type Stratification,
} from '../contract';
import * as repo from '../repos/outcomes';
import { getSetting, putSetting } from '../repos/settings';
import { SEVERITY_BANDS, type TreatedPatient, outcomeScreenTables } from '../reports/outcomes';
import type { ReadableDB } from '../sqlite/handles';
import { PACKED_DOMAINS } from '../sqlite/migrations/0210-outcome-values';
import { MONTHS_AFTER_DISCHARGE, WINDOW_DAYS, addDays, addMonths } from './assessment-schedule';
import { clinicTimeZone, clinicToday } from './clinic-time';
import type { CallContext } from './context';
import type { Core } from './core';
import { command } from './kernel';
import { keptReport } from './kept-answers';
import type { OutcomeScreenRecipe, ReportRecipe } from './report-recipes';
import { zoneOffset } from './treatment-views';

const settingKey = (id: string) => `reports.threshold.${id}`;

const readThresholds = (core: Core): ReportThresholds => thresholdsIn(core.db);

function thresholdsIn(db: ReadableDB): ReportThresholds {
  const out = { ...DEFAULT_THRESHOLDS };
  for (const id of OUTCOME_INSTRUMENTS) {
    const stored = Number(getSetting(db, settingKey(id)));
    if (Number.isFinite(stored) && stored > 0) out[id] = stored;
  }
  return out;
}

export const thresholds = (ctx: CallContext): ReportThresholds => readThresholds(ctx.core);

export function saveThresholds(ctx: CallContext, input: ReportThresholds): ReportThresholds {
  const audit = (before: ReportThresholds, after: ReportThresholds) => ({ entityId: null, before, after });
  const load = () => readThresholds(ctx.core);
  const spec = { action: 'reports.saveThresholds', entity: 'settings', id: 0, load, audit };
  return command(ctx, spec, ({ w }) => {
    for (const id of OUTCOME_INSTRUMENTS) putSetting(w, settingKey(id), String(input[id]));
    return readThresholds(ctx.core);
  });
}

/** Minutes the clinic's zone is ahead of UTC now (DST moves it by an hour at most across the read). */
export const zoneOffsetMinutes = (now: Date, timeZone: string): number => zoneOffset(now.getTime(), timeZone) / 60_000;

/** Last day of a time point's window for a course discharged (or due out) on `discharge`. */
export function windowEnd(timePoint: OutcomeTimePoint, discharge: string): string {
  const months = MONTHS_AFTER_DISCHARGE[timePoint];
  const target = months === undefined ? discharge : addMonths(discharge, months);
  return addDays(target, WINDOW_DAYS[timePoint].after);
}

export interface OutcomeInput {
  instrument: (typeof OUTCOME_INSTRUMENTS)[number];
  timePoint: OutcomeTimePoint;
  stratifyBy: Stratification;
  from: string | null;
  to: string | null;
  transplants: 'any' | '1' | '2' | '3+';
}

/** Course id → total at one time point (the signed totals; the bench passes a re-scoring of the raw item rows). */
export type TotalsReader = (db: Core['db'], instrument: string, timePoint: string) => ReadonlyMap<number, number>;

/** Each patient's first treated course with its totals: the rows the report is computed over. */
export function treatedPatients(
  core: Core,
  instrument: string,
  timePoint: OutcomeTimePoint,
  totals: TotalsReader = repo.signedTotals,
): TreatedPatient[] {
  const offset = zoneOffsetMinutes(core.clock.now(), clinicTimeZone(core));
  const courses = repo.treatedCourseTuples(core.db, offset);
  const baseline = totals(core.db, instrument, 'baseline');
  const later = totals(core.db, instrument, timePoint);
  const ends = new Map<string, string>();
  // One row per patient already (their first treated course), built straight from the driver's arrays: at 100,000
  // patients each object between the two is garbage the collector must sweep on every view.
  const out: TreatedPatient[] = [];
  for (const [courseId, patientId, firstDay, transplants, discharge, strokeType, onset, birth, comorbid] of courses) {
    let end = ends.get(discharge);
    if (end === undefined) ends.set(discharge, (end = windowEnd(timePoint, discharge)));
    out.push({
      patientId,
      courseId,
      firstTransplant: firstDay,
      transplants,
      strokeType,
      onset,
      birth,
      comorbid: comorbid === 1,
      windowEnd: end,
      baseline: baseline.get(courseId) ?? null,
      followUp: later.get(courseId) ?? null,
    });
  }
  return out;
}

/**
 * The first discharge day whose follow-up window is still open today: a course discharged earlier is past its window
 * (windowEnd only moves forward with the discharge day, so one cut point stands for the per-course comparison).
 */
export function notPastFrom(timePoint: OutcomeTimePoint, today: string): string {
  const months = MONTHS_AFTER_DISCHARGE[timePoint] ?? 0;
  let day = addDays(addMonths(today, -months), -WINDOW_DAYS[timePoint].after - 40);
  while (windowEnd(timePoint, day) >= today) day = addDays(day, -40);
  while (windowEnd(timePoint, day) < today) day = addDays(day, 1);
  return day;
}

const TRANSPLANT_RANGE = { any: [0, 1e9], '1': [1, 1], '2': [2, 2], '3+': [3, 1e9] } as const;

/** Every grouping of the report from one read of one short row per treated patient (the outcomes screen's call). */
export function outcomeScreen(ctx: CallContext, q: Omit<OutcomeInput, 'stratifyBy'>): OutcomeScreen {
  const { core } = ctx;
  const today = clinicToday(core);
  const offsetMinutes = zoneOffsetMinutes(core.clock.now(), clinicTimeZone(core));
  // Asked again with nothing written since (the screen opened again, the print, the CSV): the same answer; kept fresh
  // off this thread after writes while someone uses the view (report-refresh.ts).
  const recipe: ReportRecipe = { report: 'reports.outcomeScreen', q, today, offsetMinutes };
  return keptReport(core.db, recipe, () => outcomeScreenAt(core.db, recipe));
}

/**
 * The screen's figures as of the clinic's `today` at `offsetMinutes` from UTC: reads nothing but `db` (thresholds
 * included), so a worker's read-only connection computes the very answer the call would.
 */
export function outcomeScreenAt(db: ReadableDB, recipe: OutcomeScreenRecipe): OutcomeScreen {
  const { q, today, offsetMinutes } = recipe;
  const def = INSTRUMENTS.latest(q.instrument);
  const threshold = thresholdsIn(db)[q.instrument];
  const [minTransplants, maxTransplants] = TRANSPLANT_RANGE[q.transplants];
  const rows = repo.outcomeGroups(db, {
    instrument: q.instrument,
    timePoint: q.timePoint,
    offsetMinutes,
    notPastFrom: notPastFrom(q.timePoint, today),
    from: q.from,
    to: q.to,
    minTransplants,
    maxTransplants,
  });
  const options = {
    better: def.better,
    threshold,
    goodOutcome: def.goodOutcome,
    severityBands: SEVERITY_BANDS[q.instrument] ?? null,
  };
  const domains = IMPROVEMENT_V1.items.map((i) => i.code);
  return {
    instrument: q.instrument,
    timePoint: q.timePoint,
    threshold,
    better: def.better,
    asOf: today,
    ...outcomeScreenTables(rows, options, domains, PACKED_DOMAINS),
  };
}

/** One grouping (the API's one-grouping report): the screen's figures, that grouping's rows. */
export const outcomes = (ctx: CallContext, q: OutcomeInput): OutcomeReport =>
  outcomeView(outcomeScreen(ctx, q), q.stratifyBy);
