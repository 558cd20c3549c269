// "Record attempt": how a call or message about one follow-up point went (reached, no answer, refused, lost to
// follow-up), a note, and when to try again.
import { useMutation } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { FieldError, Label, Radio, RadioGroup } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { CONTACT_OUTCOMES, type ContactOutcome, type FollowUpRow } from '../../../../db/contract';
import { ApiCallError, call } from '../../api/client';
import { useInvalidateFollowUps } from '../../api/follow-up-queries';
import { Ltr, Name } from '../../ui/bidi';
import { ErrorBanner } from '../../ui/feedback';
import { TextField } from '../../ui/fields';
import { focusFirstInvalid } from '../../ui/form-keys';
import { ModalForm } from '../../ui/ModalForm';
import { fieldMessages } from '../../ui/validation-message';
import '../../ui/records.css';

interface Props {
  row: FollowUpRow;
  /** The clinic's today, the earliest next try. */
  today: string | null;
  onClose: () => void;
  onSaved: () => void;
}

export function AttemptDialog({ row, today, onClose, onSaved }: Props) {
  const { t } = useTranslation('followUps');
  const invalidate = useInvalidateFollowUps();
  const formRef = useRef<HTMLFormElement>(null);
  const [outcome, setOutcome] = useState<ContactOutcome | null>(null);
  const [note, setNote] = useState('');
  const [nextTryOn, setNextTryOn] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: (chosen: ContactOutcome) =>
      call('followUps.recordAttempt', {
        courseId: row.courseId,
        timePoint: row.timePoint,
        outcome: chosen,
        note,
        nextTryOn: nextTryOn === '' ? null : nextTryOn,
      }),
    onSuccess: async () => {
      await invalidate();
      onSaved();
    },
    onError: (err) => {
      setErrors(err instanceof ApiCallError ? fieldMessages(t, err.fields) : {});
      focusFirstInvalid(formRef.current);
    },
  });

  const onSubmit = () => {
    if (outcome === null) {
      setErrors({ outcome: t('dialog.chooseOutcome') });
      focusFirstInvalid(formRef.current);
      return;
    }
    save.mutate(outcome);
  };

  return (
    <ModalForm
      title={t('dialog.title')}
      submitLabel={t('dialog.submit')}
      pending={save.isPending}
      formRef={formRef}
      onSubmit={onSubmit}
      onClose={onClose}
    >
      <p className="follow-up-who">
        <Name>{`${row.familyName} ${row.givenName}`}</Name> · {t(`followUps:timePoint.${row.timePoint}`)}
        {row.phone ? (
          <>
            {' · '}
            <Ltr>{row.phone}</Ltr>
          </>
        ) : null}
      </p>
      {save.error && !(save.error instanceof ApiCallError && save.error.code === 'VALIDATION') ? (
        <ErrorBanner error={save.error} />
      ) : null}
      <RadioGroup
        className="segmented follow-up-outcomes"
        orientation="horizontal"
        value={outcome}
        onChange={(v) => {
          setOutcome(CONTACT_OUTCOMES.find((o) => o === v) ?? null);
          setErrors((e) => ({ ...e, outcome: '' }));
        }}
        isRequired
        isInvalid={Boolean(errors.outcome)}
        validationBehavior="aria"
      >
        <Label className="segmented-label">{t('dialog.outcome')}</Label>
        {CONTACT_OUTCOMES.map((o) => (
          <Radio key={o} value={o} className="segmented-option" autoFocus={o === 'reached'}>
            {t(`followUps:outcome.${o}`)}
          </Radio>
        ))}
        <FieldError className="field-error">{errors.outcome}</FieldError>
      </RadioGroup>
      <TextField label={t('dialog.note')} value={note} onChange={setNote} multiline rows={3} error={errors.note} />
      <TextField
        label={t('dialog.nextTry')}
        type="date"
        value={nextTryOn}
        onChange={setNextTryOn}
        description={today ? t('dialog.nextTryHint') : undefined}
        error={errors.nextTryOn}
      />
    </ModalForm>
  );
}
