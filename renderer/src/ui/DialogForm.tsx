// A small form inside a dialog: its title, a refusal that is not about one field, the fields, then Cancel and submit.
import type { FormEvent, ReactNode } from 'react';
import { Heading } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { ErrorBanner } from './feedback';
import { Button } from './fields';
import type { FormState } from './use-form';

export interface DialogFormProps {
  title: string;
  form: Pick<FormState<object>, 'formError' | 'submitting'>;
  onSubmit: (event: FormEvent) => void;
  submitLabel: string;
  children: ReactNode;
}

export function DialogForm({ title, form, onSubmit, submitLabel, children }: DialogFormProps) {
  const { t } = useTranslation();
  return (
    <form onSubmit={onSubmit} noValidate className="dialog-form">
      <Heading slot="title" className="dialog-title">
        {title}
      </Heading>
      <ErrorBanner error={form.formError?.code === 'VALIDATION' ? null : form.formError} />
      {children}
      <div className="dialog-actions">
        <Button slot="close">{t('common:actions.cancel')}</Button>
        <Button type="submit" variant="primary" isPending={form.submitting}>
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}
