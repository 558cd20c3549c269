// A small form inside a dialog: its title, a refusal that is not about one field, the fields, then Cancel and submit.
import type { FormEvent, ReactNode } from 'react';
import { Heading } from 'react-aria-components';
import { DialogActions } from './DialogActions';
import { ErrorBanner } from './feedback';
import type { FormState } from './use-form';

export interface DialogFormProps {
  title: string;
  form: Pick<FormState<object>, 'formError' | 'submitting'>;
  onSubmit: (event: FormEvent) => void;
  submitLabel: string;
  children: ReactNode;
}

export function DialogForm({ title, form, onSubmit, submitLabel, children }: DialogFormProps) {
  return (
    <form onSubmit={onSubmit} noValidate className="dialog-form">
      <Heading slot="title" className="dialog-title">
        {title}
      </Heading>
      <ErrorBanner error={form.formError?.code === 'VALIDATION' ? null : form.formError} />
      {children}
      <DialogActions submitLabel={submitLabel} pending={form.submitting} />
    </form>
  );
}
