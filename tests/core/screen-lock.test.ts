// The desk lock: the idle period is a clinic setting; unlocking checks the same person's password without a new
// session (throttled like a sign-in); another person signing in at a locked desk ends the first session.
import { beforeEach, describe, expect, it } from 'vitest';
import type { AuthStatus, ClinicSettings } from '../../db/contract';
import type { Core } from '../../db/services/core';
import { type Caller, PASSWORD, caller, makeCore, staff } from './support';

let core: Core;
let s: Awaited<ReturnType<typeof staff>>;
beforeEach(async () => {
  core = makeCore();
  s = await staff(core);
});

const resolves = (c: Caller) => core.sessions.resolve(c.session.token, core.clock.now().getTime());

describe('idle lock setting', () => {
  it('defaults to 10 minutes, is saved by the admin and read by every desk', async () => {
    expect((await s.coordinator.ok<AuthStatus>('auth.status')).idleLockMinutes).toBe(10);
    const settings = await s.admin.ok<ClinicSettings>('clinic.settings');
    await s.admin.ok('clinic.saveSettings', { ...settings, idleLockMinutes: 2 });
    expect((await s.coordinator.ok<AuthStatus>('auth.status')).idleLockMinutes).toBe(2);
    const refused = await s.admin.call('clinic.saveSettings', { ...settings, idleLockMinutes: 0 });
    expect(refused.ok ? null : refused.error.code).toBe('VALIDATION');
    // An older caller that does not know the setting keeps the default.
    await s.admin.ok('clinic.saveSettings', { name: settings.name, timeZone: settings.timeZone });
    expect((await s.admin.ok<ClinicSettings>('clinic.settings')).idleLockMinutes).toBe(10);
  });
});

describe('unlocking', () => {
  it('accepts the same person’s password and keeps the session', async () => {
    const token = s.coordinator.session.token;
    const user = await s.coordinator.ok<{ id: number }>('auth.unlock', { password: PASSWORD });
    expect(user.id).toBe(s.ids.coordinator);
    expect(s.coordinator.session.token).toBe(token);
    expect(resolves(s.coordinator)).toBe(s.ids.coordinator);
    const row = core.db.prepare('SELECT action, actor_id FROM audit_log ORDER BY id DESC').get();
    expect(row).toEqual({ action: 'auth.unlock', actor_id: s.ids.coordinator });
  });

  it('refuses a wrong password, counts it like a failed sign-in, and needs a session', async () => {
    const r = await s.coordinator.call('auth.unlock', { password: 'not-my-password' });
    expect(r.ok ? null : r.error.code).toBe('BAD_CREDENTIALS');
    const failures = core.db.prepare("SELECT failures FROM sign_in_failures WHERE username = 'coord'").pluck().get();
    expect(failures).toBe(1);
    expect(resolves(s.coordinator)).toBe(s.ids.coordinator);
    await s.coordinator.ok('auth.signOut');
    const signedOut = await s.coordinator.call('auth.unlock', { password: PASSWORD });
    expect(signedOut.ok ? null : signedOut.error.code).toBe('UNAUTHENTICATED');
  });

  it('another person signing in at the locked desk ends the first session', async () => {
    const first = s.coordinator.session.token;
    await s.coordinator.ok('auth.signIn', { username: 'doctor', password: PASSWORD });
    expect(core.sessions.resolve(first, core.clock.now().getTime())).toBeNull();
    expect(resolves(s.coordinator)).toBe(s.ids.doctor);
  });
});

describe('a locked session', () => {
  const code = async (c: Caller, method: string, input: unknown = {}) => {
    const r = await c.call(method, input);
    return r.ok ? 'ok' : r.error.code;
  };

  it('refuses every call but status, unlock, sign-in and sign-out until the same password unlocks it', async () => {
    expect((await s.coordinator.ok<AuthStatus>('auth.status')).locked).toBe(false);
    await s.coordinator.ok('auth.lock');
    // A reload asks auth.status first: it says locked, so the renderer shows the lock screen again.
    expect((await s.coordinator.ok<AuthStatus>('auth.status')).locked).toBe(true);
    expect(await code(s.coordinator, 'inquiries.list')).toBe('SCREEN_LOCKED');
    expect(await code(s.coordinator, 'auth.setLanguage', { language: 'zh-CN' })).toBe('SCREEN_LOCKED');
    expect(await code(s.coordinator, 'patients.list', {})).toBe('SCREEN_LOCKED');
    // Only this session: the doctor at another desk goes on.
    expect(await code(s.doctor, 'inquiries.list')).toBe('ok');
    expect(await code(s.coordinator, 'auth.unlock', { password: 'wrong-password-9' })).toBe('BAD_CREDENTIALS');
    expect(await code(s.coordinator, 'inquiries.list')).toBe('SCREEN_LOCKED');
    await s.coordinator.ok('auth.unlock', { password: PASSWORD });
    expect((await s.coordinator.ok<AuthStatus>('auth.status')).locked).toBe(false);
    expect(await code(s.coordinator, 'inquiries.list')).toBe('ok');
  });

  it('is ended by another person signing in (whose session is not locked) or by signing out', async () => {
    await s.coordinator.ok('auth.lock');
    await s.coordinator.ok('auth.signIn', { username: 'doctor', password: PASSWORD });
    expect((await s.coordinator.ok<AuthStatus>('auth.status')).locked).toBe(false);
    expect(await code(s.coordinator, 'inquiries.list')).toBe('ok');
    await s.doctor.ok('auth.lock');
    await s.doctor.ok('auth.signOut');
    const status = await s.doctor.ok<AuthStatus>('auth.status');
    expect([status.user, status.locked]).toEqual([null, false]);
  });

  it('needs a session to lock', async () => {
    const nobody = caller(core);
    expect(await code(nobody, 'auth.lock')).toBe('UNAUTHENTICATED');
  });
});
