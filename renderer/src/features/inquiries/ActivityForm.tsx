// Log a call, e-mail, message, note or received document on the inquiry's timeline.
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { ACTIVITY_KINDS, type ActivityKind, RequiredText } from '../../../../db/contract';
import { call } from '../../api/client';
import { ErrorBanner } from '../../ui/feedback';
import { Button, SelectField, TextField } from '../../ui/fields';
import { useForm } from '../../ui/use-form';
import { localInputToIso } from './inquiry-form-model';
import { useInvalidateInquiries } from '../../api/inquiry-queries';

const ActivityInput = z.object({
  kind: z.enum(ACTIVITY_KINDS, 'Pick a kind'),
  summary: RequiredText(5000),
  at: z.string(),
});

export function ActivityForm({ inquiryId }: { inquiryId: number }) {
  const { t } = useTranslation('inquiries');
  const invalidate = useInvalidateInquiries();
  const [done, setDone] = useState(false);
  const form = useForm<{ kind: ActivityKind | null; summary: string; at: string }>({
    kind: 'call',
    summary: '',
    at: '',
  });
  const add = useMutation({
    mutationFn: (input: { kind: ActivityKind; summary: string; at: string | null }) =>
      call('inquiries.addActivity', { id: inquiryId, ...input }),
  });

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setDone(false);
    const ok = await form.submit(ActivityInput, async (v) => {
      await add.mutateAsync({ kind: v.kind, summary: v.summary, at: v.at ? localInputToIso(v.at) : null });
      await invalidate();
    });
    if (ok) {
      form.setValues({ kind: form.values.kind, summary: '', at: '' });
      setDone(true);
    }
  };

  return (
    <form className="activity-form" onSubmit={onSubmit} noValidate aria-label={t('detail.logActivity')}>
      <ErrorBanner error={form.formError?.code === 'VALIDATION' ? null : form.formError} />
      <div className="activity-form-row">
        <SelectField
          label={t('detail.activityKind')}
          value={form.values.kind}
          onChange={(v) => form.set('kind', v)}
          options={ACTIVITY_KINDS.map((k) => ({ value: k, label: t(`activity.${k}`) }))}
          error={form.errors.kind}
          isRequired
        />
        <TextField
          label={t('detail.when')}
          type="datetime-local"
          value={form.values.at}
          onChange={(v) => form.set('at', v)}
          description={t('detail.whenHint')}
          error={form.errors.at}
        />
      </div>
      <TextField
        label={t('detail.summary')}
        value={form.values.summary}
        onChange={(v) => {
          form.set('summary', v);
          setDone(false);
        }}
        multiline
        rows={3}
        placeholder={t('detail.summaryPlaceholder')}
        error={form.errors.summary}
        isRequired
      />
      <div className="activity-form-actions">
        {done ? (
          <span className="muted" role="status">
            {t('detail.logged')}
          </span>
        ) : null}
        <Button type="submit" variant="primary" isPending={form.submitting}>
          {t('detail.log')}
        </Button>
      </div>
    </form>
  );
}
