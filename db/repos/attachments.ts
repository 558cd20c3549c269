// SQL and row mapping for attachments and the content-addressed files they point to.
import type { ReadableDB, WritableDB } from '../sqlite/handles';
import type { Attachment, AttachmentKind, AttachmentOwner } from '../contract';
import { all, get, run, sql } from '../sqlite/sql';

interface AttachmentRow {
  id: number;
  sha256: string;
  inquiry_id: number | null;
  patient_id: number | null;
  kind: AttachmentKind;
  file_name: string;
  note: string | null;
  added_at: string;
  added_by_name: string;
  removed_at: string | null;
  size: number;
  mime: string;
}

export interface StoredAttachment extends Attachment {
  owner: AttachmentOwner;
  removedAt: string | null;
}

const toAttachment = (r: AttachmentRow): StoredAttachment => ({
  id: r.id,
  kind: r.kind,
  fileName: r.file_name,
  mime: r.mime,
  size: r.size,
  sha256: r.sha256,
  note: r.note,
  addedAt: r.added_at,
  addedByName: r.added_by_name,
  owner: r.inquiry_id !== null ? { kind: 'inquiry', id: r.inquiry_id } : { kind: 'patient', id: r.patient_id ?? 0 },
  removedAt: r.removed_at,
});

const SELECT = sql`
  SELECT a.id, a.sha256, a.inquiry_id, a.patient_id, a.kind, a.file_name, a.note, a.added_at, a.removed_at,
         acc.display_name AS added_by_name, f.size, f.mime
    FROM attachments a
    JOIN files f ON f.sha256 = a.sha256
    JOIN accounts acc ON acc.id = a.added_by`;

const ownerColumn = (owner: AttachmentOwner) => (owner.kind === 'inquiry' ? sql`a.inquiry_id` : sql`a.patient_id`);

export const listAttachments = (db: ReadableDB, owner: AttachmentOwner): Attachment[] =>
  all<AttachmentRow>(
    db,
    sql`${SELECT} WHERE ${ownerColumn(owner)} = ${owner.id} AND a.removed_at IS NULL ORDER BY a.added_at DESC, a.id DESC`,
  )
    .map(toAttachment)
    .map(({ owner: _owner, removedAt: _removedAt, ...rest }) => rest);

export function findAttachment(db: ReadableDB, id: number): StoredAttachment | null {
  const row = get<AttachmentRow>(db, sql`${SELECT} WHERE a.id = ${id}`);
  return row ? toAttachment(row) : null;
}

/** 'merged' for a patient record merged into another: its files now live with the survivor. */
export function ownerState(db: ReadableDB, owner: AttachmentOwner): 'missing' | 'merged' | 'ok' {
  if (owner.kind === 'inquiry') return get(db, sql`SELECT 1 FROM inquiries WHERE id = ${owner.id}`) ? 'ok' : 'missing';
  const row = get<{ merged_into_id: number | null }>(
    db,
    sql`SELECT merged_into_id FROM patients WHERE id = ${owner.id}`,
  );
  if (!row) return 'missing';
  return row.merged_into_id === null ? 'ok' : 'merged';
}

/** The first upload of some bytes records their size and type; later uploads of the same bytes reuse the row. */
export function ensureFile(db: WritableDB, f: { sha256: string; size: number; mime: string; at: string }): void {
  run(
    db,
    sql`INSERT INTO files (sha256, size, mime, created_at) VALUES (${f.sha256}, ${f.size}, ${f.mime}, ${f.at}) ON CONFLICT (sha256) DO NOTHING`,
  );
}

export function insertAttachment(
  db: WritableDB,
  a: {
    sha256: string;
    owner: AttachmentOwner;
    kind: AttachmentKind;
    fileName: string;
    note: string | null;
    at: string;
    by: number;
  },
): number {
  const inquiryId = a.owner.kind === 'inquiry' ? a.owner.id : null;
  const patientId = a.owner.kind === 'patient' ? a.owner.id : null;
  const result = run(
    db,
    sql`INSERT INTO attachments (sha256, inquiry_id, patient_id, kind, file_name, note, added_at, added_by)
        VALUES (${a.sha256}, ${inquiryId}, ${patientId}, ${a.kind}, ${a.fileName}, ${a.note}, ${a.at}, ${a.by})`,
  );
  return Number(result.lastInsertRowid);
}

export function markRemoved(db: WritableDB, id: number, at: string, by: number): void {
  run(db, sql`UPDATE attachments SET removed_at = ${at}, removed_by = ${by} WHERE id = ${id} AND removed_at IS NULL`);
}

/** Links that still use these bytes; removed links do not keep a file on disk. */
export const activeLinks = (db: ReadableDB, sha256: string): number =>
  get<{ n: number }>(db, sql`SELECT count(*) AS n FROM attachments WHERE sha256 = ${sha256} AND removed_at IS NULL`)
    ?.n ?? 0;
