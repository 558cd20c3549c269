// A labelled file input for attachments (the types and size the core accepts), and the upload that goes with it.
import type { TFunction } from 'i18next';
import { type Ref, useId } from 'react';
import { z } from 'zod';
import {
  ATTACHMENT_MIMES,
  type Attachment,
  type AttachmentKind,
  type AttachmentOwner,
  MAX_ATTACHMENT_BYTES,
  mimeFromFileName,
} from '../../../../db/contract';
import { ApiCallError, call } from '../../api/client';
import { formatSize, readBase64 } from './format';

/** What the file chooser offers: the types the core accepts, by type and by extension (some systems know only one). */
const ACCEPT = [...ATTACHMENT_MIMES, '.pdf', '.png', '.jpg', '.jpeg', '.webp', '.tif', '.tiff'].join(',');

/** The browser's type for the file, or the one its extension implies when the browser did not know. */
const typeOf = (file: File): string => file.type || mimeFromFileName(file.name);
const isAllowedType = (mime: string): mime is (typeof ATTACHMENT_MIMES)[number] =>
  (ATTACHMENT_MIMES as readonly string[]).includes(mime);

/** A chosen file the core will take: checked here first, so a wrong one is refused before it is read. */
export const fileSchema = (t: TFunction, locale: string) =>
  z
    .custom<File>((v) => v instanceof File, t('attachments:form.chooseFile'))
    .superRefine((file, ctx) => {
      if (file.size > MAX_ATTACHMENT_BYTES)
        ctx.addIssue({
          code: 'custom',
          message: t('attachments:form.tooLarge', { size: formatSize(file.size, locale, t) }),
        });
      else if (!isAllowedType(typeOf(file))) ctx.addIssue({ code: 'custom', message: t('attachments:form.wrongType') });
    });

/** Reads the file and attaches it; an unreadable file is a field error on `file`, like any other refusal. */
export async function uploadAttachment(
  t: TFunction,
  input: { owner: AttachmentOwner; kind: AttachmentKind; file: File; note: string | null },
): Promise<Attachment | null> {
  let contentBase64: string;
  try {
    contentBase64 = await readBase64(input.file);
  } catch {
    throw new ApiCallError({
      code: 'VALIDATION',
      message: '',
      details: { fields: [{ path: 'file', message: t('attachments:form.unreadable') }] },
    });
  }
  const mime = typeOf(input.file);
  // The schema already refused other types; this narrows the type for the call.
  if (!isAllowedType(mime)) return null;
  const { owner, kind, file, note } = input;
  return call('attachments.add', { owner, kind, fileName: file.name, mime, contentBase64, note });
}

/** The core names the bytes, their name or their type; to the person they are all "the file". */
export const fileErrorOf = (errors: Readonly<Record<string, string>>): string | undefined =>
  errors.file ?? errors.contentBase64 ?? errors.mime ?? errors.fileName;

export function FileField(p: {
  label: string;
  error: string | undefined;
  hint: string;
  isRequired?: boolean;
  inputRef?: Ref<HTMLInputElement>;
  onChange: (file: File | null) => void;
}) {
  const inputId = useId();
  const messageId = useId();
  return (
    <div className={`field file-field${p.error ? ' file-field-invalid' : ''}`}>
      <label className="field-label" htmlFor={inputId}>
        {p.label}
        {p.isRequired ? (
          <span className="field-required" aria-hidden="true">
            {' '}
            *
          </span>
        ) : null}
      </label>
      <input
        ref={p.inputRef}
        id={inputId}
        className="file-input"
        type="file"
        accept={ACCEPT}
        required={p.isRequired}
        aria-invalid={p.error ? true : undefined}
        aria-describedby={messageId}
        onChange={(e) => p.onChange(e.currentTarget.files?.[0] ?? null)}
      />
      <span id={messageId} className={p.error ? 'field-error' : 'field-description'}>
        {p.error ?? p.hint}
      </span>
    </div>
  );
}
