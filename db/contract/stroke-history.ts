// What an inquiry and a patient record both say about the stroke, and the cross-field rules both forms and the core
// apply to it: one definition, so the intake form and the registry cannot drift apart.
import { z } from 'zod';
import { PartialDate, surelyBefore } from './common';

/** The side of the body that is weak, as the family describes it (not the side of the brain lesion). */
export const WEAKNESS_SIDES = ['left', 'right', 'both', 'unknown'] as const;
export const WeaknessSide = z.enum(WEAKNESS_SIDES, 'Choose one');
export type WeaknessSide = z.infer<typeof WeaknessSide>;

/** The onset and the weak side, under the same names on both records (spread into each one's fields). */
export const StrokeOnsetFields = {
  strokeOnsetDate: PartialDate.nullable(),
  /** "About 8 months ago": the onset is an estimate. */
  strokeOnsetDateApprox: z.boolean().default(false),
  /** The weak side as reported; a patient's lesionSide is a finding and is not guessed from it. */
  weaknessSide: WeaknessSide.nullable().default(null),
};

/** The stroke cannot come before the birth (compared at the coarser precision: "2026-04" may be the birth month). */
export function checkOnsetAfterBirth(ctx: z.RefinementCtx, birth: string | null, onset: string | null): void {
  if (birth !== null && onset !== null && surelyBefore(onset, birth)) {
    ctx.addIssue({ code: 'custom', path: ['strokeOnsetDate'], message: 'Onset is before the date of birth' });
  }
}

/** "Other" among the conditions needs its name, in the free-text field `otherField`. */
export function checkOtherConditionNamed(
  ctx: z.RefinementCtx,
  conditions: readonly string[],
  other: string | null,
  otherField: string,
): void {
  if (conditions.includes('other') && other === null) {
    ctx.addIssue({ code: 'custom', path: [otherField], message: 'Say which other condition' });
  }
}
