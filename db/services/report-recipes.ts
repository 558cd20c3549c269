// How a kept report answer is computed, as plain data: what the call put in its key (the report, its input, the
// clinic's day and offset from UTC at the call). The calling thread and a worker (report-refresh.ts) compute from the
// same recipe on their own connections, so an answer computed off-thread is the one the call would have computed.
import * as repo from '../repos/clinic-numbers';
import type { ReadableDB } from '../sqlite/handles';
import { clinicNumbersAt } from './clinic-numbers';
import { type OutcomeInput, outcomeScreenAt } from './outcomes';

export interface OutcomeScreenRecipe {
  report: 'reports.outcomeScreen';
  q: Omit<OutcomeInput, 'stratifyBy'>;
  today: string;
  offsetMinutes: number;
}

export interface ClinicNumbersRecipe {
  report: 'reports.clinicNumbers';
  input: { from: string | null; to: string | null };
  today: string;
  offset: number;
}

export type ReportRecipe = OutcomeScreenRecipe | ClinicNumbersRecipe;

/** The answer a recipe stands for, read from `db` alone (a worker's read-only connection, or the calling thread's). */
export function computeReport(db: ReadableDB, recipe: ReportRecipe): unknown {
  switch (recipe.report) {
    case 'reports.outcomeScreen':
      return outcomeScreenAt(db, recipe);
    case 'reports.clinicNumbers':
      return clinicNumbersAt(db, recipe, repo);
  }
}
