// Each account's interface language: set by the person themselves, audited, and back in every session.
import { describe, expect, it } from 'vitest';
import type { AuthStatus, SessionUser } from '../../db/contract';
import { PASSWORD, caller, makeCore, staff } from './support';

describe('auth.setLanguage', () => {
  it('starts unchosen, persists the choice, and returns it from auth.status and the next sign-in', async () => {
    const core = makeCore();
    const { coordinator, ids } = await staff(core);
    expect((await coordinator.ok<AuthStatus>('auth.status')).user?.language).toBeNull();

    const user = await coordinator.ok<SessionUser>('auth.setLanguage', { language: 'zh-CN' });
    expect(user).toMatchObject({ id: ids.coordinator, language: 'zh-CN' });
    expect((await coordinator.ok<AuthStatus>('auth.status')).user?.language).toBe('zh-CN');
    const row = core.db.prepare('SELECT language FROM accounts WHERE id = ?').get(ids.coordinator) as {
      language: string;
    };
    expect(row.language).toBe('zh-CN');

    const again = caller(core);
    expect((await again.ok<SessionUser>('auth.signIn', { username: 'coord', password: PASSWORD })).language).toBe(
      'zh-CN',
    );
  });

  it('writes an audit entry with the language before and after', async () => {
    const core = makeCore();
    const { doctor, ids } = await staff(core);
    await doctor.ok('auth.setLanguage', { language: 'zh-CN' });
    await doctor.ok('auth.setLanguage', { language: 'en' });
    const rows = core.db
      .prepare(
        "SELECT actor_id, entity_id, before_json AS before, after_json AS after FROM audit_log WHERE action = 'auth.setLanguage' ORDER BY id",
      )
      .all() as { actor_id: number; entity_id: number; before: string; after: string }[];
    expect(rows.map((r) => [r.actor_id, r.entity_id, JSON.parse(r.before), JSON.parse(r.after)])).toEqual([
      [ids.doctor, ids.doctor, { language: null }, { language: 'zh-CN' }],
      [ids.doctor, ids.doctor, { language: 'zh-CN' }, { language: 'en' }],
    ]);
  });

  it('changes only the caller, refuses unknown languages, and needs a session', async () => {
    const core = makeCore();
    const { admin, coordinator } = await staff(core);
    await admin.ok('auth.setLanguage', { language: 'zh-CN' });
    expect((await coordinator.ok<AuthStatus>('auth.status')).user?.language).toBeNull();

    const bad = await coordinator.call('auth.setLanguage', { language: 'fr' });
    expect(bad.ok ? null : bad.error.code).toBe('VALIDATION');
    const anonymous = await caller(core).call('auth.setLanguage', { language: 'en' });
    expect(anonymous.ok ? null : anonymous.error.code).toBe('UNAUTHENTICATED');
  });
});
