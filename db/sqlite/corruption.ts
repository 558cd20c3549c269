// The corruption latch: once SQLite has said a file is damaged, no write on that connection ever commits again.
import type { Database } from 'better-sqlite3';
import { DomainError } from './domain-error';

/** Why each latched connection was latched (quick_check's first line, or the SQLite error code). */
const latched = new WeakMap<Database, string>();

const isCorruptCode = (code: unknown): code is string =>
  typeof code === 'string' && (code.startsWith('SQLITE_CORRUPT') || code.startsWith('SQLITE_NOTADB'));

/** Latches the connection if `err` is SQLite reporting damage; any other error passes by. */
export function noteFailure(db: Database, err: unknown): void {
  const code = (err as { code?: unknown } | null)?.code;
  if (isCorruptCode(code) && !latched.has(db)) latched.set(db, code);
}

export function latchCorrupt(db: Database, problem: string): void {
  if (!latched.has(db)) latched.set(db, problem);
}

/** What is wrong with this connection's file, or null while nothing has been seen. */
export const corruption = (db: Database): string | null => latched.get(db) ?? null;

export const DAMAGED_MESSAGE =
  'The records file is damaged. Nothing more will be written to it; an administrator can restore the latest good backup.';

/** Called by the command kernel before its body runs and again just before it commits. */
export function refuseIfCorrupt(db: Database): void {
  const problem = latched.get(db);
  if (problem !== undefined) throw new DomainError('DB_CORRUPT', DAMAGED_MESSAGE, { problem: problem.slice(0, 200) });
}
