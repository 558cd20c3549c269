// An edit conflict shown where the person is looking: beside Save, focused, naming what changed, with a way forward.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiCallError } from '../api/client';
import { Name } from './bidi';
import { errorMessage } from './error-message';
import { Button } from './fields';
import { type ConflictField, changedFields, conflictAuthor, isStaleVersion } from './conflict';
import { formatInstant } from './format';
import type { FormState } from './use-form';
import './conflict.css';

export interface EditConflictOptions<R extends { version: number }, V extends object> {
  /** The record as the form opened it (null for a new record: nothing to conflict with). */
  record: R | null;
  form: FormState<V>;
  /** The record as it is now, straight from the core (not the query cache: a new version would remount the form). */
  fetchCurrent: (record: R) => Promise<R>;
  toValues: (record: R) => V;
}

type Look<R> = { error: ApiCallError } & (
  { state: 'loading' } | { state: 'failed'; failure: unknown } | { state: 'ready'; current: R }
);

export interface EditConflict<R extends { version: number }, V extends object> {
  /** The version the next save names: the opened one, or the one the person chose to build on. */
  version: number;
  /** The form's banner error without the refusals shown elsewhere (field errors, this conflict). */
  bannerError: ApiCallError | null;
  look: Look<R> | null;
  base: R | null;
  form: FormState<V>;
  toValues: (record: R) => V;
  keepMine: () => void;
  loadTheirs: () => void;
  close: () => void;
}

export function useEditConflict<R extends { version: number }, V extends object>({
  record,
  form,
  fetchCurrent,
  toValues,
}: EditConflictOptions<R, V>): EditConflict<R, V> {
  const [base, setBase] = useState(record);
  const [look, setLook] = useState<Look<R> | null>(null);
  // A refusal the person has dealt with stays dealt with; the next save makes a new one.
  const [handled, setHandled] = useState<unknown>(null);
  const error = form.formError;
  const stale = base !== null && isStaleVersion(error) && error !== handled ? error : null;

  useEffect(() => {
    if (!stale || !base) return;
    let live = true;
    setLook({ error: stale, state: 'loading' });
    fetchCurrent(base).then(
      (current) => live && setLook({ error: stale, state: 'ready', current }),
      (failure: unknown) => live && setLook({ error: stale, state: 'failed', failure }),
    );
    return () => {
      live = false;
    };
    // Once per refusal: the base and the fetcher do not change while it is shown.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [stale]);

  const settle = (next: R | null) => {
    if (next) setBase(next);
    setHandled(error);
    setLook(null);
  };
  const current = look?.state === 'ready' && look.error === stale ? look.current : null;
  return {
    version: base?.version ?? 0,
    bannerError: error && error.code !== 'VALIDATION' && !isStaleVersion(error) ? error : null,
    look: stale && look?.error === stale ? look : null,
    base,
    form,
    toValues,
    keepMine: () => settle(current),
    loadTheirs: () => {
      if (current) form.setValues(toValues(current));
      settle(current);
    },
    close: () => settle(null),
  };
}

/** Placed just above the form's Save bar; takes focus when it appears so keyboard and screen-reader users land on it. */
export function ConflictAlert<R extends { version: number }, V extends object>({
  conflict,
  fields,
}: {
  conflict: EditConflict<R, V>;
  fields: readonly ConflictField<V>[];
}) {
  const { t, i18n } = useTranslation();
  const ref = useRef<HTMLElement>(null);
  const { look } = conflict;
  const shown = look !== null;
  const saveButton = () => ref.current?.closest('form')?.querySelector<HTMLElement>('[type="submit"]') ?? null;

  const settled = look?.state;
  useEffect(() => {
    const el = ref.current;
    if (!shown || !el) return;
    if (!el.contains(document.activeElement)) el.focus({ preventScroll: true });
    // Again once the list is in: the alert grew, and its foot must clear the sticky Save bar (scroll-margin-bottom).
    el.scrollIntoView({ block: 'nearest' });
  }, [shown, settled]);

  if (!look || !conflict.base) return null;
  const author = conflictAuthor(look.error);
  const when = formatInstant(author.changedAt, i18n.language);
  const who = author.changedBy;
  const words = { empty: t('common:none'), yes: t('common:yes'), no: t('common:no') };
  const changes =
    look.state === 'ready'
      ? changedFields(
          fields,
          conflict.toValues(conflict.base),
          conflict.toValues(look.current),
          conflict.form.values,
          words,
        )
      : [];
  // After a choice, Save is the next step: focus goes there rather than to the top of the page.
  const then = (act: () => void) => () => {
    const button = saveButton();
    act();
    requestAnimationFrame(() => button?.focus());
  };
  const headingId = 'conflict-alert-title';
  return (
    <section ref={ref} className="conflict-alert" role="alert" aria-labelledby={headingId} tabIndex={-1}>
      <h2 id={headingId} className="conflict-title">
        {t('common:conflict.title')}
      </h2>
      <p className="conflict-who">
        {who && when ? (
          <>
            <Name>{who}</Name> {t('common:conflict.savedAt', { time: when })}
          </>
        ) : who ? (
          <>
            <Name>{who}</Name> {t('common:conflict.savedSince')}
          </>
        ) : (
          t('common:conflict.someone')
        )}
      </p>
      {look.state === 'loading' ? <p className="muted">{t('common:conflict.checking')}</p> : null}
      {look.state === 'failed' ? (
        <p>{t('common:conflict.couldNotLoad', { reason: errorMessage(t, look.failure) })}</p>
      ) : null}
      {look.state === 'ready' && changes.length === 0 ? <p>{t('common:conflict.noFieldChanged')}</p> : null}
      {changes.length > 0 ? (
        <table className="conflict-table">
          <caption className="visually-hidden">{t('common:conflict.tableCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('common:conflict.field')}</th>
              <th scope="col">{t('common:conflict.theirs')}</th>
              <th scope="col">{t('common:conflict.mine')}</th>
            </tr>
          </thead>
          <tbody>
            {changes.map((c) => (
              <tr key={c.key}>
                <th scope="row">{c.label}</th>
                <td>{c.theirs}</td>
                <td>{c.same ? t('common:conflict.sameAsTheirs') : c.mine}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {look.state === 'ready' ? <p className="muted small">{t('common:conflict.choices')}</p> : null}
      <div className="conflict-actions">
        {look.state === 'ready' ? (
          <>
            <Button onPress={then(conflict.keepMine)}>{t('common:conflict.keepMine')}</Button>
            <Button onPress={then(conflict.loadTheirs)}>{t('common:conflict.loadTheirs')}</Button>
          </>
        ) : null}
        <Button variant="ghost" onPress={then(conflict.close)}>
          {t('common:actions.close')}
        </Button>
      </div>
    </section>
  );
}
