// Backups: online copies verified as made, attachments copied once by hash, a second folder, retention, schedule, roles.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { bootstrap } from '../../db/app/bootstrap';
import type { Backup, BackupStatus } from '../../db/contract';
import { listManifests, RETENTION, toKeep } from '../../db/services/backup-store';
import { quitDue, scheduledDue, startBackupSchedule, timeInZone } from '../../db/services/backup-schedule';
import { backupStatus } from '../../db/services/backups';
import { silentLogger } from '../../db/services/core';
import { migrate } from '../../db/sqlite/migrate';
import { migrations } from '../../db/sqlite/migrations';
import { addInquiryWithFile, clinicOnDisk, damageTable, manifestAt, tempDataDir } from './backup-support';
import { PASSWORD } from './support';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

describe('taking a backup', () => {
  it('copies the records and the attachments, verifies the copy, and copies a file already backed up only once', async () => {
    const c = await clinicOnDisk(tempDataDir(dirs));
    await addInquiryWithFile(c.coordinator, 'first');
    const first = await c.admin.ok<Backup>('backups.create');
    expect(first).toMatchObject({
      status: 'ok',
      problem: null,
      reason: 'manual',
      attachments: 1,
      attachmentsCopied: 1,
    });
    expect(first.schemaVersion).toBe(migrations.at(-1)?.version);
    expect(first.counts.inquiries).toBe(1);
    expect(first.counts.accounts).toBe(3);
    await addInquiryWithFile(c.coordinator, 'second');
    const second = await c.admin.ok<Backup>('backups.create');
    expect(second).toMatchObject({ status: 'ok', attachments: 2, attachmentsCopied: 1 });
    const copy = new Database(path.join(c.dir, 'backups', second.id, 'records.sqlite'), { readonly: true });
    expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
    expect(copy.prepare('SELECT count(*) FROM inquiries').pluck().get()).toBe(2);
    copy.close();
    expect(fs.readdirSync(path.join(c.dir, 'backups', second.id)).sort()).toEqual(['manifest.json', 'records.sqlite']);
    const listed = await c.admin.ok<Backup[]>('backups.list');
    expect(listed.map((b) => b.id)).toEqual([second.id, first.id]);
    const audited = c.core.db.prepare("SELECT count(*) FROM audit_log WHERE action = 'backups.create'").pluck().get();
    expect(audited).toBe(2);
    c.core.db.close();
  });

  it('does not block writers: a write made while the copy runs commits before the copy ends', async () => {
    const dir = tempDataDir(dirs);
    const c = await clinicOnDisk(dir);
    // Ballast, so the copy takes several steps of the event loop.
    const raw = new Database(c.file);
    raw.exec('CREATE TABLE ballast (b BLOB)');
    const put = raw.prepare('INSERT INTO ballast VALUES (randomblob(4000))');
    for (let i = 0; i < 3000; i++) put.run();
    raw.close();
    const order: string[] = [];
    const backup = c.admin.ok<Backup>('backups.create').then((b) => {
      order.push('backup');
      return b;
    });
    let running: BackupStatus['running'] = null;
    // The copy runs in a worker thread, which takes a moment to start: the screen's polling sees it once it does.
    for (const until = Date.now() + 20_000; running === null && Date.now() < until;) {
      await new Promise((r) => setImmediate(r));
      running = (await c.coordinator.ok<BackupStatus>('backups.status')).running;
    }
    expect(running?.phase).toBe('records');
    expect(running?.total).toBeGreaterThan(running?.done ?? 0);
    await addInquiryWithFile(c.coordinator, 'during');
    order.push('write');
    expect((await backup).status).toBe('ok');
    expect(order).toEqual(['write', 'backup']);
    c.core.db.close();
  });

  it('records a failed backup (an attachment file missing) and Today warns everyone', async () => {
    const c = await clinicOnDisk(tempDataDir(dirs));
    await addInquiryWithFile(c.coordinator, 'lost');
    fs.rmSync(path.join(c.dir, 'attachments'), { recursive: true });
    const b = await c.admin.ok<Backup>('backups.create');
    expect(b.status).toBe('failed');
    expect(b.problem).toMatch(/attachment/i);
    expect(fs.existsSync(path.join(c.dir, 'backups', b.id, 'records.sqlite'))).toBe(false);
    const status = await c.doctor.ok<BackupStatus>('backups.status');
    expect(status).toMatchObject({ lastGood: null, lastFailed: true, warn: true });
    c.core.db.close();
  });

  it('warns when the last good backup is older than 48 hours, not before', async () => {
    const c = await clinicOnDisk(tempDataDir(dirs));
    await c.admin.ok('backups.create');
    c.clock.set('2026-12-03T03:59:00.000Z');
    // Sessions end after 12 hours: sign in again at each later time.
    await c.coordinator.ok('auth.signIn', { username: 'coord', password: PASSWORD });
    expect((await c.coordinator.ok<BackupStatus>('backups.status')).warn).toBe(false);
    c.clock.set('2026-12-03T04:01:00.000Z');
    await c.coordinator.ok('auth.signIn', { username: 'coord', password: PASSWORD });
    const late = await c.coordinator.ok<BackupStatus>('backups.status');
    expect(late.warn).toBe(true);
    expect(late.lastGood?.ageHours).toBeGreaterThan(48);
    c.core.db.close();
  });

  it('copies every backup to a second folder too, attachments by hash', async () => {
    const c = await clinicOnDisk(tempDataDir(dirs));
    const usb = tempDataDir(dirs);
    await c.admin.ok('backups.updateSettings', { dailyAt: '13:00', secondFolder: usb });
    await addInquiryWithFile(c.coordinator, 'usb');
    const b = await c.admin.ok<Backup>('backups.create');
    expect(b.secondCopy).toBe('ok');
    const second = path.join(usb, 'StrokeDesk backups');
    expect(listManifests(second).map((m) => m.id)).toEqual([b.id]);
    expect(fs.readFileSync(path.join(second, b.id, 'records.sqlite'))).toEqual(
      fs.readFileSync(path.join(c.dir, 'backups', b.id, 'records.sqlite')),
    );
    expect(fs.readdirSync(path.join(second, 'files')).length).toBe(1);
    c.core.db.close();
  });

  it('refuses a second folder that is missing, a file, or not writable, naming the field; nothing is saved', async () => {
    const c = await clinicOnDisk(tempDataDir(dirs));
    const aFile = path.join(tempDataDir(dirs), 'not-a-folder.txt');
    fs.writeFileSync(aFile, 'x');
    const cases: [string, RegExp][] = [
      [path.join(tempDataDir(dirs), 'unplugged-usb'), /does not exist/],
      [aFile, /not a folder/],
      // Not writable even for root (the suite may run as root, where a chmod would not stop a write).
      ['/proc', /cannot write/],
      ['relative/folder', /full path/],
    ];
    for (const [secondFolder, message] of cases) {
      const r = await c.admin.call('backups.updateSettings', { dailyAt: '13:00', secondFolder });
      expect(r.ok ? 'ok' : r.error.code).toBe('VALIDATION');
      const fields = r.ok ? [] : (r.error.details?.fields ?? []);
      expect(fields).toEqual([{ path: 'secondFolder', message: expect.stringMatching(message) }]);
    }
    expect(await c.admin.ok('backups.settings')).toEqual({ dailyAt: '13:00', secondFolder: null });
    // A good folder is taken, and the write test leaves nothing in it.
    const usb = tempDataDir(dirs);
    await c.admin.ok('backups.updateSettings', { dailyAt: '13:00', secondFolder: usb });
    expect(fs.readdirSync(usb)).toEqual([]);
    c.core.db.close();
  });

  it('is for admins only', async () => {
    const c = await clinicOnDisk(tempDataDir(dirs));
    for (const m of ['backups.create', 'backups.list', 'backups.settings']) {
      const r = await c.coordinator.call(m);
      expect(r.ok ? 'ok' : r.error.code).toBe('FORBIDDEN');
    }
    c.core.db.close();
  });

  it('backs up before a schema upgrade, from a read-only connection, and refuses nothing when it is good', async () => {
    const dataDir = tempDataDir(dirs);
    const file = path.join(dataDir, 'strokedesk.sqlite');
    const old = new Database(file);
    old.pragma('journal_mode = WAL');
    const older = migrations.filter((m) => m.version <= 40);
    migrate(old, { path: ':memory:', migrations: older });
    old.close();
    const said: string[] = [];
    const started = await bootstrap({ dataDir, log: silentLogger, say: (l) => said.push(l) });
    started.core.db.close();
    const made = listManifests(path.join(dataDir, 'backups'));
    expect(made).toHaveLength(1);
    expect(made[0]).toMatchObject({ reason: 'before_upgrade', status: 'ok', schemaVersion: 40 });
    expect(said.join('\n')).toContain(made[0]?.id);
  });
});

describe('retention', () => {
  it('keeps 7 daily, 4 weekly and 12 monthly over two years of daily backups', () => {
    const now = new Date('2026-12-03T12:00:00.000Z');
    const backups: Backup[] = [];
    for (let d = 0; d < 730; d++)
      backups.push(manifestAt(new Date(now.getTime() - d * 86_400_000 - 3_600_000).toISOString()));
    const keep = toKeep(backups, now);
    const kept = backups.filter((b) => keep.has(b.id));
    // The 7 newest days, then the newest of each week and month; overlapping buckets share one backup.
    expect(kept.slice(0, 7).map((b) => b.id)).toEqual(backups.slice(0, 7).map((b) => b.id));
    expect(kept.length).toBeLessThanOrEqual(RETENTION.daily + RETENTION.weekly + RETENTION.monthly);
    expect(kept.length).toBeGreaterThanOrEqual(RETENTION.monthly + 5);
    const oldest = kept.at(-1);
    const ageDays = (now.getTime() - new Date(oldest?.startedAt ?? now).getTime()) / 86_400_000;
    expect(ageDays).toBeGreaterThan(300);
    expect(ageDays).toBeLessThan(366);
  });
});

describe('the schedule', () => {
  const ok = (startedAt: string): Backup => manifestAt(startedAt);
  const tz = 'Asia/Shanghai';

  it('is due at the set clinic time on a day without a good backup, once', () => {
    expect(timeInZone(new Date('2026-12-03T04:59:00.000Z'), tz)).toBe('12:59');
    expect(scheduledDue(new Date('2026-12-03T04:59:00.000Z'), tz, '13:00', [])).toBe(false);
    expect(scheduledDue(new Date('2026-12-03T05:00:00.000Z'), tz, '13:00', [])).toBe(true);
    expect(scheduledDue(new Date('2026-12-03T09:00:00.000Z'), tz, '13:00', [ok('2026-12-03T05:00:00.000Z')])).toBe(
      false,
    );
    // Yesterday's backup in the clinic's day, though the same UTC date.
    expect(scheduledDue(new Date('2026-12-03T17:00:00.000Z'), tz, '13:00', [ok('2026-12-03T05:00:00.000Z')])).toBe(
      false,
    );
    expect(scheduledDue(new Date('2026-12-04T05:00:00.000Z'), tz, '13:00', [ok('2026-12-03T05:00:00.000Z')])).toBe(
      true,
    );
    const failed = { ...ok('2026-12-04T05:00:00.000Z'), status: 'failed' as const };
    expect(scheduledDue(new Date('2026-12-04T05:30:00.000Z'), tz, '13:00', [failed])).toBe(false);
    expect(scheduledDue(new Date('2026-12-04T06:00:00.000Z'), tz, '13:00', [failed])).toBe(true);
    expect(quitDue(new Date('2026-12-04T03:00:00.000Z'), tz, [ok('2026-12-03T05:00:00.000Z')])).toBe(true);
    expect(quitDue(new Date('2026-12-04T03:00:00.000Z'), tz, [ok('2026-12-04T01:00:00.000Z')])).toBe(false);
  });

  it('runs on the injected clock: nothing before 13:00, one at 13:00, none again that day, one on quit the next', async () => {
    const c = await clinicOnDisk(tempDataDir(dirs), '2026-12-03T04:30:00.000Z');
    let intervals = 0;
    const schedule = startBackupSchedule(c.core, {
      timers: { setInterval: () => (intervals += 1), clearInterval: () => undefined },
    });
    expect(intervals).toBe(1);
    expect(await schedule.tick()).toBeNull();
    c.clock.set('2026-12-03T05:00:30.000Z');
    expect((await schedule.tick())?.reason).toBe('scheduled');
    c.clock.set('2026-12-03T09:00:00.000Z');
    expect(await schedule.tick()).toBeNull();
    expect(await schedule.beforeQuit()).toBeNull();
    c.clock.set('2026-12-04T02:00:00.000Z');
    expect((await schedule.beforeQuit())?.reason).toBe('on_quit');
    schedule.stop();
    c.core.db.close();
  });

  it('runs a full integrity_check of the live file daily before the backup, and records it', async () => {
    const c = await clinicOnDisk(tempDataDir(dirs), '2026-12-03T04:30:00.000Z');
    const schedule = startBackupSchedule(c.core, { timers: { setInterval: () => 0, clearInterval: () => undefined } });
    await schedule.tick();
    // Sessions idle out across the day: the status is read from the core directly.
    expect(backupStatus(c.core).lastFullCheck).toBeNull();
    c.clock.set('2026-12-03T05:00:30.000Z');
    expect((await schedule.tick())?.reason).toBe('scheduled');
    const first = backupStatus(c.core).lastFullCheck;
    expect(first).toEqual({ at: '2026-12-03T05:00:30.000Z', ok: true, problem: null });
    c.clock.set('2026-12-03T09:00:00.000Z');
    await schedule.tick();
    expect(backupStatus(c.core).lastFullCheck).toEqual(first);
    c.clock.set('2026-12-04T05:01:00.000Z');
    await schedule.tick();
    expect(backupStatus(c.core).lastFullCheck?.at).toBe('2026-12-04T05:01:00.000Z');
    schedule.stop();
    c.core.db.close();
  });

  it('latches the records when the daily full check finds damage: no write commits, everyone is told', async () => {
    const dir = tempDataDir(dirs);
    const c = await clinicOnDisk(dir, '2026-12-03T04:30:00.000Z');
    // A failing disk while the app runs: pages the app has not read since go bad (the WAL emptied into the file first).
    c.core.db.pragma('wal_checkpoint(TRUNCATE)');
    damageTable(c.file, 'patients');
    const schedule = startBackupSchedule(c.core, { timers: { setInterval: () => 0, clearInterval: () => undefined } });
    c.clock.set('2026-12-03T05:00:30.000Z');
    // No backup of damaged records: it would only fail its own verification.
    expect(await schedule.tick()).toBeNull();
    const status = await c.doctor.ok<BackupStatus>('backups.status');
    expect(status.records.damaged).toBe(true);
    expect(status.lastFullCheck).toMatchObject({ at: '2026-12-03T05:00:30.000Z', ok: false });
    expect(status.lastFullCheck?.problem).toBeTruthy();
    expect(listManifests(path.join(dir, 'backups'))).toEqual([]);
    const before = c.core.db.prepare('SELECT count(*) FROM accounts').pluck().get();
    const write = await c.admin.call('accounts.create', {
      username: 'later',
      displayName: 'Written Later',
      role: 'doctor',
      password: PASSWORD,
    });
    expect(write.ok ? 'ok' : write.error.code).toBe('DB_CORRUPT');
    expect(c.core.db.prepare('SELECT count(*) FROM accounts').pluck().get()).toBe(before);
    schedule.stop();
    c.core.db.close();
  });
});
