// Recovery mode: a records file that cannot be used starts the app in recovery (never an exit, never a demo clinic),
// and an admin of a backup's own accounts restores it, with the unusable file kept aside and the restore audited.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { bootstrap, type Bootstrapped } from '../../db/app/bootstrap';
import type { Backup, RecoveryKind, RecoveryStatus, SessionUser } from '../../db/contract';
import { silentLogger } from '../../db/services/core';
import { migrations } from '../../db/sqlite/migrations';
import { addInquiryWithFile, clinicOnDisk, damageTable, snapshot, type Snapshot, tempDataDir } from './backup-support';
import { caller, fixedClock, PASSWORD } from './support';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));
const latest = migrations.at(-1)?.version ?? 0;

/** Each way a records file can be unusable, done to the clinic's closed file. */
const DAMAGE: Record<RecoveryKind, (file: string) => void> = {
  not_a_database: (file) => fs.writeFileSync(file, Buffer.alloc(8192, 0x5a)),
  empty_file: (file) => fs.writeFileSync(file, ''),
  foreign: (file) => {
    fs.rmSync(file);
    const other = new Database(file);
    other.pragma('application_id = 1094861636');
    other.exec('CREATE TABLE notes (body TEXT)');
    other.close();
  },
  too_new: (file) => {
    const raw = new Database(file);
    raw.pragma(`user_version = ${latest + 10}`);
    raw.close();
  },
  damaged: (file) => damageTable(file, 'patients'),
};

interface Prepared {
  dir: string;
  file: string;
  backup: Backup;
  before: Snapshot;
}

/** A clinic with an attachment, one good backup (of exactly `before`), closed. */
async function clinicWithBackup(second?: string): Promise<Prepared> {
  const c = await clinicOnDisk(tempDataDir(dirs));
  await addInquiryWithFile(c.coordinator, 'kept in the backup');
  if (second) await c.admin.ok('backups.updateSettings', { dailyAt: '13:00', secondFolder: second });
  const before = snapshot(c.core);
  const backup = await c.admin.ok<Backup>('backups.create');
  c.core.db.close();
  return { dir: c.dir, file: c.file, backup, before };
}

const start = (dir: string): Promise<Bootstrapped> =>
  bootstrap({ dataDir: dir, offerDemo: true, passwordLog2N: 10, log: silentLogger });

describe('recovery mode', () => {
  for (const kind of Object.keys(DAMAGE) as RecoveryKind[]) {
    it(`starts on ${kind.replace(/_/g, ' ')} in recovery mode, and an admin's restore brings the backup back`, async () => {
      const p = await clinicWithBackup();
      DAMAGE[kind](p.file);
      const damagedBytes = fs.readFileSync(p.file);

      const started = await start(p.dir);
      expect(started.recovery?.kind).toBe(kind);
      expect(started.seeded).toBeNull();
      const desk = caller(started.core);
      const status = await desk.ok<RecoveryStatus>('recovery.status');
      expect(status).toMatchObject({ kind, dbFile: p.file, secondFolder: null });
      expect(status.backups.map((b) => [b.id, b.folder, b.schemaVersion])).toEqual([[p.backup.id, 'data', latest]]);
      expect(status.backups[0]?.counts.inquiries).toBe(1);
      // Nothing else answers: no sign-in against a stand-in, no first-run setup over the unusable file.
      for (const [method, input] of [
        ['auth.status', {}],
        ['auth.signIn', { username: 'admin', password: PASSWORD }],
        ['auth.setupAdmin', { username: 'newadmin', displayName: 'New Admin', password: 'a long enough password 1' }],
      ] as const) {
        const r = await desk.call(method, input);
        expect(r.ok ? 'ok' : r.error.code, method).toBe('DB_CORRUPT');
      }
      expect(fs.readFileSync(p.file).equals(damagedBytes)).toBe(true);

      const restore = { id: p.backup.id, folder: 'data', username: 'admin', password: PASSWORD };
      for (const wrong of [{ password: 'not the password' }, { username: 'coord' }, { username: 'nobody' }]) {
        const r = await desk.call('recovery.restore', { ...restore, ...wrong });
        expect(r.ok ? 'ok' : r.error.code).toBe('BAD_CREDENTIALS');
      }
      const user = await desk.ok<SessionUser>('recovery.restore', restore);
      expect(user).toMatchObject({ username: 'admin', role: 'admin' });
      expect(started.core.recovery).toBeNull();
      expect(await desk.ok('recovery.status')).toBeNull();
      const now = snapshot(started.core);
      const { audit_log: auditNow = [], ...tablesNow } = now.tables;
      const { audit_log: auditThen = [], ...tablesThen } = p.before.tables;
      expect(tablesNow).toEqual(tablesThen);
      expect(now.files).toEqual(p.before.files);
      expect(auditNow.filter((r) => !auditThen.includes(r)).join()).toContain('backups.restore');
      // Signed in on the restored records, and they take writes again.
      expect((await desk.ok<unknown[]>('accounts.list', {})).length).toBe(3);
      await desk.ok('backups.create');
      // The unusable file is kept aside, byte for byte, in a folder named by the time.
      const kept = fs.readdirSync(path.join(p.dir, 'backups')).filter((n) => n.startsWith('damaged-'));
      expect(kept).toHaveLength(1);
      const copy = fs.readFileSync(path.join(p.dir, 'backups', kept[0] ?? '', 'strokedesk.sqlite'));
      expect(copy.equals(damagedBytes)).toBe(true);
      started.core.db.close();
    }, 60_000);
  }

  it('throttles wrong passwords as sign-in does: waits after five, a 15-minute lock after ten, then the restore', async () => {
    const p = await clinicWithBackup();
    DAMAGE.not_a_database(p.file);
    const started = await start(p.dir);
    const clock = fixedClock('2026-12-03T09:00:00.000Z');
    started.core.clock = clock;
    const desk = caller(started.core);
    const restore = { id: p.backup.id, folder: 'data', username: 'admin', password: PASSWORD };
    const tryWrong = async () => {
      const r = await desk.call('recovery.restore', { ...restore, password: 'a guess at the password' });
      return r.ok ? 'ok' : `${r.error.code} ${String(r.error.details?.reason ?? '')}`.trim();
    };
    for (let i = 1; i <= 4; i++) expect(await tryWrong()).toBe('BAD_CREDENTIALS');
    // The fifth wrong password starts the waits: a try before the wait is over is refused without a check.
    expect(await tryWrong()).toBe('BAD_CREDENTIALS sign_in_wait');
    const early = await desk.call('recovery.restore', restore);
    expect(early.ok ? 'ok' : early.error.details?.reason).toBe('sign_in_wait');
    for (let i = 6; i <= 10; i++) {
      clock.set(new Date(clock.now().getTime() + 60_000).toISOString());
      expect(await tryWrong()).toBe(i === 10 ? 'BAD_CREDENTIALS account_locked' : 'BAD_CREDENTIALS sign_in_wait');
    }
    // Locked: even the right password is refused, and another username is not affected by it.
    clock.set(new Date(clock.now().getTime() + 14 * 60_000).toISOString());
    const locked = await desk.call('recovery.restore', restore);
    expect(locked.ok ? 'ok' : locked.error.details?.reason).toBe('account_locked');
    expect(started.core.recovery).not.toBeNull();
    clock.set(new Date(clock.now().getTime() + 61_000).toISOString());
    await desk.ok<SessionUser>('recovery.restore', restore);
    expect(started.core.recovery).toBeNull();
    started.core.db.close();
  }, 60_000);

  it('lists and restores from the second folder when the data folder has no backup left', async () => {
    const second = tempDataDir(dirs);
    const p = await clinicWithBackup(second);
    fs.rmSync(path.join(p.dir, 'backups', p.backup.id), { recursive: true });
    DAMAGE.not_a_database(p.file);
    const started = await start(p.dir);
    const desk = caller(started.core);
    const status = await desk.ok<RecoveryStatus>('recovery.status');
    expect(status).toMatchObject({ secondFolder: second, secondReadable: true });
    expect(status.backups.map((b) => [b.id, b.folder])).toEqual([[p.backup.id, 'second']]);
    await desk.ok('recovery.restore', { id: p.backup.id, folder: 'second', username: 'admin', password: PASSWORD });
    expect(snapshot(started.core).tables.inquiries).toEqual(p.before.tables.inquiries);
    started.core.db.close();
  }, 60_000);

  it('says there is no backup when none exists, and still never makes a demo clinic', async () => {
    const dir = tempDataDir(dirs);
    const file = path.join(dir, 'strokedesk.sqlite');
    fs.writeFileSync(file, Buffer.alloc(4096, 0x41));
    const started = await start(dir);
    const status = await caller(started.core).ok<RecoveryStatus>('recovery.status');
    expect(status).toMatchObject({ kind: 'not_a_database', backups: [], dbFile: file });
    expect(fs.readFileSync(file).equals(Buffer.alloc(4096, 0x41))).toBe(true);
    expect(fs.readdirSync(dir).sort()).toEqual(['strokedesk.sqlite']);
    started.core.db.close();
  });

  it('answers null to recovery.status and refuses recovery.restore while the records are sound', async () => {
    const c = await clinicOnDisk(tempDataDir(dirs));
    expect(await c.admin.ok('recovery.status')).toBeNull();
    const backup = await c.admin.ok<Backup>('backups.create');
    const r = await c.admin.call('recovery.restore', {
      id: backup.id,
      folder: 'data',
      username: 'admin',
      password: PASSWORD,
    });
    expect(r.ok ? 'ok' : r.error.code).toBe('CONFLICT');
    c.core.db.close();
  });
});
