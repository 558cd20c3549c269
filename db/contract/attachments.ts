// Contract for attachments: files (medical records, scans, consent, photos) linked to an inquiry or a patient.
import { z } from 'zod';
import { Id, IsoInstant, OptionalText, type Role, method } from './common';

export const ATTACHMENT_KINDS = ['medical_record', 'scan_report', 'consent', 'photo', 'other'] as const;
export const AttachmentKind = z.enum(ATTACHMENT_KINDS, 'Choose one');
export type AttachmentKind = z.infer<typeof AttachmentKind>;

/** What may be attached: documents and images a viewer on any clinic desk can open. Checked against the bytes too. */
export const ATTACHMENT_MIMES = ['application/pdf', 'image/png', 'image/jpeg', 'image/webp', 'image/tiff'] as const;
export type AttachmentMime = (typeof ATTACHMENT_MIMES)[number];
export const TYPE_REFUSED_MESSAGE = 'Only PDF, PNG, JPEG, WebP and TIFF files can be attached';

export const MAX_ATTACHMENT_BYTES = 25 * 1024 * 1024;
export const SIZE_REFUSED_MESSAGE = 'Files can be at most 25 MB';
/** Base64 carries 3 bytes in 4 characters; the string limit is the byte limit, so nothing larger is even decoded. */
export const MAX_ATTACHMENT_BASE64 = Math.ceil(MAX_ATTACHMENT_BYTES / 3) * 4;

/** The system's idea of a file's type when the browser did not know it (some desks report "" for .webp or .tif). */
const EXTENSION_MIMES: Record<string, AttachmentMime> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
  tif: 'image/tiff',
  tiff: 'image/tiff',
};
export const mimeFromFileName = (name: string): string =>
  EXTENSION_MIMES[name.split('.').pop()?.toLowerCase() ?? ''] ?? '';

export const OWNER_KINDS = ['inquiry', 'patient'] as const;
export const AttachmentOwner = z.object({ kind: z.enum(OWNER_KINDS), id: Id });
export type AttachmentOwner = z.infer<typeof AttachmentOwner>;

/** The name as the person's computer called it: only the last path part, no control characters. */
export const AttachmentFileName = z
  .string()
  .transform((s) =>
    [...(s.split(/[\\/]/).pop() ?? '')]
      .filter((c) => c >= ' ' && c !== '\u007f')
      .join('')
      .trim(),
  )
  .pipe(z.string().min(1, 'The file has no name').max(255, 'At most 255 characters'));

export const AttachmentAddInput = z.object({
  owner: AttachmentOwner,
  kind: AttachmentKind,
  fileName: AttachmentFileName,
  mime: z.enum(ATTACHMENT_MIMES, TYPE_REFUSED_MESSAGE),
  contentBase64: z.string().min(1, 'The file is empty').max(MAX_ATTACHMENT_BASE64, SIZE_REFUSED_MESSAGE),
  note: OptionalText(500),
});
export type AttachmentAddInput = z.input<typeof AttachmentAddInput>;

export const Attachment = z.object({
  id: Id,
  kind: AttachmentKind,
  fileName: z.string(),
  mime: z.string(),
  size: z.number().int().nonnegative(),
  sha256: z.string(),
  note: z.string().nullable(),
  addedAt: IsoInstant,
  addedByName: z.string(),
});
export type Attachment = z.infer<typeof Attachment>;

const STAFF = ['coordinator', 'doctor'] as const;

export const attachmentMethods = {
  'attachments.list': method({
    input: z.object({ owner: AttachmentOwner }),
    output: z.array(Attachment),
    roles: STAFF,
  }),
  'attachments.add': method({ input: AttachmentAddInput, output: Attachment, roles: STAFF }),
  'attachments.remove': method({
    input: z.object({ id: Id }),
    output: z.object({ ok: z.literal(true) }),
    roles: STAFF,
  }),
} as const;

/** Who may open an attachment's file (the host's download route and the desktop's open use this, not dispatch). */
export const ATTACHMENT_READERS: readonly Role[] = STAFF;
