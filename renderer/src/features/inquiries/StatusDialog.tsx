// "Change status…": offers only the targets the core says this person may choose now; a refusal is shown in words.
import { useMutation } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Inquiry, type InquiryStatus, REASON_REQUIRED } from '../../../../db/contract';
import { ApiCallError, call } from '../../api/client';
import { lifecycleRefusal } from '../../ui/error-message';
import { ErrorBanner } from '../../ui/feedback';
import { SelectField, TextField } from '../../ui/fields';
import { StatusBadge } from '../../ui/Badges';
import { ModalForm } from '../../ui/ModalForm';
import { statusOptions } from '../../ui/options';
import { useInvalidateInquiries } from '../../api/inquiry-queries';
import { focusFirstInvalid } from '../../ui/form-keys';
import { fieldMessages } from '../../ui/validation-message';

interface Props {
  inquiry: Inquiry;
  /** The status to start with (a pipeline button's target), or null for a free choice. */
  initial: InquiryStatus | null;
  /**
   * What this person may choose from the current status (the core's `allowedTransitions` for their role): never the
   * current status, never a system-only one such as Converted, never a doctor's decision offered to a coordinator.
   */
  allowed: readonly InquiryStatus[];
  onClose: () => void;
}

export function StatusDialog({ inquiry, initial, allowed, onClose }: Props) {
  const { t } = useTranslation('inquiries');
  const invalidate = useInvalidateInquiries();
  const [to, setTo] = useState<InquiryStatus | null>(initial);
  const [reason, setReason] = useState('');
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const formRef = useRef<HTMLFormElement>(null);
  const change = useMutation({
    mutationFn: (target: InquiryStatus) =>
      call('inquiries.changeStatus', {
        id: inquiry.id,
        version: inquiry.version,
        to: target,
        reason: reason.trim() || null,
      }),
    onSuccess: async () => {
      await invalidate();
      onClose();
    },
    // A missing reason is a lifecycle refusal, worded in the user's language; focus goes to the field the core
    // complained about, so it never falls out of the dialog onto the page.
    onError: (err) => {
      setFieldErrors(err instanceof ApiCallError ? { ...fieldMessages(t, err.fields), ...reasonRefusal(err) } : {});
      focusFirstInvalid(formRef.current);
    },
  });
  const reasonRefusal = (err: ApiCallError): Record<string, string> => {
    const words = err.fields.reason === undefined ? null : lifecycleRefusal(t, err.code, err.details ?? {});
    return words === null ? {} : { reason: words };
  };
  const needsReason = to !== null && REASON_REQUIRED.includes(to);

  const onSubmit = () => {
    if (to === null) {
      setFieldErrors({ to: t('form.choose') });
      focusFirstInvalid(formRef.current);
      return;
    }
    change.mutate(to);
  };

  return (
    <ModalForm
      title={t('statusDialog.title')}
      submitLabel={t('statusDialog.submit')}
      pending={change.isPending}
      formRef={formRef}
      onSubmit={onSubmit}
      onClose={onClose}
    >
      <div className="muted">
        {t('statusDialog.current', { status: '' })} <StatusBadge status={inquiry.status} />
      </div>
      {change.error && !(change.error instanceof ApiCallError && change.error.code === 'VALIDATION') ? (
        <ErrorBanner error={change.error} />
      ) : null}
      <SelectField
        label={t('statusDialog.to')}
        value={to}
        onChange={(v) => {
          setTo(v);
          change.reset();
        }}
        options={statusOptions(t).filter((o) => allowed.includes(o.value))}
        placeholder={t('form.choose')}
        error={fieldErrors.to}
        isRequired
        autoFocus={initial === null}
      />
      <TextField
        label={t('statusDialog.reason')}
        value={reason}
        onChange={setReason}
        multiline
        rows={3}
        description={t('statusDialog.reasonHint')}
        error={fieldErrors.reason}
        isRequired={needsReason}
        autoFocus={initial !== null}
      />
    </ModalForm>
  );
}
