// A titled panel of a record screen: a section named by its heading (with an optional count), then its body.
import type { ReactNode } from 'react';

export function Panel({
  id,
  title,
  count,
  children,
}: {
  id: string;
  title: string;
  count?: number;
  children: ReactNode;
}) {
  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <div className="panel-header">
        <h2 className="panel-title" id={`${id}-title`}>
          {title}
          {count !== undefined ? (
            <>
              {' '}
              <span className="count">{count}</span>
            </>
          ) : null}
        </h2>
      </div>
      <div className="panel-body">{children}</div>
    </section>
  );
}
