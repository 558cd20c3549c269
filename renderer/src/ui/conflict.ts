// What an edit conflict changed: the fields someone else saved since the form opened, their value beside the typed one.
import type { ApiCallError } from '../api/client';

/** A field the conflict list can name: its label and, for choices, the option labels its values are shown by. */
export interface ConflictField<V> {
  key: keyof V & string;
  label: string;
  options?: readonly { value: string; label: string }[];
  /** Words for a code no option list holds (a country, a language). */
  format?: (value: string) => string;
}

/** One field someone else changed: both values as a person reads them. */
export interface FieldChange {
  key: string;
  label: string;
  theirs: string;
  mine: string;
  /** The form already holds their value (both made the same change). */
  same: boolean;
}

/** Who saved the record last and when, as the core's refusal tells it (either may be missing). */
export interface ConflictAuthor {
  changedBy: string | null;
  changedAt: string | null;
}

/** Lists order-free (checkbox groups hand values out in clicking order); everything else by value. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return false;
    const sorted = (x: unknown[]) => x.map((v) => JSON.stringify(v)).sort();
    const [x, y] = [sorted(a), sorted(b)];
    return x.every((v, i) => v === y[i]);
  }
  return a === b || ((a ?? '') === '' && (b ?? '') === '');
}

/** A form value in words: option labels for choices, "Yes"/"No" for a tick box, `empty` for nothing. */
export function showValue(
  value: unknown,
  field: Pick<ConflictField<object>, 'options' | 'format'>,
  words: { empty: string; yes: string; no: string },
): string {
  if (typeof value === 'boolean') return value ? words.yes : words.no;
  const one = (v: unknown) =>
    field.options?.find((o) => o.value === v)?.label ?? (field.format ? field.format(String(v)) : String(v));
  if (Array.isArray(value)) return value.length === 0 ? words.empty : value.map(one).join(', ');
  if (value === null || value === undefined || value === '') return words.empty;
  // A datetime-local value reads better with a space than with its `T`.
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)
    ? value.replace('T', ' ')
    : one(value);
}

/**
 * The fields that differ between the version the form opened with (`base`) and the record as it is now (`theirs`),
 * in the form's order, with what the form holds now (`mine`). A field the list does not name is not shown.
 */
export function changedFields<V extends object>(
  fields: readonly ConflictField<V>[],
  base: V,
  theirs: V,
  mine: V,
  words: { empty: string; yes: string; no: string },
): FieldChange[] {
  return fields
    .filter((f) => !sameValue(base[f.key], theirs[f.key]))
    .map((f) => ({
      key: f.key,
      label: f.label,
      theirs: showValue(theirs[f.key], f, words),
      mine: showValue(mine[f.key], f, words),
      same: sameValue(theirs[f.key], mine[f.key]),
    }));
}

/** A save refused because the record moved on since the form opened (the version check). */
export const isStaleVersion = (error: unknown): error is ApiCallError =>
  typeof error === 'object' &&
  error !== null &&
  (error as ApiCallError).code === 'CONFLICT' &&
  (error as ApiCallError).details?.reason === 'stale_version';

/** Who and when from the refusal's details (the core adds them from the audit log when it can). */
export function conflictAuthor(error: ApiCallError): ConflictAuthor {
  const d = error.details ?? {};
  const text = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null);
  return { changedBy: text(d.changedBy), changedAt: text(d.changedAt) };
}
