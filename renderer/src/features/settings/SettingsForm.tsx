// One settings tab's form: its panel with title and introduction, a refusal banner, the fields, then "Saved" and Save.
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { ErrorBanner, SavedNote } from '../../ui/feedback';
import { Button } from '../../ui/fields';
import { useForm } from '../../ui/use-form';

/**
 * A settings form's state: `set` and `submit` are the form's, and they also clear the "Saved" note, which comes back
 * only when the last submit saved (so it never speaks of values typed after it).
 */
export function useSettingsForm<T extends object>(initial: T) {
  const form = useForm<T>(initial);
  const [saved, setSaved] = useState(false);
  const set = <K extends keyof T>(key: K, value: T[K]) => {
    setSaved(false);
    form.set(key, value);
  };
  const submit = async <S extends z.ZodType>(schema: S, save: (parsed: z.output<S>) => Promise<void>) => {
    setSaved(false);
    if (await form.submit(schema, save)) setSaved(true);
  };
  return { form, set, submit, saved };
}

export function SettingsForm(p: {
  id: string;
  title: string;
  intro: string;
  /** A refusal that is not shown at a field. */
  error: unknown;
  /** Said once the form has saved. */
  savedMessage: string | null;
  submitting: boolean;
  onSubmit: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    p.onSubmit();
  };
  return (
    <form className="panel" onSubmit={submit} noValidate aria-labelledby={`${p.id}-title`}>
      <div className="panel-header">
        <h2 className="panel-title" id={`${p.id}-title`}>
          {p.title}
        </h2>
      </div>
      <div className="panel-body settings-body">
        <p className="muted small">{p.intro}</p>
        <ErrorBanner error={p.error} />
        <div className="form-grid">{p.children}</div>
        <div className="settings-actions">
          <SavedNote className="muted small" message={p.savedMessage} />
          <Button type="submit" variant="primary" isPending={p.submitting}>
            {t('common:actions.save')}
          </Button>
        </div>
      </div>
    </form>
  );
}
