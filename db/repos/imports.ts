// SQL for web-form imports: staged batches and rows, the references already imported (look-ups: repos/identity.ts).
import type { ReadableDB, WritableDB } from '../sqlite/handles';
import type { ImportFormat } from '../contract';
import { all, get, run, sql } from '../sqlite/sql';

export interface BatchRow {
  id: number;
  format: ImportFormat;
  row_count: number;
  created_by: number;
  committed_at: string | null;
  /** NULL while a large file's rows are still being written (see services/imports.ts `stage`). */
  staged_at: string | null;
}

export interface StagedRow {
  row_number: number;
  ref: string;
  fields_json: string;
}

export function insertBatch(
  db: WritableDB,
  v: {
    fileName: string;
    format: ImportFormat;
    sha256: string;
    rowCount: number;
    at: string;
    by: number;
    stagedAt: string | null;
  },
): number {
  const res = run(
    db,
    sql`INSERT INTO import_batches (file_name, format, sha256, row_count, created_at, created_by, staged_at)
        VALUES (${v.fileName}, ${v.format}, ${v.sha256}, ${v.rowCount}, ${v.at}, ${v.by}, ${v.stagedAt})`,
  );
  return Number(res.lastInsertRowid);
}

export function markStaged(db: WritableDB, batchId: number, at: string): void {
  run(db, sql`UPDATE import_batches SET staged_at = ${at} WHERE id = ${batchId}`);
}

export function insertStagedRow(db: WritableDB, batchId: number, row: number, ref: string, fieldsJson: string): void {
  run(
    db,
    sql`INSERT INTO import_rows (batch_id, row_number, ref, fields_json) VALUES (${batchId}, ${row}, ${ref}, ${fieldsJson})`,
  );
}

export const findBatch = (db: ReadableDB, id: number): BatchRow | undefined =>
  get<BatchRow>(
    db,
    sql`SELECT id, format, row_count, created_by, committed_at, staged_at FROM import_batches WHERE id = ${id}`,
  );

export const stagedRows = (db: ReadableDB, batchId: number, offset = 0, limit = -1): StagedRow[] =>
  all<StagedRow>(
    db,
    sql`SELECT row_number, ref, fields_json FROM import_rows WHERE batch_id = ${batchId} ORDER BY row_number LIMIT ${limit} OFFSET ${offset}`,
  );

export interface StagedRowWithRef extends StagedRow {
  /** Set when an earlier import already created or merged this submission. */
  inquiry_id: number | null;
}

export const stagedRowsWithRefs = (
  db: ReadableDB,
  batchId: number,
  offset: number,
  limit: number,
): StagedRowWithRef[] =>
  all<StagedRowWithRef>(
    db,
    sql`SELECT r.row_number, r.ref, r.fields_json, x.inquiry_id FROM import_rows r LEFT JOIN import_refs x ON x.ref = r.ref
         WHERE r.batch_id = ${batchId} ORDER BY r.row_number LIMIT ${limit} OFFSET ${offset}`,
  );

export const countStagedRows = (db: ReadableDB, batchId: number): number =>
  get<{ n: number }>(db, sql`SELECT count(*) AS n FROM import_rows WHERE batch_id = ${batchId}`)?.n ?? 0;

export function markCommitted(db: WritableDB, batchId: number, at: string): void {
  run(db, sql`UPDATE import_batches SET committed_at = ${at} WHERE id = ${batchId}`);
}

/** Staged rows are a copy of patient data: once committed (or abandoned) they go; the references stay. */
export function deleteStagedRows(db: WritableDB, batchId: number): void {
  run(db, sql`DELETE FROM import_rows WHERE batch_id = ${batchId}`);
}

/** Part of a committed batch's staged rows; the number deleted (0 when none are left). */
export function deleteStagedSlice(db: WritableDB, batchId: number, limit: number): number {
  return run(
    db,
    sql`DELETE FROM import_rows WHERE rowid IN (SELECT rowid FROM import_rows WHERE batch_id = ${batchId} LIMIT ${limit})`,
  ).changes;
}

export function deleteAbandonedRows(db: WritableDB, stagedBefore: string): number {
  return run(
    db,
    sql`DELETE FROM import_rows WHERE batch_id IN (SELECT id FROM import_batches WHERE committed_at IS NULL AND created_at < ${stagedBefore})`,
  ).changes;
}

export interface ImportedRef {
  inquiry_id: number;
  action: 'created' | 'merged';
}

export const findRef = (db: ReadableDB, ref: string): ImportedRef | undefined =>
  get<ImportedRef>(db, sql`SELECT inquiry_id, action FROM import_refs WHERE ref = ${ref}`);

export function insertRef(
  db: WritableDB,
  v: { ref: string; inquiryId: number; batchId: number; action: 'created' | 'merged'; at: string },
): void {
  run(
    db,
    sql`INSERT INTO import_refs (ref, inquiry_id, batch_id, action, at) VALUES (${v.ref}, ${v.inquiryId}, ${v.batchId}, ${v.action}, ${v.at})`,
  );
}

export const inquiryExists = (db: ReadableDB, id: number): { received_at: string } | undefined =>
  get<{ received_at: string }>(db, sql`SELECT received_at FROM inquiries WHERE id = ${id}`);
