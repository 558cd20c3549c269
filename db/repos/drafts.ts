// SQL for form drafts: one row per account and form, replaced on every save.
import type { Draft, DraftData, DraftSummary } from '../contract';
import type { ReadableDB, WritableDB } from '../sqlite/handles';
import { all, get, run, sql } from '../sqlite/sql';

interface DraftRow {
  form_key: string;
  data_json: string;
  base_version: number | null;
  updated_at: string;
}

const summary = (r: Omit<DraftRow, 'data_json'>): DraftSummary => ({
  formKey: r.form_key,
  baseVersion: r.base_version,
  updatedAt: r.updated_at,
});

export function findDraft(db: ReadableDB, accountId: number, formKey: string): Draft | null {
  const row = get<DraftRow>(
    db,
    sql`SELECT form_key, data_json, base_version, updated_at FROM form_drafts
         WHERE account_id = ${accountId} AND form_key = ${formKey}`,
  );
  return row ? { ...summary(row), data: JSON.parse(row.data_json) as DraftData } : null;
}

export const listDrafts = (db: ReadableDB, accountId: number): DraftSummary[] =>
  all<Omit<DraftRow, 'data_json'>>(
    db,
    sql`SELECT form_key, base_version, updated_at FROM form_drafts
         WHERE account_id = ${accountId} ORDER BY updated_at DESC, form_key`,
  ).map(summary);

export function upsertDraft(
  db: WritableDB,
  accountId: number,
  d: { formKey: string; data: DraftData; baseVersion: number | null; at: string },
): void {
  run(
    db,
    sql`INSERT INTO form_drafts (account_id, form_key, data_json, base_version, updated_at)
        VALUES (${accountId}, ${d.formKey}, ${JSON.stringify(d.data)}, ${d.baseVersion}, ${d.at})
        ON CONFLICT (account_id, form_key) DO UPDATE
          SET data_json = excluded.data_json, base_version = excluded.base_version, updated_at = excluded.updated_at`,
  );
}

/** True when there was a draft to delete. */
export const deleteDraft = (db: WritableDB, accountId: number, formKey: string): boolean =>
  run(db, sql`DELETE FROM form_drafts WHERE account_id = ${accountId} AND form_key = ${formKey}`).changes > 0;
