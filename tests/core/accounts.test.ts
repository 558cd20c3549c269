// Accounts and sign-in through dispatch: first run, passwords, sessions, roles checked in the core.
import { describe, expect, it } from 'vitest';
import { hashParameters, hashPassword, verifyPassword } from '../../db/services/passwords';
import { PASSWORD, caller, makeCore, staff } from './support';

describe('first run and sign-in', () => {
  it('asks for setup on an empty database, once', async () => {
    const core = makeCore();
    const first = caller(core);
    expect(await first.ok('auth.status')).toMatchObject({ needsSetup: true, user: null });
    await first.ok('auth.setupAdmin', { username: 'Admin', displayName: 'Ada Admin', password: PASSWORD });
    expect(await first.ok('auth.status')).toMatchObject({
      needsSetup: false,
      user: { username: 'admin', role: 'admin' },
    });
    const again = await caller(core).call('auth.setupAdmin', {
      username: 'eve',
      displayName: 'Eve',
      password: PASSWORD,
    });
    expect(again.ok ? null : again.error.code).toBe('ALREADY_SET_UP');
  });

  it('refuses a wrong password and a switched-off account alike, and logs the failure', async () => {
    const core = makeCore();
    const { admin, ids } = await staff(core);
    const someone = caller(core);
    const wrong = await someone.call('auth.signIn', { username: 'coord', password: 'wrong password' });
    expect(wrong.ok ? null : wrong.error.code).toBe('BAD_CREDENTIALS');
    const unknown = await someone.call('auth.signIn', { username: 'nobody', password: PASSWORD });
    expect(unknown.ok ? null : unknown.error.message).toBe(wrong.ok ? '' : wrong.error.message);
    expect(
      (core.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'auth.signInFailed'").get() as { n: number })
        .n,
    ).toBe(2);

    await admin.ok('accounts.update', {
      id: ids.coordinator,
      displayName: 'Chen Coordinator',
      role: 'coordinator',
      active: false,
    });
    const off = await someone.call('auth.signIn', { username: 'coord', password: PASSWORD });
    expect(off.ok ? null : off.error.code).toBe('BAD_CREDENTIALS');
  });

  it('ends a session at sign-out and when the account is switched off', async () => {
    const core = makeCore();
    const { admin, coordinator, doctor, ids } = await staff(core);
    await coordinator.ok('auth.signOut');
    const after = await coordinator.call('inquiries.list', {});
    expect(after.ok ? null : after.error.code).toBe('UNAUTHENTICATED');
    await admin.ok('accounts.update', { id: ids.doctor, displayName: 'Dr. Daria', role: 'doctor', active: false });
    const r = await doctor.call('inquiries.list', {});
    expect(r.ok ? null : r.error.code).toBe('UNAUTHENTICATED');
  });

  it('checks roles in the core, whatever the screen shows', async () => {
    const core = makeCore();
    const { admin, coordinator } = await staff(core);
    const a = await admin.call('inquiries.list', {});
    expect(a.ok ? null : a.error.code).toBe('FORBIDDEN');
    const c = await coordinator.call('accounts.create', {
      username: 'x.y',
      displayName: 'X',
      role: 'admin',
      password: PASSWORD,
    });
    expect(c.ok ? null : c.error.code).toBe('FORBIDDEN');
    const anonymous = await caller(core).call('inquiries.get', { id: 1 });
    expect(anonymous.ok ? null : anonymous.error.code).toBe('UNAUTHENTICATED');
  });

  it('keeps one active admin at least, and usernames unique', async () => {
    const core = makeCore();
    const { admin, ids } = await staff(core);
    const demote = await admin.call('accounts.update', {
      id: ids.admin,
      displayName: 'Ada',
      role: 'doctor',
      active: true,
    });
    expect(demote.ok ? null : demote.error.code).toBe('CONFLICT');
    expect(demote.ok ? null : demote.error.details?.reason).toBe('last_admin');
    const off = await admin.call('accounts.update', {
      id: ids.admin,
      displayName: 'Ada',
      role: 'admin',
      active: false,
    });
    expect(off.ok ? null : [off.error.code, off.error.details?.reason]).toEqual(['CONFLICT', 'last_admin']);
    const dup = await admin.call('accounts.create', {
      username: 'COORD',
      displayName: 'Twin',
      role: 'coordinator',
      password: PASSWORD,
    });
    expect(dup.ok ? null : dup.error.details?.fields?.[0]?.path).toBe('username');
  });

  it('never hands out password hashes', async () => {
    const core = makeCore();
    const { admin } = await staff(core);
    const list = await admin.ok<object[]>('accounts.list');
    expect(JSON.stringify(list)).not.toMatch(/scrypt|password/i);
  });
});

describe('password hashing', () => {
  it("uses scrypt at OWASP's cost by default and records its parameters", async () => {
    const hash = await hashPassword('correct horse battery');
    expect(hashParameters(hash)).toEqual({ N: 2 ** 17, r: 8, p: 1 });
    expect(await verifyPassword('correct horse battery', hash)).toBe(true);
    expect(await verifyPassword('correct horse batterz', hash)).toBe(false);
    expect(await hashPassword('correct horse battery')).not.toBe(hash);
  }, 120_000); // three hashes at full cost: seconds each on a busy machine
});
