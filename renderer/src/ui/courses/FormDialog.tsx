// The frame every treatment dialog shares: a modal form with its title, a whole-form error and Cancel / submit.
import { useRef } from 'react';
import type { z } from 'zod';
import { ErrorBanner } from '../feedback';
import { ModalForm, type ModalFormProps } from '../ModalForm';
import { focusFirstInvalid } from '../form-keys';
import { useForm } from '../use-form';
import { formBanner } from './form-banner';

/** `error`: a refusal that is not about one field (field errors are shown at their fields). */
export function FormDialog({ error, children, ...frame }: ModalFormProps & { error: unknown }) {
  return (
    <ModalForm {...frame}>
      <ErrorBanner error={error} />
      {children}
    </ModalForm>
  );
}

/**
 * A dialog's form state and its frame: `submit(schema, save)` validates, saves, closes on success, and otherwise keeps
 * everything typed and puts focus on the first field to fix. Spread `frame` into FormDialog.
 */
export function useDialogForm<T extends object>(initial: T | (() => T), onClose: () => void) {
  const form = useForm<T>(initial);
  const formRef = useRef<HTMLFormElement>(null);
  const submit = async <S extends z.ZodType>(schema: S, save: (parsed: z.output<S>) => Promise<void>) => {
    const ok = await form.submit(schema, save);
    if (ok) onClose();
    else focusFirstInvalid(formRef.current);
  };
  const frame = { pending: form.submitting, error: formBanner(form), formRef, onClose };
  return { form, submit, frame };
}
