// Keyset (seek) paging for the long lists: a page starts after the sort key of the last row shown, so page 2,000
// reads 50 index entries like page 1 does, and counts stop at COUNT_CAP instead of reading every row.
import { COUNT_CAP } from '../contract';
import { fieldError } from '../sqlite/domain-error';
import type { ReadableDB } from '../sqlite/handles';
import { type Sql, type SqlValue, get, join, raw, sql } from '../sqlite/sql';

/**
 * A list order: sort-key expressions (each must be an index's expression, written the same way, for the index to
 * serve it), then the id as the tie-break, all in one direction so a row value `(k…, id) > (?…, ?)` seeks.
 */
export interface SeekOrder {
  keys: readonly string[];
  id: string;
  direction: 'asc' | 'desc';
}

/** `k0, k1 …` columns to add to the SELECT: the values a cursor is made of. */
export const seekColumns = (o: SeekOrder): Sql => raw(o.keys.map((k, i) => `${k} AS seek_k${i}`).join(', '));

export const seekOrderBy = (o: SeekOrder): Sql => {
  const dir = o.direction === 'asc' ? 'ASC' : 'DESC';
  return raw(`ORDER BY ${[...o.keys, o.id].map((k) => `${k} ${dir}`).join(', ')}`);
};

/** The WHERE term that starts the page after `cursor` (or nothing for the first page). */
export function seekAfter(o: SeekOrder, cursor: string | null): Sql {
  if (cursor === null) return sql`1`;
  let values: unknown;
  try {
    values = JSON.parse(cursor);
  } catch {
    values = null;
  }
  const ok =
    Array.isArray(values) &&
    values.length === o.keys.length + 1 &&
    values.every((v) => v === null || typeof v === 'string' || typeof v === 'number') &&
    typeof values.at(-1) === 'number';
  if (!ok) throw fieldError('after', 'invalid');
  const cmp = o.direction === 'asc' ? '>' : '<';
  const params = join(
    (values as SqlValue[]).map((v) => sql`${v}`),
    ', ',
  );
  return sql`(${raw([...o.keys, o.id].join(', '))}) ${raw(cmp)} (${params})`;
}

/** The cursor after the last row of a full page (null when the page is not full: there is no next page). */
export function seekNext(
  o: SeekOrder,
  rows: readonly Record<string, unknown>[],
  limit: number,
  id: string,
): string | null {
  const last = rows.at(-1);
  if (last === undefined || rows.length < limit) return null;
  return JSON.stringify([...o.keys.map((_, i) => last[`seek_k${i}`] ?? null), last[id]]);
}

/** How a capped count starts: its plan may walk a table, as it stops after COUNT_CAP + 1 rows (the plans test). */
export const CAPPED_COUNT_SQL = 'SELECT count(*) AS n FROM (SELECT 1 ';

/** How many rows `from` + `where` admit, reading at most COUNT_CAP + 1 of them. */
export function cappedCount(db: ReadableDB, fromWhere: Sql): { total: number; capped: boolean } {
  const n = get<{ n: number }>(db, sql`${raw(CAPPED_COUNT_SQL)}${fromWhere} LIMIT ${COUNT_CAP + 1})`)?.n ?? 0;
  return n > COUNT_CAP ? { total: COUNT_CAP, capped: true } : { total: n, capped: false };
}
