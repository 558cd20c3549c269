// SQL for clinic settings (key/value).
import type { ReadableDB, WritableDB } from '../sqlite/handles';
import { get, run, sql } from '../sqlite/sql';

export const getSetting = (db: ReadableDB, key: string): string | null =>
  get<{ value: string }>(db, sql`SELECT value FROM settings WHERE key = ${key}`)?.value ?? null;

export const putSetting = (db: WritableDB, key: string, value: string): void => {
  run(
    db,
    sql`INSERT INTO settings (key, value) VALUES (${key}, ${value}) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
  );
};
