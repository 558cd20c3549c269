// Rules for first-run setup, sign-in and sign-out, and staff accounts.
import { corruption } from '../sqlite/corruption';
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
import { idleLockMinutes } from './clinic-time';
import { command, commandAs, recordEvent } from './kernel';
import { DomainError, fieldError, notFound } from '../sqlite/domain-error';
import { hashPassword, verifyPassword } from './passwords';
import { assertStrongPassword } from './password-policy';
import { clearFailures, guardedSignIn, lockedUntil, unlockUsername } from './sign-in-guard';

/** The public view of an account, with its lock (if one is running now) for the accounts screen. */
const publicAccount = (core: Core, a: AccountWithHash): Account => ({
  ...withoutHash(a),
  lockedUntil: lockedUntil(core, a.username),
});

/** Too common, or made of the person's own names or the clinic's: refused before any hashing. */
const checkNewPassword = (core: Core, password: string, names: string[]) =>
  assertStrongPassword(password, [...names, clinicName(core)]);

export const toSessionUser = (a: AccountWithHash | Actor): SessionUser => ({
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
    idleLockMinutes: idleLockMinutes(ctx.core),
    locked: ctx.actor !== null && ctx.core.sessions.isLocked(ctx.session.token),
  };
}

/** The methods a locked session may still call: to see that it is locked, unlock, or hand the desk over. */
export const CALLABLE_WHILE_LOCKED: ReadonlySet<string> = new Set([
  'auth.status',
  'auth.lock',
  'auth.unlock',
  'auth.signIn',
  'auth.signOut',
]);

export function lockScreen(ctx: CallContext): { ok: true } {
  requireActor(ctx);
  ctx.core.sessions.setLocked(ctx.session.token, true);
  return { ok: true };
}

const alreadySetUp = () => new DomainError('ALREADY_SET_UP', 'This clinic already has accounts. Sign in instead.');

export async function setupAdmin(ctx: CallContext, input: Omit<NewAccount, 'role'>): Promise<SessionUser> {
  const { core } = ctx;
  // Checked before hashing as well as inside the command: a set-up clinic must not cost anyone a hash.
  if (countAccounts(core.db) > 0) throw alreadySetUp();
  await checkNewPassword(core, input.password, [input.username, input.displayName]);
  const hash = await hashPassword(input.password, core.passwordLog2N);
  // The first admin is the actor of their own creation.
  const audit = (_: null, newId: number) => ({
    entityId: newId,
    before: null,
    after: { username: input.username, role: 'admin' },
    actorId: newId,
  });
  const id = commandAs(core, null, { action: 'auth.setupAdmin', entity: 'account', audit }, ({ w, at }) => {
    if (countAccounts(w) > 0) throw alreadySetUp();
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
  const decoy = (decoyHash ??= hashPassword('decoy password', core.passwordLog2N));
  const ok = await guardedSignIn(core, input.username, account?.id ?? null, async () => {
    const right = await verifyPassword(input.password, account ? account.passwordHash : await decoy);
    return right && account !== null && account.active;
  });
  if (!account || !ok) {
    throw new DomainError('BAD_CREDENTIALS', 'Wrong username or password, or the account is switched off.');
  }
  core.sessions.close(ctx.session.token);
  ctx.session.token = core.sessions.open(account.id, core.clock.now().getTime());
  const audit = () => ({ entityId: account.id, before: null, after: null });
  // A damaged file takes no writes (db/sqlite/corruption.ts): the sign-in goes unrecorded, so an admin can still restore.
  if (corruption(core.db) === null) {
    commandAs(core, account, { action: 'auth.signIn', entity: 'account', audit }, ({ w }) =>
      clearFailures(w, input.username),
    );
  }
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

/**
 * A locked desk: the signed-in person's own password, verified behind the same throttle as a sign-in (failures count
 * and lock the account), without a new session. Another person signs in instead, which ends this session.
 */
export async function unlockScreen(ctx: CallContext, input: { password: string }): Promise<SessionUser> {
  const { core } = ctx;
  const actor = requireActor(ctx);
  const account = findAccountById(core.db, actor.id);
  if (!account) throw notFound('Account', actor.id);
  const ok = await guardedSignIn(core, account.username, account.id, async () => {
    return (await verifyPassword(input.password, account.passwordHash)) && account.active;
  });
  if (!ok) throw new DomainError('BAD_CREDENTIALS', 'Wrong password.');
  const audit = () => ({ entityId: account.id, before: null, after: null });
  commandAs(core, actor, { action: 'auth.unlock', entity: 'account', audit }, ({ w }) =>
    clearFailures(w, account.username),
  );
  core.sessions.setLocked(ctx.session.token, false);
  return toSessionUser(account);
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

export const list = (ctx: CallContext): Account[] => listAccounts(ctx.core.db).map((a) => publicAccount(ctx.core, a));

export const staff = (ctx: CallContext) =>
  listAccounts(ctx.core.db)
    .filter((a) => a.role !== 'admin')
    .map((a) => ({ id: a.id, displayName: a.displayName, role: a.role, active: a.active }));

export async function create(ctx: CallContext, input: NewAccount): Promise<Account> {
  requireActor(ctx);
  await checkNewPassword(ctx.core, input.password, [input.username, input.displayName]);
  const hash = await hashPassword(input.password, ctx.core.passwordLog2N);
  return command(ctx, { action: 'accounts.create', entity: 'account' }, ({ w, at }) => {
    if (findAccountByUsername(w, input.username)) throw fieldError('username', 'That username is taken');
    const id = insertAccount(w, { ...input, passwordHash: hash, createdAt: at });
    const created = findAccountById(w, id);
    if (!created) throw notFound('Account', id);
    return publicAccount(ctx.core, created);
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
    return publicAccount(ctx.core, after);
  });
}

export async function resetPassword(ctx: CallContext, input: { id: number; password: string }): Promise<{ ok: true }> {
  requireActor(ctx);
  const target = findAccountById(ctx.core.db, input.id);
  if (!target) throw notFound('Account', input.id);
  await checkNewPassword(ctx.core, input.password, [target.username, target.displayName]);
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
  // Whoever knew the old password is signed out everywhere (the admin's own call stays signed in).
  ctx.core.sessions.closeAccount(input.id, ctx.session.token);
  return { ok: true };
}

/** An admin lifts a sign-in lock before its 15 minutes run out. */
export function unlock(ctx: CallContext, input: { id: number }): Account {
  const actor = requireActor(ctx);
  const account = findAccountById(ctx.core.db, input.id);
  if (!account) throw notFound('Account', input.id);
  unlockUsername(ctx.core, actor, account.username, account.id);
  return publicAccount(ctx.core, account);
}
