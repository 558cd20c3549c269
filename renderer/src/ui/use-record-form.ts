// The life of a record's own edit form (an inquiry's, a patient's): kept as a draft while typed, checked by the
// contract's schema, saved by the core, then the saved record is shown; Ctrl/⌘+S saves, Alt+n jumps to a section.
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useRef } from 'react';
import type { z } from 'zod';
import { formKey } from '../../../db/contract';
import { navigate } from '../app/router';
import { focusFirstInvalid, formKeyHandler } from './form-keys';
import { useDraft } from './use-draft';
import type { FormState } from './use-form';

export interface RecordFormOptions<T extends object, S extends z.ZodType> {
  form: FormState<T>;
  /** The contract's schema, fed from the form's strings. */
  schema: S;
  /** What the form edits: its draft's key and the screen shown once saved. */
  kind: 'inquiry' | 'patient';
  /** The record as the form opened it; null for a new one. */
  record: { id: number; version: number } | null;
  /** Creates the record (no record yet) or updates the one the form opened. */
  save: (record: { id: number; version: number } | null, fields: z.output<S>) => Promise<{ id: number }>;
  /** After a save, before the record is shown: refresh what lists it. */
  invalidate: () => Promise<void>;
}

export function useRecordForm<T extends object, S extends z.ZodType>(o: RecordFormOptions<T, S>) {
  const formRef = useRef<HTMLFormElement>(null);
  const save = useMutation({ mutationFn: (fields: z.output<S>) => o.save(o.record, fields) });
  const draft = useDraft({
    formKey: formKey(o.kind, o.record?.id ?? null),
    values: o.form.values,
    setValues: o.form.setValues,
    baseVersion: o.record?.version ?? null,
  });

  const onSubmit = async (event?: FormEvent) => {
    event?.preventDefault();
    const ok = await o.form.submit(o.schema, async (fields) => {
      const record = await save.mutateAsync(fields);
      draft.settle();
      await o.invalidate();
      navigate(o.kind === 'inquiry' ? { name: 'inquiry', id: record.id } : { name: 'patient', id: record.id });
    });
    if (!ok) focusFirstInvalid(formRef.current);
  };
  const onKeyDown = formKeyHandler(
    () => formRef.current,
    () => void onSubmit(),
  );

  return { formRef, draft, onSubmit, onKeyDown };
}
