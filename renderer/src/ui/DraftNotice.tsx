// What a form says about its draft: "Restored what you typed on …" with a way to throw it away, and when it was kept.
import { useTranslation } from 'react-i18next';
import { Button } from './fields';
import { formatInstant } from './format';
import { ErrorBanner } from './feedback';
import type { DraftState } from './use-draft';
import type { FormState } from './use-form';

export function DraftNotice({ draft }: { draft: DraftState }) {
  const { t, i18n } = useTranslation();
  const { restored } = draft;
  return (
    <>
      {restored ? (
        <div className={`banner ${restored.recordMoved ? 'banner-warn' : 'banner-ok'} draft-notice`} role="status">
          <span>{t('drafts.restored', { time: formatInstant(restored.updatedAt, i18n.language) })}</span>
          {restored.recordMoved ? <span> {t('drafts.recordMoved')}</span> : null}{' '}
          <Button variant="ghost" onPress={draft.discard}>
            {t('drafts.discard')}
          </Button>
        </div>
      ) : null}
      {/* Quiet and polite: said once when the first draft is kept, not on every keystroke. */}
      <p className="muted small draft-saved" aria-live="polite">
        {draft.savedAt && draft.dirty ? t('drafts.kept', { time: formatInstant(draft.savedAt, i18n.language) }) : ''}
      </p>
    </>
  );
}

/** What a form says above its fields: a refusal that is not about one field (or how many fields to fix), its draft. */
export function FormNotices({
  form,
  draft,
  conflict,
}: {
  form: Pick<FormState<object>, 'formError' | 'errors'>;
  draft: DraftState;
  /** An edit form's conflict: a stale-version refusal shows beside Save (ConflictAlert), not in the banner. */
  conflict?: { bannerError: FormState<object>['formError'] };
}) {
  const banner = conflict
    ? conflict.bannerError
    : form.formError && form.formError.code !== 'VALIDATION'
      ? form.formError
      : null;
  return (
    <>
      <ErrorBanner error={banner} fieldCount={Object.keys(form.errors).length} />
      <DraftNotice draft={draft} />
    </>
  );
}
