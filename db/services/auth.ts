// Rules for first-run setup, sign-in and sign-out, and staff accounts.
import type { Account, AuthStatus, Language, NewAccount, SessionUser } from '../contract';
import {
  countAccounts,
  countActiveAdmins,
  findAccountById,
  findAccountByUsername,
  insertAccount,
  listAccounts,
  setAccountLanguage,
  setPasswordHash,
  updateAccount,
  withoutHash,
  type AccountWithHash,
} from '../repos/accounts';
import { type CallContext, requireActor } from './context';
import { type Actor, type Core, audit, clinicName, nowIso, write } from './core';
import { DomainError, fieldError, notFound } from './errors';
import { hashPassword, verifyPassword } from './passwords';

const toSessionUser = (a: AccountWithHash | Actor): SessionUser => ({
  id: a.id,
  username: a.username,
  displayName: a.displayName,
  role: a.role,
  language: a.language,
});

/** Turns a session token into the account behind it, if that account is still active. */
export function resolveActor(core: Core, token: string | null): Actor | null {
  const id = core.sessions.resolve(token, core.clock.now().getTime());
  if (id === null) return null;
  const account = findAccountById(core.db, id);
  if (!account || !account.active) {
    core.sessions.close(token);
    return null;
  }
  return toSessionUser(account);
}

export function status(ctx: CallContext): AuthStatus {
  return {
    needsSetup: countAccounts(ctx.core.db) === 0,
    user: ctx.actor ? toSessionUser(ctx.actor) : null,
    clinicName: clinicName(ctx.core),
  };
}

export async function setupAdmin(ctx: CallContext, input: Omit<NewAccount, 'role'>): Promise<SessionUser> {
  const { core } = ctx;
  const hash = await hashPassword(input.password, core.passwordLog2N);
  const id = write(core, () => {
    if (countAccounts(core.db) > 0) {
      throw new DomainError('ALREADY_SET_UP', 'This clinic already has accounts. Sign in instead.');
    }
    const newId = insertAccount(core.db, { ...input, role: 'admin', passwordHash: hash, createdAt: nowIso(core) });
    audit(core, { id: newId, username: input.username, displayName: input.displayName, role: 'admin', language: null }, 'auth.setupAdmin', 'account', newId, null, {
      username: input.username,
      role: 'admin',
    });
    return newId;
  });
  ctx.session.token = core.sessions.open(id, core.clock.now().getTime());
  const account = findAccountById(core.db, id);
  if (!account) throw notFound('Account', id);
  return toSessionUser(account);
}

// Verifying against a fixed hash when the user does not exist keeps the answer time the same either way.
let decoyHash: Promise<string> | null = null;

export async function signIn(ctx: CallContext, input: { username: string; password: string }): Promise<SessionUser> {
  const { core } = ctx;
  const account = findAccountByUsername(core.db, input.username);
  decoyHash ??= hashPassword('decoy password', core.passwordLog2N);
  const ok = await verifyPassword(input.password, account ? account.passwordHash : await decoyHash);
  if (!account || !ok || !account.active) {
    write(core, () => audit(core, null, 'auth.signInFailed', 'account', account?.id ?? null, null, null));
    throw new DomainError('BAD_CREDENTIALS', 'Wrong username or password, or the account is switched off.');
  }
  core.sessions.close(ctx.session.token);
  ctx.session.token = core.sessions.open(account.id, core.clock.now().getTime());
  write(core, () => audit(core, account, 'auth.signIn', 'account', account.id, null, null));
  return toSessionUser(account);
}

export function signOut(ctx: CallContext): { ok: true } {
  const { core } = ctx;
  if (ctx.actor) {
    const actor = ctx.actor;
    write(core, () => audit(core, actor, 'auth.signOut', 'account', actor.id, null, null));
  }
  core.sessions.close(ctx.session.token);
  ctx.session.token = null;
  return { ok: true };
}

/** Any signed-in person sets their own language; the next session starts in it. */
export function setLanguage(ctx: CallContext, input: { language: Language }): SessionUser {
  const actor = requireActor(ctx);
  const { core } = ctx;
  return write(core, () => {
    const before = findAccountById(core.db, actor.id);
    if (!before) throw notFound('Account', actor.id);
    setAccountLanguage(core.db, actor.id, input.language);
    audit(core, actor, 'auth.setLanguage', 'account', actor.id, { language: before.language }, { language: input.language });
    return toSessionUser({ ...before, language: input.language });
  });
}

export const list = (ctx: CallContext): Account[] => listAccounts(ctx.core.db).map(withoutHash);

export const staff = (ctx: CallContext) =>
  listAccounts(ctx.core.db)
    .filter((a) => a.role !== 'admin')
    .map((a) => ({ id: a.id, displayName: a.displayName, role: a.role, active: a.active }));

export async function create(ctx: CallContext, input: NewAccount): Promise<Account> {
  const actor = requireActor(ctx);
  const { core } = ctx;
  const hash = await hashPassword(input.password, core.passwordLog2N);
  return write(core, () => {
    if (findAccountByUsername(core.db, input.username)) throw fieldError('username', 'That username is taken');
    const id = insertAccount(core.db, { ...input, passwordHash: hash, createdAt: nowIso(core) });
    const created = findAccountById(core.db, id);
    if (!created) throw notFound('Account', id);
    const view = withoutHash(created);
    audit(core, actor, 'accounts.create', 'account', id, null, view);
    return view;
  });
}

export function update(ctx: CallContext, input: { id: number; displayName: string; role: Account['role']; active: boolean }): Account {
  const actor = requireActor(ctx);
  const { core } = ctx;
  return write(core, () => {
    const before = findAccountById(core.db, input.id);
    if (!before) throw notFound('Account', input.id);
    const losesAdmin = before.role === 'admin' && before.active && (input.role !== 'admin' || !input.active);
    if (losesAdmin && countActiveAdmins(core.db) <= 1) {
      throw new DomainError('CONFLICT', 'The clinic needs at least one active admin. Make another admin first.');
    }
    updateAccount(core.db, input.id, input);
    const after = findAccountById(core.db, input.id);
    if (!after) throw notFound('Account', input.id);
    audit(core, actor, 'accounts.update', 'account', input.id, withoutHash(before), withoutHash(after));
    return withoutHash(after);
  });
}

export async function resetPassword(ctx: CallContext, input: { id: number; password: string }): Promise<{ ok: true }> {
  const actor = requireActor(ctx);
  const { core } = ctx;
  const hash = await hashPassword(input.password, core.passwordLog2N);
  write(core, () => {
    if (!findAccountById(core.db, input.id)) throw notFound('Account', input.id);
    setPasswordHash(core.db, input.id, hash);
    audit(core, actor, 'accounts.resetPassword', 'account', input.id, null, null);
  });
  return { ok: true };
}
