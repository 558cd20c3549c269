// SQL for failed sign-ins counted per username tried (delays and locks).
import type { ReadableDB, WritableDB } from '../sqlite/handles';
import { get, run, sql } from '../sqlite/sql';

export interface SignInFailures {
  username: string;
  failures: number;
  lastFailedAt: string;
  lockedUntil: string | null;
}

interface Row {
  username: string;
  failures: number;
  last_failed_at: string;
  locked_until: string | null;
}

export function findFailures(db: ReadableDB, username: string): SignInFailures | null {
  const r = get<Row>(db, sql`SELECT * FROM sign_in_failures WHERE username = ${username}`);
  return r ? { username, failures: r.failures, lastFailedAt: r.last_failed_at, lockedUntil: r.locked_until } : null;
}

export function saveFailures(db: WritableDB, f: SignInFailures): void {
  run(
    db,
    sql`INSERT INTO sign_in_failures (username, failures, last_failed_at, locked_until)
        VALUES (${f.username}, ${f.failures}, ${f.lastFailedAt}, ${f.lockedUntil})
        ON CONFLICT (username) DO UPDATE SET failures = excluded.failures,
          last_failed_at = excluded.last_failed_at, locked_until = excluded.locked_until`,
  );
}

export function clearFailures(db: WritableDB, username: string): void {
  run(db, sql`DELETE FROM sign_in_failures WHERE username = ${username}`);
}
