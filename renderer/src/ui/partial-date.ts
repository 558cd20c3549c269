// A date field's text (what the coordinator typed) to and from the contract's partial date and its estimate flag.
import { type DateReading, readDateText } from '../../../db/contract';
import { dayOf } from './format';

/** What a stored date looks like in its field: an estimate keeps its "~", so reading it back gives the same. */
export const dateToText = (value: string | null, approx: boolean): string =>
  value === null ? '' : approx ? `~${value}` : value;

export type DateTextState = { kind: 'empty' } | { kind: 'read'; reading: DateReading } | { kind: 'unreadable' };

/** `today` is the clinic's day, so "8 mo ago" counts back from the same calendar on every desk. */
export function readDateField(text: string, today = dayOf(new Date())): DateTextState {
  if (text.trim() === '') return { kind: 'empty' };
  const reading = readDateText(text, today);
  return reading ? { kind: 'read', reading } : { kind: 'unreadable' };
}

/**
 * The pair the schema checks. Unreadable text is passed on as typed, so the schema names this field and the field
 * keeps what was typed.
 */
export function dateFromText(text: string, today?: string): { value: string | null; approx: boolean } {
  const state = readDateField(text, today);
  if (state.kind === 'empty') return { value: null, approx: false };
  if (state.kind === 'unreadable') return { value: text.trim(), approx: false };
  return { value: state.reading.value, approx: state.reading.approx };
}
