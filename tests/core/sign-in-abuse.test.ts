// Sign-in under attack (issue #12 item 6): delays, locks, unlocks, password strength, session ends, bounded hashing.
import { describe, expect, it } from 'vitest';
import type { Envelope } from '../../db/contract';
import { hashingLoad, MAX_CONCURRENT_HASHES } from '../../db/services/passwords';
import { createCore, silentLogger } from '../../db/services/core';
import { openDatabase } from '../../db/sqlite/open';
import { PASSWORD, caller, fixedClock, makeCore, staff } from './support';

const refusal = (r: Envelope<unknown>): Record<string, unknown> | null =>
  r.ok ? null : { code: r.error.code, ...r.error.details };
const auditCount = (core: ReturnType<typeof makeCore>, action: string) =>
  (core.db.prepare('SELECT count(*) AS n FROM audit_log WHERE action = ?').get(action) as { n: number }).n;

describe('wrong passwords', () => {
  it('slow down after 5, lock at 10 for 15 minutes, and an admin can unlock', async () => {
    const clock = fixedClock('2026-12-01T09:00:00.000Z');
    const core = makeCore({ clock });
    const { admin, ids } = await staff(core);
    const eve = caller(core);
    const wrong = () => eve.call('auth.signIn', { username: 'coord', password: 'not the password' });
    for (let i = 0; i < 4; i += 1) expect(refusal(await wrong())).toEqual({ code: 'BAD_CREDENTIALS' });
    // From the fifth, each answer says how long to wait: 1 s, 2 s, 4 s, 8 s, 16 s; a try before then is refused
    // early (no hash, not counted).
    const waits: number[] = [];
    let last = refusal(await wrong());
    for (let i = 0; i < 5; i += 1) {
      expect(last).toMatchObject({ code: 'BAD_CREDENTIALS', reason: 'sign_in_wait' });
      const seconds = Number(last?.retryAfterSeconds);
      waits.push(seconds);
      expect(refusal(await wrong())).toMatchObject({ reason: 'sign_in_wait', retryAfterSeconds: seconds });
      clock.set(new Date(clock.now().getTime() + seconds * 1000).toISOString());
      last = refusal(await wrong());
    }
    expect(waits).toEqual([1, 2, 4, 8, 16]);
    expect(last).toMatchObject({ reason: 'account_locked', retryAfterSeconds: 900 });
    // Locked: even the right password is refused, with when to try again.
    const locked = refusal(await eve.call('auth.signIn', { username: 'coord', password: PASSWORD }));
    expect(locked).toMatchObject({ reason: 'account_locked', retryAfterSeconds: 900 });
    const list = await admin.ok<{ id: number; lockedUntil: string | null }[]>('accounts.list');
    expect(list.find((a) => a.id === ids.coordinator)?.lockedUntil).toBe('2026-12-01T09:15:31.000Z');
    await admin.ok('accounts.unlock', { id: ids.coordinator });
    await eve.ok('auth.signIn', { username: 'coord', password: PASSWORD });
    expect(auditCount(core, 'auth.signInFailed')).toBe(10);
    expect(auditCount(core, 'auth.accountLocked')).toBe(1);
    expect(auditCount(core, 'auth.signInRefused')).toBe(6);
    expect(auditCount(core, 'accounts.unlock')).toBe(1);
  });

  it('unlock by themselves after 15 minutes, and the count starts afresh', async () => {
    const clock = fixedClock('2026-12-01T09:00:00.000Z');
    const core = makeCore({ clock });
    await staff(core);
    const eve = caller(core);
    for (let i = 0; i < 10; i += 1) {
      await eve.call('auth.signIn', { username: 'doctor', password: 'not the password' });
      clock.set(new Date(clock.now().getTime() + 60_000).toISOString());
    }
    const locked = refusal(await eve.call('auth.signIn', { username: 'doctor', password: PASSWORD }));
    expect(locked?.reason).toBe('account_locked');
    clock.set(new Date(clock.now().getTime() + 15 * 60_000).toISOString());
    const slip = refusal(await eve.call('auth.signIn', { username: 'doctor', password: 'still wrong!' }));
    expect(slip?.reason).toBeUndefined();
    await eve.ok('auth.signIn', { username: 'doctor', password: PASSWORD });
  });

  it('logs the name tried when it is no account, and treats it like a known one', async () => {
    const core = makeCore();
    await staff(core);
    const eve = caller(core);
    for (let i = 0; i < 5; i += 1) await eve.call('auth.signIn', { username: 'mallory', password: 'guess guess' });
    const early = refusal(await eve.call('auth.signIn', { username: 'mallory', password: 'guess guess' }));
    expect(early).toMatchObject({ reason: 'sign_in_wait', retryAfterSeconds: 1 });
    const rows = core.db
      .prepare("SELECT entity_id AS id, after_json AS after FROM audit_log WHERE action = 'auth.signInFailed'")
      .all() as { id: number | null; after: string }[];
    expect(rows).toHaveLength(5);
    expect(rows[0]).toEqual({ id: null, after: JSON.stringify({ username: 'mallory', failures: 1 }) });
    expect(auditCount(core, 'auth.signInRefused')).toBe(1);
  });
});

describe('new passwords', () => {
  it('need 12 characters and must not be common', async () => {
    const core = makeCore();
    const { admin, ids } = await staff(core);
    const make = (password: string) =>
      admin.call('accounts.create', { username: 'nurse', displayName: 'Nurse', role: 'coordinator', password });
    expect(refusal(await make('elevenchars'))?.fields).toEqual([
      { path: 'password', message: 'At least 12 characters' },
    ]);
    for (const common of ['password1234', 'qwertyuiop12', 'iloveyou2026', 'aaaaaaaaaaaa']) {
      const r = refusal(await make(common));
      expect(r?.code).toBe('VALIDATION');
      expect(r?.fields).toEqual([{ path: 'password', message: expect.stringContaining('too common') as string }]);
    }
    const reset = await admin.call('accounts.resetPassword', { id: ids.doctor, password: 'Password123!' });
    expect(refusal(reset)?.code).toBe('VALIDATION');
    const setup = await caller(makeCore()).call('auth.setupAdmin', {
      username: 'admin',
      displayName: 'Admin',
      password: '123456789012',
    });
    expect(refusal(setup)?.code).toBe('VALIDATION');
    await admin.ok('accounts.create', {
      username: 'nurse',
      displayName: 'Nurse',
      role: 'coordinator',
      password: 'tea at four on the terrace',
    });
  });
});

describe('sessions', () => {
  it("end when an admin resets the account's password", async () => {
    const core = makeCore();
    const { admin, doctor, ids } = await staff(core);
    await admin.ok('accounts.resetPassword', { id: ids.doctor, password: 'a brand new sentence' });
    expect(refusal(await doctor.call('inquiries.list', {}))?.code).toBe('UNAUTHENTICATED');
    await admin.ok('accounts.list');
  });

  it('end 12 hours after sign-in however busy', async () => {
    const clock = fixedClock('2026-12-01T08:00:00.000Z');
    const core = makeCore({ clock });
    const { coordinator } = await staff(core);
    for (let minutes = 30; minutes <= 12 * 60; minutes += 30) {
      clock.set(new Date(Date.parse('2026-12-01T08:00:00.000Z') + minutes * 60_000).toISOString());
      await coordinator.ok('inquiries.list', {});
    }
    clock.set('2026-12-01T20:00:01.000Z');
    expect(refusal(await coordinator.call('inquiries.list', {}))?.code).toBe('UNAUTHENTICATED');
  });
});

describe('hashing', () => {
  it('setupAdmin on a set-up clinic refuses before hashing', async () => {
    const core = makeCore();
    await staff(core);
    hashingLoad(true);
    const again = await caller(core).call('auth.setupAdmin', {
      username: 'eve',
      displayName: 'Eve',
      password: PASSWORD,
    });
    expect(refusal(again)?.code).toBe('ALREADY_SET_UP');
    expect(hashingLoad().peak).toBe(0);
  });

  it('runs at most N at once while other calls answer', async () => {
    const { db } = openDatabase(':memory:');
    // 2^14: ~16 MiB and some tens of ms per hash, so 40 of them take long enough to watch.
    const core = createCore(db, { passwordLog2N: 14, log: silentLogger, checkOutputs: true });
    await caller(core).ok('auth.setupAdmin', { username: 'admin', displayName: 'Ada', password: PASSWORD });
    hashingLoad(true);
    const burst = Array.from({ length: 40 }, (_, i) =>
      caller(core).call('auth.signIn', { username: `guess${i}`, password: 'wrong wrong' }),
    );
    const latencies: number[] = [];
    let done = false;
    void Promise.all(burst).then(() => (done = true));
    while (!done) {
      const started = performance.now();
      await caller(core).ok('auth.status');
      latencies.push(performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const answers = await Promise.all(burst);
    expect(answers.every((a) => refusal(a)?.code === 'BAD_CREDENTIALS')).toBe(true);
    expect(hashingLoad().peak).toBe(MAX_CONCURRENT_HASHES);
    expect(latencies.length).toBeGreaterThan(5);
    expect(Math.max(...latencies)).toBeLessThan(100);
  });
});
