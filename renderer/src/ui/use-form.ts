// A small form state hook: values, field errors from the contract's zod schema and from the core, nothing lost on failure.
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { ApiCallError } from '../api/client';
import { fieldMessages } from './validation-message';

export type FieldErrors = Record<string, string>;

export function zodFieldErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.');
    out[key] ??= issue.message;
  }
  return out;
}

/** What one field needs of the form: its value, its setter and its error, spread into it (`{...form.bind('email')}`). */
export interface Bound<V> {
  value: V;
  onChange: (value: V) => void;
  error: string | undefined;
}

export interface FormState<T> {
  values: T;
  /** Field errors in the user's language (the contract's and the core's English read back to `validation:*`). */
  errors: FieldErrors;
  /** A whole-form message (a refusal that is not about one field). */
  formError: ApiCallError | null;
  submitting: boolean;
  set: <K extends keyof T>(key: K, value: T[K]) => void;
  setValues: (values: T) => void;
  bind: <K extends keyof T & string>(key: K) => Bound<T[K]>;
  /** Validates with `schema`, then runs `save`; on failure keeps every value and shows the errors. */
  submit: <S extends z.ZodType>(schema: S, save: (parsed: z.output<S>) => Promise<void>) => Promise<boolean>;
}

export function useForm<T extends object>(initial: T | (() => T)): FormState<T> {
  const [values, setValues] = useState<T>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<ApiCallError | null>(null);
  const [submitting, setSubmitting] = useState(false);

  const set = useCallback(<K extends keyof T>(key: K, value: T[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    setErrors((e) => {
      if (!(String(key) in e)) return e;
      const next = { ...e };
      delete next[String(key)];
      return next;
    });
  }, []);

  const submit = useCallback(
    async <S extends z.ZodType>(schema: S, save: (parsed: z.output<S>) => Promise<void>): Promise<boolean> => {
      const parsed = schema.safeParse(values);
      if (!parsed.success) {
        setErrors(zodFieldErrors(parsed.error));
        setFormError(null);
        return false;
      }
      setSubmitting(true);
      try {
        await save(parsed.data);
        setErrors({});
        setFormError(null);
        return true;
      } catch (err) {
        if (err instanceof ApiCallError) {
          setErrors(err.fields);
          setFormError(err);
        } else {
          setFormError(new ApiCallError({ code: 'INTERNAL', message: String(err), details: null }));
        }
        return false;
      } finally {
        setSubmitting(false);
      }
    },
    [values],
  );

  // Kept as the core wrote them and phrased at render time, so switching language re-phrases errors already shown.
  // react-i18next hands out a new `t` when the language changes.
  const { t } = useTranslation();
  const shown = useMemo(() => fieldMessages(t, errors), [t, errors]);

  const bind = <K extends keyof T & string>(key: K): Bound<T[K]> => ({
    value: values[key],
    onChange: (value) => set(key, value),
    error: shown[key],
  });

  return { values, errors: shown, formError, submitting, set, setValues, bind, submit };
}
