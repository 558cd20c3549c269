// Recording a consent for a course (type, day, who took it, the scanned signed form) and withdrawing one.
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { type Consent, ConsentType, IsoDate, OptionalText, type SessionUser } from '../../../../db/contract';
import { call } from '../../api/client';
import { useStaff } from '../../api/inquiry-queries';
import { SelectField, TextField } from '../fields';
import { dayOf } from '../format';
import { FileField, fileErrorOf, fileSchema, uploadAttachment } from '../attachments/FileField';
import { useInvalidateAttachments } from '../attachments/queries';
import { FormDialog, useDialogForm } from './FormDialog';
import { consentLabel, consentTypeOptions } from './labels';

interface RecordValues {
  type: ConsentType | null;
  givenOn: string;
  takenById: string | null;
  file: File | null;
}

export function RecordConsentDialog(p: {
  courseId: number;
  patientId: number;
  user: SessionUser;
  onDone: () => Promise<void>;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation('courses');
  const staff = useStaff();
  const owner = { kind: 'patient', id: p.patientId } as const;
  const invalidateAttachments = useInvalidateAttachments(owner);
  const { form, submit, frame } = useDialogForm<RecordValues>(
    {
      type: 'treatment',
      givenOn: dayOf(new Date()),
      takenById: p.user.role === 'admin' ? null : String(p.user.id),
      file: null,
    },
    p.onClose,
  );
  // The scan is uploaded once: if the consent itself is then refused, a second try reuses it instead of a copy.
  const [uploaded, setUploaded] = useState<{ file: File; id: number } | null>(null);
  const schema = useMemo(
    () =>
      z.object({
        type: ConsentType,
        givenOn: IsoDate,
        takenById: z.string('Choose one').transform(Number),
        file: fileSchema(t, i18n.language).nullable(),
      }),
    [t, i18n.language],
  );
  const takers = (staff.data ?? []).filter((s) => s.active && s.role !== 'admin');

  const save = async () => {
    await submit(schema, async (v) => {
      let attachmentId: number | null = null;
      if (v.file) {
        if (uploaded?.file === v.file) attachmentId = uploaded.id;
        else {
          const a = await uploadAttachment(t, { owner, kind: 'consent', file: v.file, note: null });
          attachmentId = a?.id ?? null;
          if (a) setUploaded({ file: v.file, id: a.id });
          await invalidateAttachments();
        }
      }
      await call('consents.record', {
        courseId: p.courseId,
        type: v.type,
        givenOn: v.givenOn,
        takenById: v.takenById,
        attachmentId,
      });
      await p.onDone();
    });
  };

  return (
    <FormDialog
      title={t('consent.recordTitle')}
      submitLabel={t('consent.record')}
      {...frame}
      onSubmit={() => void save()}
    >
      <div className="form-grid">
        <SelectField
          className="span-6"
          label={t('consent.type')}
          value={form.values.type}
          onChange={(v) => form.set('type', v)}
          options={consentTypeOptions(t)}
          error={form.errors.type}
          isRequired
          autoFocus
        />
        <TextField
          className="span-6"
          type="date"
          label={t('consent.givenOn')}
          value={form.values.givenOn}
          onChange={(v) => form.set('givenOn', v)}
          error={form.errors.givenOn}
          isRequired
        />
        <SelectField
          className="span-12"
          label={t('consent.takenBy')}
          value={form.values.takenById}
          onChange={(v) => form.set('takenById', v)}
          options={takers.map((s) => ({ value: String(s.id), label: s.displayName }))}
          placeholder={t('form.choose')}
          error={form.errors.takenById}
          isRequired
        />
      </div>
      <FileField
        label={t('consent.scan')}
        hint={t('consent.scanHint')}
        error={fileErrorOf(form.errors)}
        onChange={(file) => form.set('file', file)}
      />
    </FormDialog>
  );
}

export function WithdrawConsentDialog(p: { consent: Consent; onDone: () => Promise<void>; onClose: () => void }) {
  const { t } = useTranslation('courses');
  const { form, submit, frame } = useDialogForm({ withdrawnOn: dayOf(new Date()), note: '' }, p.onClose);
  const schema = z.object({ withdrawnOn: IsoDate, note: OptionalText(500) });
  const save = async () => {
    await submit(schema, async (v) => {
      await call('consents.withdraw', { id: p.consent.id, version: p.consent.version, ...v });
      await p.onDone();
    });
  };
  return (
    <FormDialog
      title={t('consent.withdrawTitle', { type: consentLabel(t, p.consent.type) })}
      submitLabel={t('consent.withdraw')}
      {...frame}
      onSubmit={() => void save()}
    >
      <TextField
        type="date"
        label={t('consent.withdrawnOn')}
        value={form.values.withdrawnOn}
        onChange={(v) => form.set('withdrawnOn', v)}
        error={form.errors.withdrawnOn}
        isRequired
        autoFocus
      />
      <TextField
        label={t('consent.withdrawNote')}
        value={form.values.note}
        onChange={(v) => form.set('note', v)}
        error={form.errors.note}
        multiline
        rows={2}
      />
    </FormDialog>
  );
}
