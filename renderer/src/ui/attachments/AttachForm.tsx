// "Attach a file": a labelled file input, the kind and an optional note; checks size and type before reading the file.
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { ATTACHMENT_KINDS, type AttachmentKind, type AttachmentOwner, OptionalText } from '../../../../db/contract';
import { ErrorBanner } from '../feedback';
import { Button, SelectField, TextField } from '../fields';
import { useForm } from '../use-form';
import { FileField, fileErrorOf, fileSchema, uploadAttachment } from './FileField';
import { useInvalidateAttachments } from './queries';

interface Values {
  file: File | null;
  kind: AttachmentKind | null;
  note: string;
}
const EMPTY: Values = { file: null, kind: null, note: '' };

export function AttachForm({ owner }: { owner: AttachmentOwner }) {
  const { t, i18n } = useTranslation('attachments');
  const invalidate = useInvalidateAttachments(owner);
  const form = useForm<Values>(EMPTY);
  const [done, setDone] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const add = useMutation({
    mutationFn: (input: Parameters<typeof uploadAttachment>[1]) => uploadAttachment(t, input),
  });

  const schema = useMemo(
    () =>
      z.object({
        file: fileSchema(t, i18n.language),
        kind: z.enum(ATTACHMENT_KINDS, t('form.chooseKind')),
        note: OptionalText(500),
      }),
    [t, i18n.language],
  );

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setDone(false);
    const ok = await form.submit(schema, async (v) => {
      await add.mutateAsync({ owner, kind: v.kind, file: v.file, note: v.note });
      await invalidate();
    });
    if (ok) {
      form.setValues({ ...EMPTY, kind: form.values.kind });
      if (inputRef.current) inputRef.current.value = '';
      setDone(true);
    }
  };

  const fileError = fileErrorOf(form.errors);
  const bannerError = form.formError && form.formError.code !== 'VALIDATION' ? form.formError : null;

  return (
    <form className="attach-form" onSubmit={onSubmit} noValidate aria-label={t('form.label')}>
      <ErrorBanner error={bannerError} />
      <FileField
        label={t('form.file')}
        error={fileError}
        hint={t('form.fileHint')}
        isRequired
        inputRef={inputRef}
        onChange={(file) => {
          form.set('file', file);
          setDone(false);
        }}
      />
      <div className="attach-form-row">
        <SelectField
          label={t('form.kind')}
          value={form.values.kind}
          onChange={(v) => form.set('kind', v)}
          options={ATTACHMENT_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
          placeholder={t('form.choose')}
          error={form.errors.kind}
          isRequired
        />
        <TextField
          label={t('form.note')}
          value={form.values.note}
          onChange={(v) => form.set('note', v)}
          placeholder={t('form.notePlaceholder')}
          error={form.errors.note}
        />
      </div>
      <div className="attach-form-actions">
        {done ? (
          <span className="muted" role="status">
            {t('form.attached')}
          </span>
        ) : null}
        <Button type="submit" variant="primary" isPending={form.submitting}>
          {form.submitting ? t('form.attaching') : t('form.submit')}
        </Button>
      </div>
    </form>
  );
}
