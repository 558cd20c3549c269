// Sign-in throttling: after 5 wrong passwords for a username each try waits longer; after 10 it locks for 15 minutes.
import { clearFailures, findFailures, saveFailures, type SignInFailures } from '../repos/sign-in-failures';
import { DomainError } from '../sqlite/domain-error';
import { nowIso } from './clinic-time';
import type { Core } from './core';
import { commandAs } from './kernel';
import type { Actor } from './sessions';

export const FREE_FAILURES = 5;
export const LOCK_AFTER_FAILURES = 10;
export const LOCK_MS = 15 * 60 * 1000;

/** The wait after the n-th failure in a row: none for the first five, then 1 s, 2 s, 4 s, 8 s, 16 s. */
export const waitAfter = (failures: number): number =>
  failures < FREE_FAILURES ? 0 : 1000 * 2 ** (failures - FREE_FAILURES);

/** Usernames whose password is being checked now: a parallel burst for one name must not all pass the gate at once. */
const checking = new WeakMap<Core, Set<string>>();

export const lockedError = (retryAt: string, now: number) =>
  new DomainError('BAD_CREDENTIALS', `Too many wrong passwords: this account is locked until ${retryAt}.`, {
    reason: 'account_locked',
    retryAt,
    retryAfterSeconds: Math.ceil((Date.parse(retryAt) - now) / 1000),
  });

export const waitError = (retryAtMs: number, now: number) =>
  new DomainError('BAD_CREDENTIALS', 'Too many wrong passwords: wait a little before the next try.', {
    reason: 'sign_in_wait',
    retryAt: new Date(retryAtMs).toISOString(),
    retryAfterSeconds: Math.max(1, Math.ceil((retryAtMs - now) / 1000)),
  });

/** A lock that has run out starts the count afresh, so one more slip after it does not lock again at once. */
const current = (f: SignInFailures | null, now: number): SignInFailures | null =>
  f?.lockedUntil && Date.parse(f.lockedUntil) <= now ? null : f;

/** Refuses early, without hashing, a username that is locked or still waiting; the refusal is logged. */
function refuseIfThrottled(core: Core, username: string, accountId: number | null): void {
  const now = core.clock.now().getTime();
  const f = current(findFailures(core.db, username), now);
  let refusal: DomainError | null = null;
  if (f?.lockedUntil) refusal = lockedError(f.lockedUntil, now);
  else if (f && now < Date.parse(f.lastFailedAt) + waitAfter(f.failures)) {
    refusal = waitError(Date.parse(f.lastFailedAt) + waitAfter(f.failures), now);
  } else if (checking.get(core)?.has(username)) refusal = waitError(now + 1000, now);
  if (!refusal) return;
  const after = { username, reason: refusal.details?.reason ?? null };
  const audit = () => ({ entityId: accountId, before: null, after });
  commandAs(core, null, { action: 'auth.signInRefused', entity: 'account', audit }, () => undefined);
  throw refusal;
}

/**
 * Counts a wrong password (the name tried is logged, known or not) and locks at the tenth, logged in one step. Returns
 * what the caller is told when the count now makes them wait or locks them (null: a plain wrong password).
 */
function recordFailure(core: Core, username: string, accountId: number | null): DomainError | null {
  const audit = () => null;
  const spec = { action: 'auth.signInFailed', entity: 'account', audit };
  return commandAs(core, null, spec, ({ w, at, audit: write }) => {
    const now = Date.parse(at);
    const failures = (current(findFailures(w, username), now)?.failures ?? 0) + 1;
    const lockedUntil = failures >= LOCK_AFTER_FAILURES ? new Date(now + LOCK_MS).toISOString() : null;
    saveFailures(w, { username, failures, lastFailedAt: at, lockedUntil });
    write('auth.signInFailed', 'account', accountId, null, { username, failures });
    if (lockedUntil) write('auth.accountLocked', 'account', accountId, null, { username, lockedUntil });
    if (lockedUntil) return lockedError(lockedUntil, now);
    return waitAfter(failures) > 0 ? waitError(now + waitAfter(failures), now) : null;
  });
}

/**
 * Runs `verify` for `username` behind the gate: refused early while throttled, a failure counted, a success clearing
 * the count. `verify` answers whether the password was right (and the account may sign in).
 */
export async function guardedSignIn(
  core: Core,
  username: string,
  accountId: number | null,
  verify: () => Promise<boolean>,
): Promise<boolean> {
  refuseIfThrottled(core, username, accountId);
  const names = checking.get(core) ?? new Set<string>();
  checking.set(core, names);
  names.add(username);
  try {
    const ok = await verify();
    const consequence = ok ? null : recordFailure(core, username, accountId);
    if (consequence) throw consequence;
    return ok;
  } finally {
    names.delete(username);
  }
}

/** Clears the count after a good sign-in (inside that sign-in's own command). */
export { clearFailures };

/** When an account's lock runs out, or null when it is not locked now. */
export function lockedUntil(core: Core, username: string): string | null {
  const until = findFailures(core.db, username)?.lockedUntil ?? null;
  return until && until > nowIso(core) ? until : null;
}

/** An admin lifts a lock (and any wait) early; logged as `accounts.unlock`. */
export function unlockUsername(core: Core, actor: Actor, username: string, accountId: number): void {
  const before = { lockedUntil: lockedUntil(core, username) };
  const audit = () => ({ entityId: accountId, before, after: { lockedUntil: null } });
  commandAs(core, actor, { action: 'accounts.unlock', entity: 'account', audit }, ({ w }) =>
    clearFailures(w, username),
  );
}
