// One settings tab's form: its panel with title and introduction, a refusal banner, the fields, then "Saved" and Save.
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { ErrorBanner, SavedNote } from '../../ui/feedback';
import { Button } from '../../ui/fields';
import { type Bound, useForm } from '../../ui/use-form';

/**
 * A settings form's state: `set`, `bind` and `submit` are the form's, and they also clear the "Saved" note, which
 * comes back only when the last submit saved (so it never speaks of values typed after it).
 */
export function useSettingsForm<T extends object>(initial: T) {
  const form = useForm<T>(initial);
  const [saved, setSaved] = useState(false);
  const set = <K extends keyof T>(key: K, value: T[K]) => {
    setSaved(false);
    form.set(key, value);
  };
  const bind = <K extends keyof T & string>(key: K): Bound<T[K]> => ({
    ...form.bind(key),
    onChange: (value) => set(key, value),
  });
  const submit = async <S extends z.ZodType>(schema: S, save: (parsed: z.output<S>) => Promise<void>) => {
    setSaved(false);
    if (await form.submit(schema, save)) setSaved(true);
  };
  return { form, set, bind, submit, saved };
}

export function SettingsForm(p: {
  id: string;
  title: string;
  intro: string;
  /** A refusal that is not shown at a field. */
  error: unknown;
  state: { saved: boolean; form: { submitting: boolean } };
  /** Said once the form has saved. */
  savedMessage: string;
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
          <SavedNote className="muted small" message={p.state.saved ? p.savedMessage : null} />
          <Button type="submit" variant="primary" isPending={p.state.form.submitting}>
            {t('common:actions.save')}
          </Button>
        </div>
      </div>
    </form>
  );
}
