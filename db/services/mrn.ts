// Clinic numbers (MRN): rendered from the clinic's format setting with a counter per prefix, never reused.
import { getSetting, putSetting } from '../repos/settings';
import { mrnTaken, nextCounter, peekCounter } from '../repos/patients';
import type { WritableDB } from '../sqlite/handles';
import type { CallContext } from './context';
import { type Core, clinicToday } from './core';
import { command } from './kernel';

export const DEFAULT_MRN_FORMAT = 'SD-{YYYY}-{seq:5}';
const SETTING = 'patients.mrnFormat';

/** `{YYYY}` and `{YY}` from the clinic's day, `{seq:N}` the counter padded to N digits. */
export function renderMrn(format: string, day: string, seq: number | null): string {
  return format
    .replaceAll('{YYYY}', day.slice(0, 4))
    .replaceAll('{YY}', day.slice(2, 4))
    .replace(/\{seq:(\d)\}/g, (_, width: string) => (seq === null ? '#' : String(seq).padStart(Number(width), '0')));
}

export const mrnFormat = (core: Core): string => getSetting(core.db, SETTING) ?? DEFAULT_MRN_FORMAT;

/** Called inside the creating transaction. The counter is per rendered prefix, so a yearly format restarts at 1. */
export function nextMrn(core: Core, w: WritableDB, day = clinicToday(core)): string {
  const format = mrnFormat(core);
  const counter = `mrn:${renderMrn(format, day, null)}`;
  // A number an admin typed in by hand, or one kept as an alias after a merge, is skipped rather than reused.
  for (let tries = 0; tries < 10_000; tries += 1) {
    const mrn = renderMrn(format, day, nextCounter(w, counter));
    if (!mrnTaken(w, mrn)) return mrn;
  }
  throw new Error('No free clinic number after 10,000 tries; check the MRN format');
}

/** What `nextMrn` would give now in `format` (skipping taken numbers as it does), without using a number up. */
export function peekMrn(core: Core, format: string, day = clinicToday(core)): string {
  const counter = `mrn:${renderMrn(format, day, null)}`;
  let seq = peekCounter(core.db, counter);
  while (mrnTaken(core.db, renderMrn(format, day, seq)) && seq < Number.MAX_SAFE_INTEGER) seq += 1;
  return renderMrn(format, day, seq);
}

export function settings(ctx: CallContext): { format: string; preview: string } {
  const format = mrnFormat(ctx.core);
  return { format, preview: peekMrn(ctx.core, format) };
}

/** The admin's format as typed, previewed as the next real number it would give; nothing is written. */
export const preview = (ctx: CallContext, input: { format: string }): { format: string; preview: string } => ({
  format: input.format,
  preview: peekMrn(ctx.core, input.format),
});

export function setFormat(ctx: CallContext, input: { format: string }): { format: string; preview: string } {
  let before = '';
  const audit = () => ({ entityId: null, before: { format: before }, after: { format: input.format } });
  return command(ctx, { action: 'settings.setMrnFormat', entity: 'setting', audit }, ({ w }) => {
    before = mrnFormat(ctx.core);
    putSetting(w, SETTING, input.format);
    return settings(ctx);
  });
}
