// One settings tab that lists things the ward books (rooms, procedure types): its title, the last change said in
// words, an introduction, then the list (or that it is loading, refused or empty), and its dialogs.
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { EmptyState, ErrorBanner, Loading, SavedNote } from '../../ui/feedback';

export function SettingsList<R>(p: {
  /** The heading's id is `<id>-title` (the table is labelled by it). */
  id: string;
  title: string;
  intro: string;
  /** The last change, said once ("Room 2 added"). */
  note: string | null;
  /** A button beside the title. */
  action?: ReactNode;
  /** Under the introduction: an add form, a refusal. */
  top?: ReactNode;
  query: UseQueryResult<readonly R[]>;
  empty: string;
  /** The table of the loaded rows. */
  children: (rows: readonly R[]) => ReactNode;
  /** The open dialog, if any. */
  dialog?: ReactNode;
}) {
  return (
    <section className="panel" aria-labelledby={`${p.id}-title`}>
      <div className="panel-header">
        <h2 className="panel-title" id={`${p.id}-title`}>
          {p.title}
        </h2>
        <SavedNote className="muted small" message={p.note} />
        {p.action}
      </div>
      <div className="panel-body settings-body">
        <p className="muted small">{p.intro}</p>
        {p.top}
      </div>
      {p.query.isPending ? (
        <Loading />
      ) : p.query.isError ? (
        <ErrorBanner error={p.query.error} />
      ) : p.query.data.length === 0 ? (
        <EmptyState title={p.empty} />
      ) : (
        p.children(p.query.data)
      )}
      {p.dialog}
    </section>
  );
}
