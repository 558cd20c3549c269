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
import { type Actor, type Core, clinicName, clinicTimeZone } from './core';
import { command, commandAs, recordEvent } from './kernel';
import { DomainError, fieldError, notFound } from '../sqlite/domain-error';
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
    timeZone: clinicTimeZone(ctx.core),
  };
}

export async function setupAdmin(ctx: CallContext, input: Omit<NewAccount, 'role'>): Promise<SessionUser> {
  const { core } = ctx;
  const hash = await hashPassword(input.password, core.passwordLog2N);
  // The first admin is the actor of their own creation.
  const audit = (_: null, newId: number) => ({
    entityId: newId,
    before: null,
    after: { username: input.username, role: 'admin' },
    actorId: newId,
  });
  const id = commandAs(core, null, { action: 'auth.setupAdmin', entity: 'account', audit }, ({ w, at }) => {
    if (countAccounts(w) > 0) {
      throw new DomainError('ALREADY_SET_UP', 'This clinic already has accounts. Sign in instead.');
    }
    return insertAccount(w, { ...input, role: 'admin', passwordHash: hash, createdAt: at });
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
    recordEvent(core, null, 'auth.signInFailed', 'account', account?.id ?? null);
    throw new DomainError('BAD_CREDENTIALS', 'Wrong username or password, or the account is switched off.');
  }
  core.sessions.close(ctx.session.token);
  ctx.session.token = core.sessions.open(account.id, core.clock.now().getTime());
  recordEvent(core, account, 'auth.signIn', 'account', account.id);
  return toSessionUser(account);
}

export function signOut(ctx: CallContext): { ok: true } {
  const { core } = ctx;
  if (ctx.actor) {
    recordEvent(core, ctx.actor, 'auth.signOut', 'account', ctx.actor.id);
  }
  core.sessions.close(ctx.session.token);
  ctx.session.token = null;
  return { ok: true };
}

/** Any signed-in person sets their own language; the next session starts in it. */
export function setLanguage(ctx: CallContext, input: { language: Language }): SessionUser {
  const actor = requireActor(ctx);
  const spec = {
    action: 'auth.setLanguage',
    entity: 'account',
    id: actor.id,
    load: findAccountById,
    label: 'Account',
    audit: (before: AccountWithHash) => ({
      entityId: actor.id,
      before: { language: before.language },
      after: { language: input.language },
    }),
  };
  return command(ctx, spec, ({ w, before }) => {
    setAccountLanguage(w, actor.id, input.language);
    return toSessionUser({ ...before, language: input.language });
  });
}

export const list = (ctx: CallContext): Account[] => listAccounts(ctx.core.db).map(withoutHash);

export const staff = (ctx: CallContext) =>
  listAccounts(ctx.core.db)
    .filter((a) => a.role !== 'admin')
    .map((a) => ({ id: a.id, displayName: a.displayName, role: a.role, active: a.active }));

export async function create(ctx: CallContext, input: NewAccount): Promise<Account> {
  requireActor(ctx);
  const hash = await hashPassword(input.password, ctx.core.passwordLog2N);
  return command(ctx, { action: 'accounts.create', entity: 'account' }, ({ w, at }) => {
    if (findAccountByUsername(w, input.username)) throw fieldError('username', 'That username is taken');
    const id = insertAccount(w, { ...input, passwordHash: hash, createdAt: at });
    const created = findAccountById(w, id);
    if (!created) throw notFound('Account', id);
    return withoutHash(created);
  });
}

export function update(
  ctx: CallContext,
  input: { id: number; displayName: string; role: Account['role']; active: boolean },
): Account {
  const spec = {
    action: 'accounts.update',
    entity: 'account',
    id: input.id,
    load: findAccountById,
    label: 'Account',
    audit: (before: AccountWithHash, after: Account) => ({ entityId: input.id, before: withoutHash(before), after }),
  };
  return command(ctx, spec, ({ w, before }) => {
    const losesAdmin = before.role === 'admin' && before.active && (input.role !== 'admin' || !input.active);
    if (losesAdmin && countActiveAdmins(w) <= 1) {
      throw new DomainError('CONFLICT', 'The clinic needs at least one active admin. Make another admin first.', {
        reason: 'last_admin',
      });
    }
    updateAccount(w, input.id, input);
    const after = findAccountById(w, input.id);
    if (!after) throw notFound('Account', input.id);
    return withoutHash(after);
  });
}

export async function resetPassword(ctx: CallContext, input: { id: number; password: string }): Promise<{ ok: true }> {
  requireActor(ctx);
  const hash = await hashPassword(input.password, ctx.core.passwordLog2N);
  const spec = {
    action: 'accounts.resetPassword',
    entity: 'account',
    id: input.id,
    load: findAccountById,
    label: 'Account',
    audit: () => ({ entityId: input.id, before: null, after: null }),
  };
  command(ctx, spec, ({ w }) => setPasswordHash(w, input.id, hash));
  return { ok: true };
}
