// SQL and row mapping for staff accounts.
import type { ReadableDB, WritableDB } from '../sqlite/handles';
import type { Account, Language, Role } from '../contract';
import { all, get, run, sql } from '../sqlite/sql';

interface AccountRow {
  id: number;
  username: string;
  display_name: string;
  role: Role;
  password_hash: string;
  active: number;
  created_at: string;
  language: Language | null;
}

/** An account as stored; whether it is locked now is the sign-in guard's to say. */
export interface AccountWithHash extends Omit<Account, 'lockedUntil'> {
  passwordHash: string;
  language: Language | null;
}

const toAccount = (r: AccountRow): AccountWithHash => ({
  id: r.id,
  username: r.username,
  displayName: r.display_name,
  role: r.role,
  active: r.active === 1,
  createdAt: r.created_at,
  passwordHash: r.password_hash,
  language: r.language,
});

export const countAccounts = (db: ReadableDB): number =>
  get<{ n: number }>(db, sql`SELECT count(*) AS n FROM accounts`)?.n ?? 0;

export const countActiveAdmins = (db: ReadableDB): number =>
  get<{ n: number }>(db, sql`SELECT count(*) AS n FROM accounts WHERE role = 'admin' AND active = 1`)?.n ?? 0;

export function findAccountById(db: ReadableDB, id: number): AccountWithHash | null {
  const row = get<AccountRow>(db, sql`SELECT * FROM accounts WHERE id = ${id}`);
  return row ? toAccount(row) : null;
}

export function findAccountByUsername(db: ReadableDB, username: string): AccountWithHash | null {
  const row = get<AccountRow>(db, sql`SELECT * FROM accounts WHERE username = ${username}`);
  return row ? toAccount(row) : null;
}

export const listAccounts = (db: ReadableDB): AccountWithHash[] =>
  all<AccountRow>(db, sql`SELECT * FROM accounts ORDER BY active DESC, display_name COLLATE NOCASE`).map(toAccount);

export interface NewAccountRow {
  username: string;
  displayName: string;
  role: Role;
  passwordHash: string;
  createdAt: string;
}

export function insertAccount(db: WritableDB, a: NewAccountRow): number {
  const res = run(
    db,
    sql`INSERT INTO accounts (username, display_name, role, password_hash, active, created_at)
        VALUES (${a.username}, ${a.displayName}, ${a.role}, ${a.passwordHash}, 1, ${a.createdAt})`,
  );
  return Number(res.lastInsertRowid);
}

export function updateAccount(
  db: WritableDB,
  id: number,
  v: { displayName: string; role: Role; active: boolean },
): void {
  run(
    db,
    sql`UPDATE accounts SET display_name = ${v.displayName}, role = ${v.role}, active = ${v.active} WHERE id = ${id}`,
  );
}

export function setPasswordHash(db: WritableDB, id: number, hash: string): void {
  run(db, sql`UPDATE accounts SET password_hash = ${hash} WHERE id = ${id}`);
}

export function setAccountLanguage(db: WritableDB, id: number, language: Language): void {
  run(db, sql`UPDATE accounts SET language = ${language} WHERE id = ${id}`);
}

/** Public view: never hand the hash outside the core; the language is the person's own, in their session. */
export const withoutHash = ({
  passwordHash: _hash,
  language: _language,
  ...account
}: AccountWithHash): Omit<Account, 'lockedUntil'> => account;
