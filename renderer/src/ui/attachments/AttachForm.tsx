// "Attach a file": a labelled file input, the kind and an optional note; checks size and type before reading the file.
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import {
  ATTACHMENT_KINDS,
  ATTACHMENT_MIMES,
  type AttachmentAddInput,
  type AttachmentKind,
  type AttachmentOwner,
  MAX_ATTACHMENT_BYTES,
  OptionalText,
  mimeFromFileName,
} from '../../../../db/contract';
import { ApiCallError, call } from '../../api/client';
import { ErrorBanner } from '../feedback';
import { Button, SelectField, TextField } from '../fields';
import { useForm } from '../use-form';
import { formatSize, readBase64 } from './format';
import { useInvalidateAttachments } from './queries';

/** What the file chooser offers: the types the core accepts, by type and by extension (some systems know only one). */
const ACCEPT = [...ATTACHMENT_MIMES, '.pdf', '.png', '.jpg', '.jpeg', '.webp', '.tif', '.tiff'].join(',');

/** The browser's type for the file, or the one its extension implies when the browser did not know. */
const typeOf = (file: File): string => file.type || mimeFromFileName(file.name);
const isAllowedType = (mime: string): mime is (typeof ATTACHMENT_MIMES)[number] =>
  (ATTACHMENT_MIMES as readonly string[]).includes(mime);

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
  const inputId = useId();
  const messageId = useId();
  const add = useMutation({ mutationFn: (input: AttachmentAddInput) => call('attachments.add', input) });

  const schema = useMemo(
    () =>
      z.object({
        file: z
          .custom<File>((v) => v instanceof File, t('form.chooseFile'))
          .superRefine((file, ctx) => {
            if (file.size > MAX_ATTACHMENT_BYTES)
              ctx.addIssue({
                code: 'custom',
                message: t('form.tooLarge', { size: formatSize(file.size, i18n.language, t) }),
              });
            else if (!isAllowedType(typeOf(file))) ctx.addIssue({ code: 'custom', message: t('form.wrongType') });
          }),
        kind: z.enum(ATTACHMENT_KINDS, t('form.chooseKind')),
        note: OptionalText(500),
      }),
    [t, i18n.language],
  );

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setDone(false);
    const ok = await form.submit(schema, async (v) => {
      let contentBase64: string;
      try {
        contentBase64 = await readBase64(v.file);
      } catch {
        throw new ApiCallError({
          code: 'VALIDATION',
          message: '',
          details: { fields: [{ path: 'file', message: t('form.unreadable') }] },
        });
      }
      const mime = typeOf(v.file);
      // The schema above already refused other types; this narrows the type for the call.
      if (!isAllowedType(mime)) return;
      await add.mutateAsync({ owner, kind: v.kind, fileName: v.file.name, mime, contentBase64, note: v.note });
      await invalidate();
    });
    if (ok) {
      form.setValues({ ...EMPTY, kind: form.values.kind });
      if (inputRef.current) inputRef.current.value = '';
      setDone(true);
    }
  };

  // The core names the bytes, their name or their type; to the person they are all "the file".
  const fileError = form.errors.file ?? form.errors.contentBase64 ?? form.errors.mime ?? form.errors.fileName;
  const bannerError = form.formError && form.formError.code !== 'VALIDATION' ? form.formError : null;

  return (
    <form className="attach-form" onSubmit={onSubmit} noValidate aria-label={t('form.label')}>
      <ErrorBanner error={bannerError} />
      <div className={`field file-field${fileError ? ' file-field-invalid' : ''}`}>
        <label className="field-label" htmlFor={inputId}>
          {t('form.file')}
          <span className="field-required" aria-hidden="true">
            {' '}
            *
          </span>
        </label>
        <input
          ref={inputRef}
          id={inputId}
          className="file-input"
          type="file"
          accept={ACCEPT}
          required
          aria-invalid={fileError ? true : undefined}
          aria-describedby={messageId}
          onChange={(e) => {
            form.set('file', e.currentTarget.files?.[0] ?? null);
            setDone(false);
          }}
        />
        <span id={messageId} className={fileError ? 'field-error' : 'field-description'}>
          {fileError ?? t('form.fileHint')}
        </span>
      </div>
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
