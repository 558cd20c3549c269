// Shared page furniture: headers, the form-level error banner, empty and loading states.
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Name } from './bidi';
import { errorMessage } from './error-message';

export function PageHeader({
  title,
  children,
  subtitle,
}: {
  title: string;
  subtitle?: ReactNode;
  children?: ReactNode;
}) {
  return (
    <header className="page-header">
      <div>
        <h1 className="page-title">
          <Name>{title}</Name>
        </h1>
        {subtitle ? <div className="page-subtitle">{subtitle}</div> : null}
      </div>
      {children ? <div className="page-actions">{children}</div> : null}
    </header>
  );
}

/** A refusal from the core, in words a person can act on. `role="alert"` so screen readers hear it at once. */
export function ErrorBanner({ error, fieldCount = 0 }: { error: unknown; fieldCount?: number }) {
  const { t } = useTranslation();
  if (!error && fieldCount === 0) return null;
  const text = error ? errorMessage(t, error) : t('common:form.fixErrors', { count: fieldCount });
  return (
    <div className="banner banner-error" role="alert">
      {text}
    </div>
  );
}

/** What just went well (an account made, a backup taken), announced politely; nothing while there is none. */
export function NoticeBanner({ message }: { message: string | null }) {
  return message ? (
    <div className="banner banner-ok" role="status">
      {message}
    </div>
  ) : null;
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="empty-state">
      <p className="empty-title">{title}</p>
      {children ? <div className="empty-body">{children}</div> : null}
    </div>
  );
}

export function Loading() {
  const { t } = useTranslation();
  return (
    <div className="loading" role="status" aria-live="polite">
      {t('common:loading')}
    </div>
  );
}

/**
 * "Saved" beside an inline save: a polite live region that is always in the page, so the words are announced when
 * they appear (a region inserted together with its text is often not read out).
 */
export function SavedNote({ message, className }: { message: string | null; className?: string }) {
  return (
    <span role="status" aria-live="polite" className={`saved-note ${className ?? ''}`}>
      {message ?? ''}
    </span>
  );
}

/** What a query answered, drawn by `children`; until then the loading state, or the core's refusal. */
export function Loaded<D>({ query, children }: { query: UseQueryResult<D>; children: (data: D) => ReactNode }) {
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorBanner error={query.error} />;
  return <>{children(query.data)}</>;
}
