// Signing (the total and completeness shown first; what the core refuses to sign is said before asking) and amending
// (a reason is required; the core opens the next version as a draft).
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { type Assessment, type InstrumentDef, RequiredText, type Score } from '../../../../db/contract';
import { useAmendAssessment, useSignAssessment } from '../../api/assessment-queries';
import { ErrorBanner } from '../../ui/feedback';
import { TextField } from '../../ui/fields';
import { FormDialog, useDialogForm } from '../../ui/courses/FormDialog';
import { ModalForm } from '../../ui/ModalForm';
import { totalText } from './SummaryBar';

export function SignDialog(p: {
  def: InstrumentDef;
  score: Score;
  missingNotes: readonly string[];
  error: unknown;
  assessmentId: number;
  /** Saves what is still waiting and answers the version to sign. */
  settle: () => Promise<number>;
  onError: (error: unknown) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation('assessments');
  const sign = useSignAssessment();
  const formRef = useRef<HTMLFormElement>(null);
  const [pending, setPending] = useState(false);
  const { def, score } = p;
  const answered = def.items.length - score.missing.length;
  // The core signs a summed scale only with every item entered (untestable counts, with its reason where asked);
  // a scale read item by item needs one item at least.
  const blocked = (def.range !== null && score.missing.length > 0) || answered === 0 || p.missingNotes.length > 0;
  const submit = async () => {
    if (pending) return;
    if (blocked) return p.onClose();
    setPending(true);
    try {
      const version = await p.settle();
      await sign.mutateAsync({ id: p.assessmentId, version });
      p.onClose();
    } catch (error) {
      p.onError(error);
    } finally {
      setPending(false);
    }
  };
  return (
    <ModalForm
      title={t('sign.title', { name: def.shortName })}
      submitLabel={blocked ? t('sign.backToForm') : t('sign.submit')}
      // Not shown as pending: a pending button that unmounts with the dialog leaves an unnamed role="img" in the live
      // region (axe: role-img-alt, as in AuthCard); a second Enter while signing is ignored above instead.
      pending={false}
      formRef={formRef}
      onSubmit={() => void submit()}
      onClose={p.onClose}
    >
      <ErrorBanner error={p.error} />
      <dl className="sign-facts">
        <dt>{t('summary.total')}</dt>
        <dd>{totalText(t, def, score)}</dd>
        <dt>{t('summary.completeness')}</dt>
        <dd>{t('summary.itemsOf', { done: answered, count: def.items.length })}</dd>
      </dl>
      {def.range !== null && score.missing.length > 0 ? (
        <p className="banner banner-error">{t('sign.missingBlocks', { count: score.missing.length })}</p>
      ) : p.missingNotes.length > 0 ? (
        <p className="banner banner-error">{t('sign.notesBlock', { items: p.missingNotes.join(', ') })}</p>
      ) : score.missing.length > 0 ? (
        <p className="banner banner-warn">{t('sign.partial', { count: score.missing.length })}</p>
      ) : score.untestable.length > 0 ? (
        <p className="banner banner-warn">{t('sign.untestable', { items: score.untestable.join(', ') })}</p>
      ) : null}
      {!blocked ? <p>{t('sign.readOnlyAfter')}</p> : null}
    </ModalForm>
  );
}

const AmendSchema = z.object({ reason: RequiredText(500) });

export function AmendDialog(p: { assessment: Assessment; onClose: () => void }) {
  const { t } = useTranslation('assessments');
  const amend = useAmendAssessment();
  const { form, submit, frame } = useDialogForm({ reason: '' }, p.onClose);
  return (
    <FormDialog
      title={t('amend.title')}
      submitLabel={t('amend.submit')}
      {...frame}
      onSubmit={() =>
        void submit(AmendSchema, async (v) => {
          await amend.mutateAsync({ id: p.assessment.id, version: p.assessment.version, reason: v.reason });
        })
      }
    >
      <p>{t('amend.explain')}</p>
      <TextField
        label={t('amend.reason')}
        multiline
        rows={3}
        isRequired
        autoFocus
        value={form.values.reason}
        onChange={(v) => form.set('reason', v)}
        error={form.errors.reason}
      />
    </FormDialog>
  );
}
