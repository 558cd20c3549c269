// Rules for attachments: type and size checks, one stored file per content hash, audited add, remove and open.
import fs from 'node:fs';
import {
  ATTACHMENT_READERS,
  type Attachment,
  type AttachmentKind,
  type AttachmentMime,
  type AttachmentOwner,
  MAX_ATTACHMENT_BYTES,
  SIZE_REFUSED_MESSAGE,
  TYPE_REFUSED_MESSAGE,
} from '../contract';
import * as repo from '../repos/attachments';
import { resolveActor } from './auth';
import type { ReadableDB } from '../sqlite/handles';
import { type CallContext, requireActor } from './context';
import type { Core } from './core';
import { command, mustLoad, recordEvent } from './kernel';
import { DomainError, fieldError, notFound } from '../sqlite/domain-error';
import { blobExists, blobPath, deleteBlob, listBlobs, putBlob, sha256Hex, storeError } from './file-store';

const ENTITY = 'attachment';
/** The form's file input answers for the bytes, their name and their type. */
const FILE_FIELD = 'contentBase64';

const TYPE_NAMES: Record<AttachmentMime, string> = {
  'application/pdf': 'a PDF',
  'image/png': 'a PNG image',
  'image/jpeg': 'a JPEG image',
  'image/webp': 'a WebP image',
  'image/tiff': 'a TIFF image',
};

/** The type the bytes themselves declare (their magic numbers), whatever the file name or the browser said. */
export function sniffMime(b: Uint8Array): AttachmentMime | null {
  const at = (offset: number, ...sig: number[]) => sig.every((v, i) => b[offset + i] === v);
  if (at(0, 0x25, 0x50, 0x44, 0x46, 0x2d)) return 'application/pdf'; // %PDF-
  if (at(0, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (at(0, 0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (at(0, 0x52, 0x49, 0x46, 0x46) && at(8, 0x57, 0x45, 0x42, 0x50)) return 'image/webp'; // RIFF....WEBP
  if (at(0, 0x49, 0x49, 0x2a, 0x00) || at(0, 0x4d, 0x4d, 0x00, 0x2a)) return 'image/tiff'; // II*\0 or MM\0*
  return null;
}

const BASE64_RE = /^[A-Za-z0-9+/]*={0,2}$/;

/** Strict: Buffer's decoder skips characters it does not know, which would store a silently damaged file. */
function decode(base64: string): Buffer {
  if (base64.length % 4 !== 0 || !BASE64_RE.test(base64))
    throw fieldError(FILE_FIELD, 'The file did not arrive intact; attach it again');
  return Buffer.from(base64, 'base64');
}

function storeDir(core: Core): string {
  if (core.attachmentsDir === null)
    throw storeError('Attachments are not available here: StrokeDesk was started without a data folder for files.');
  return core.attachmentsDir;
}

function checkOwner(db: ReadableDB, owner: AttachmentOwner): void {
  const state = repo.ownerState(db, owner);
  if (state === 'missing') throw notFound(owner.kind === 'inquiry' ? 'Inquiry' : 'Patient', owner.id);
  if (state === 'merged')
    throw new DomainError(
      'CONFLICT',
      'This patient record was merged into another; attach the file to the surviving record.',
      { reason: 'merged' },
    );
}

/** A removed attachment is kept for the record but is gone for every command. */
function findActive(db: ReadableDB, id: number): repo.StoredAttachment | null {
  const a = repo.findAttachment(db, id);
  if (a && a.removedAt !== null)
    throw new DomainError('NOT_FOUND', 'That attachment was removed.', { entity: 'Attachment', id });
  return a;
}

const loadActive = (db: ReadableDB, id: number): repo.StoredAttachment => mustLoad(db, id, findActive, 'Attachment');

const publicView = ({ owner: _owner, removedAt: _removedAt, ...rest }: repo.StoredAttachment): Attachment => rest;

export function list(ctx: CallContext, input: { owner: AttachmentOwner }): Attachment[] {
  // A merged record lists nothing (its files moved to the survivor) rather than refusing.
  if (repo.ownerState(ctx.core.db, input.owner) === 'missing')
    throw notFound(input.owner.kind === 'inquiry' ? 'Inquiry' : 'Patient', input.owner.id);
  return repo.listAttachments(ctx.core.db, input.owner);
}

export interface AddInput {
  owner: AttachmentOwner;
  kind: AttachmentKind;
  fileName: string;
  mime: AttachmentMime;
  contentBase64: string;
  note: string | null;
}

/**
 * The file goes to disk first (temp file, fsync, rename), then one transaction links it. If that transaction fails,
 * a file this call wrote is removed again unless a committed link uses the same bytes.
 */
export function add(ctx: CallContext, input: AddInput): Attachment {
  requireActor(ctx);
  const { core } = ctx;
  const dir = storeDir(core);
  const bytes = decode(input.contentBase64);
  if (bytes.length === 0) throw fieldError(FILE_FIELD, 'The file is empty');
  if (bytes.length > MAX_ATTACHMENT_BYTES) throw fieldError(FILE_FIELD, SIZE_REFUSED_MESSAGE);
  const actual = sniffMime(bytes);
  if (actual === null) throw fieldError(FILE_FIELD, `${TYPE_REFUSED_MESSAGE}; this file is none of them`);
  if (actual !== input.mime) {
    throw fieldError(
      FILE_FIELD,
      `The file says it is ${TYPE_NAMES[input.mime]}, but its contents are ${TYPE_NAMES[actual]}`,
    );
  }
  checkOwner(core.db, input.owner);

  const sha256 = sha256Hex(bytes);
  let created: boolean;
  try {
    ({ created } = putBlob(dir, sha256, bytes));
  } catch (err) {
    core.log.error('attachment store write failed', err, { bytes: bytes.length });
    const full = (err as NodeJS.ErrnoException).code === 'ENOSPC';
    throw storeError(
      full
        ? 'The disk is full: the file was not attached.'
        : 'The file could not be written to the data folder: it was not attached.',
    );
  }

  try {
    const audit = (_: null, added: Attachment) => ({
      entityId: added.id,
      before: null,
      after: {
        owner: input.owner,
        kind: added.kind,
        fileName: added.fileName,
        note: added.note,
        sha256,
        size: added.size,
        mime: added.mime,
      },
    });
    return command(ctx, { action: 'attachments.add', entity: ENTITY, audit }, ({ w, actor, at }) => {
      checkOwner(w, input.owner);
      repo.ensureFile(w, { sha256, size: bytes.length, mime: actual, at });
      const { owner, kind, fileName, note } = input;
      const id = repo.insertAttachment(w, { sha256, owner, kind, fileName, note, at, by: actor.id });
      return publicView(loadActive(w, id));
    });
  } catch (err) {
    if (created && !stillLinked(core, sha256)) discard(core, dir, sha256);
    throw err;
  }
}

/** Marks the link removed (kept for the record) and, once the transaction has committed, deletes the file if nothing else uses it. */
export function remove(ctx: CallContext, input: { id: number }): { ok: true } {
  requireActor(ctx);
  const { core } = ctx;
  const dir = storeDir(core);
  const spec = {
    action: 'attachments.remove',
    entity: ENTITY,
    id: input.id,
    load: findActive,
    label: 'Attachment',
    audit: (before: repo.StoredAttachment, _sha: string, removedAt: string) => ({
      entityId: input.id,
      before: { owner: before.owner, kind: before.kind, fileName: before.fileName, sha256: before.sha256 },
      after: { removedAt },
    }),
  };
  const sha256 = command(ctx, spec, ({ w, actor, before, at }) => {
    repo.markRemoved(w, input.id, at, actor.id);
    return before.sha256;
  });
  // Checked again after the commit: only bytes no active link uses are deleted, and never before the removal is durable.
  if (repo.activeLinks(core.db, sha256) === 0) discard(core, dir, sha256);
  return { ok: true };
}

/** After a failed transaction the database may be unreadable too: then keep the file, the safe side. */
function stillLinked(core: Core, sha256: string): boolean {
  try {
    return repo.activeLinks(core.db, sha256) > 0;
  } catch {
    return true;
  }
}

function discard(core: Core, dir: string, sha256: string): void {
  try {
    deleteBlob(dir, sha256);
  } catch (err) {
    // The removal itself stands; an unused file left behind is harmless and costs only disk space.
    core.log.error('attachment file delete failed', err);
  }
}

export interface AttachmentFile {
  path: string;
  fileName: string;
  mime: string;
  size: number;
}

/**
 * For the transports that hand out the bytes (the host's download route, the desktop's "open"): checks the session and
 * role as dispatch would, and records who opened what.
 */
export function openFile(core: Core, sessionToken: string | null, id: number): AttachmentFile {
  const actor = resolveActor(core, sessionToken);
  if (!actor) throw new DomainError('UNAUTHENTICATED', 'Please sign in again.');
  if (!ATTACHMENT_READERS.includes(actor.role))
    throw new DomainError('FORBIDDEN', `Your role (${actor.role}) may not do this.`);
  const dir = storeDir(core);
  const a = loadActive(core.db, id);
  if (!blobExists(dir, a.sha256)) {
    core.log.error('attachment file missing', null, { attachmentId: id });
    throw storeError('The stored file is missing from the data folder. Restore it from a backup.');
  }
  recordEvent(core, actor, 'attachments.open', ENTITY, id);
  return { path: blobPath(dir, a.sha256), fileName: a.fileName, mime: a.mime, size: a.size };
}

/** Younger files may belong to a write still under way (an attachment or an import between file and row): kept. */
export const ORPHAN_MIN_AGE_MS = 10 * 60 * 1000;

/**
 * On start: removes attachment files no attachment row uses, left by a crash between the file write and the row's
 * commit, and temporary files of interrupted writes. Only files older than `minAgeMs`. Answers how many went.
 */
export function sweepOrphanFiles(core: Core, minAgeMs = ORPHAN_MIN_AGE_MS): number {
  const dir = core.attachmentsDir;
  if (!dir) return 0;
  const cutoff = core.clock.now().getTime() - minAgeMs;
  let swept = 0;
  for (const blob of listBlobs(dir)) {
    if (blob.modifiedMs > cutoff) continue;
    if (blob.sha !== null && stillLinked(core, blob.sha)) continue;
    fs.rmSync(blob.path, { force: true });
    swept += 1;
  }
  if (swept > 0) core.log.info('swept attachment files left without a record', { files: swept });
  return swept;
}
