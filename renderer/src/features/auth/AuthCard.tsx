// The card the sign-in and first-run screens are drawn on: the brand, a title, a line under it, the core's refusal,
// the fields, and one submit button.
import type { FormEvent, ReactNode } from 'react';
import type { ApiCallError } from '../../api/client';
import { ErrorBanner } from '../../ui/feedback';
import { Button } from '../../ui/fields';

export function AuthCard(p: {
  id: string;
  title: string;
  subtitle: string;
  wide?: boolean;
  error: ApiCallError | null;
  submitLabel: string;
  /** While true a second submit (Enter pressed again) is ignored. */
  submitting: boolean;
  onSubmit: () => void;
  /** Above the brand (the language switch). */
  top?: ReactNode;
  children: ReactNode;
}) {
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!p.submitting) p.onSubmit();
  };
  return (
    <main className="auth-page">
      <form
        className={p.wide ? 'auth-card auth-card-wide' : 'auth-card'}
        onSubmit={submit}
        noValidate
        aria-labelledby={`${p.id}-title`}
      >
        {p.top}
        <div className="auth-brand" aria-hidden="true">
          SD
        </div>
        <h1 id={`${p.id}-title`} className="auth-title">
          {p.title}
        </h1>
        <p className="auth-subtitle">{p.subtitle}</p>
        <ErrorBanner error={p.error} />
        {p.children}
        <Button type="submit" variant="primary" className="auth-submit" isPending={p.submitting}>
          {p.submitLabel}
        </Button>
      </form>
    </main>
  );
}
