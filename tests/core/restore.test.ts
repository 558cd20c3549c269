// Restore: checks before it changes anything, backs up the present first, swaps whole files, migrates older backups.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { bootstrap } from '../../db/app/bootstrap';
import type { Backup, BackupStatus, RestoreResult } from '../../db/contract';
import { listManifests } from '../../db/services/backup-store';
import { takeBackup } from '../../db/services/backups';
import { silentLogger } from '../../db/services/core';
import { migrate } from '../../db/sqlite/migrate';
import { migrations } from '../../db/sqlite/migrations';
import { addInquiryWithFile, clinicOnDisk, damageTable, type Snapshot, snapshot, tempDataDir } from './backup-support';
import { caller, PASSWORD } from './support';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

const latest = migrations.at(-1)?.version ?? 0;

/** The restore itself is audited in the restored records: one entry more than the snapshot, and it says so. */
function expectSameAsBackedUp(now: Snapshot, then: Snapshot): void {
  const { audit_log: auditNow = [], ...tablesNow } = now.tables;
  const { audit_log: auditThen = [], ...tablesThen } = then.tables;
  expect(tablesNow).toEqual(tablesThen);
  expect(now.files).toEqual(then.files);
  expect(auditNow.length).toBe(auditThen.length + 1);
  expect(auditNow.filter((r) => !auditThen.includes(r)).join()).toContain('backups.restore');
}

describe('restore', () => {
  it('100 round trips of backup → change → restore bring back every table and every attachment', async () => {
    const c = await clinicOnDisk(tempDataDir(dirs));
    await addInquiryWithFile(c.coordinator, 'base');
    const started = performance.now();
    for (let i = 0; i < 100; i++) {
      const before = snapshot(c.core);
      const backup = await c.admin.ok<Backup>('backups.create');
      await addInquiryWithFile(c.coordinator, `change ${i}`);
      await c.doctor.call('inquiries.list', {});
      const result = await c.admin.ok<RestoreResult>('backups.restore', { id: backup.id });
      expect(result.restored).toBe(backup.id);
      expectSameAsBackedUp(snapshot(c.core), before);
      // An hour on, so retention keeps the day's backups apart by time, as at a real desk.
      c.clock.set(new Date(c.clock.now().getTime() + 3_600_000).toISOString());
      await c.admin.ok('auth.signIn', { username: 'admin', password: PASSWORD });
      await c.coordinator.ok('auth.signIn', { username: 'coord', password: PASSWORD });
      await c.doctor.ok('auth.signIn', { username: 'doctor', password: PASSWORD });
    }
    const ms = performance.now() - started;
    console.log(`100 backup → change → restore round trips: ${Math.round(ms)} ms`);
    expect(c.core.db.pragma('quick_check', { simple: true })).toBe('ok');
    c.core.db.close();
  }, 180_000);

  it('backs up the present first, so a restore can itself be undone', async () => {
    const c = await clinicOnDisk(tempDataDir(dirs));
    const old = await c.admin.ok<Backup>('backups.create');
    await addInquiryWithFile(c.coordinator, 'after the backup');
    const present = snapshot(c.core);
    const r = await c.admin.ok<RestoreResult>('backups.restore', { id: old.id });
    expect(r.safetyBackup).not.toBeNull();
    expect(r.counts.inquiries).toBe(0);
    const undo = await c.admin.ok<RestoreResult>('backups.restore', { id: r.safetyBackup ?? '' });
    expect(undo.counts.inquiries).toBe(1);
    const now = snapshot(c.core);
    expect(now.files).toEqual(present.files);
    expect(now.tables.inquiries).toEqual(present.tables.inquiries);
    c.core.db.close();
  });

  it('refuses a foreign, a newer and a damaged backup with clear codes, and changes nothing', async () => {
    const c = await clinicOnDisk(tempDataDir(dirs));
    const root = path.join(c.dir, 'backups');
    const tamper: Record<string, (db: Database.Database, file: string) => void> = {
      DB_FOREIGN: (db) => db.pragma('application_id = 1'),
      DB_TOO_NEW: (db) => db.pragma(`user_version = ${latest + 10}`),
      DB_CORRUPT: (db, file) => {
        db.close();
        damageTable(file, 'accounts');
      },
    };
    for (const [code, change] of Object.entries(tamper)) {
      const b = await c.admin.ok<Backup>('backups.create');
      const file = path.join(root, b.id, 'records.sqlite');
      const db = new Database(file);
      change(db, file);
      if (db.open) db.close();
      const before = snapshot(c.core);
      const r = await c.admin.call('backups.restore', { id: b.id });
      expect(r.ok ? 'ok' : r.error.code).toBe(code);
      expect(snapshot(c.core)).toEqual(before);
    }
    const missing = await c.admin.call('backups.restore', { id: '20990101-000000000-manual' });
    expect(missing.ok ? 'ok' : missing.error.code).toBe('NOT_FOUND');
    const traversal = await c.admin.call('backups.restore', { id: '../../etc' });
    expect(traversal.ok ? 'ok' : traversal.error.code).toBe('VALIDATION');
    expect(fs.readdirSync(c.dir).filter((f) => f.includes('restore-tmp'))).toEqual([]);
    c.core.db.close();
  });

  it('migrates an older backup forward', async () => {
    const c = await clinicOnDisk(tempDataDir(dirs));
    const olderFile = path.join(tempDataDir(dirs), 'old.sqlite');
    const old = new Database(olderFile);
    migrate(old, { path: ':memory:', migrations: migrations.filter((m) => m.version <= 40) });
    const made = await takeBackup(
      {
        db: old,
        attachmentsDir: null,
        root: path.join(c.dir, 'backups'),
        now: () => c.clock.now(),
        secondFolder: null,
      },
      'manual',
    );
    old.close();
    expect(made).toMatchObject({ status: 'ok', schemaVersion: 40 });
    const r = await c.admin.ok<RestoreResult>('backups.restore', { id: made.id });
    expect(r).toMatchObject({ schemaFrom: 40, schemaTo: latest });
    expect(c.core.db.pragma('user_version', { simple: true })).toBe(latest);
    // The older backup has no accounts: everyone signs in again (here: the clinic is set up afresh).
    expect((await caller(c.core).ok<{ needsSetup: boolean }>('auth.status')).needsSetup).toBe(true);
    c.core.db.close();
  });

  it('restores over a records file found damaged while running, which then takes writes again', async () => {
    const c = await clinicOnDisk(tempDataDir(dirs));
    await addInquiryWithFile(c.coordinator, 'kept');
    const good = await c.admin.ok<Backup>('backups.create');
    c.core.db.close();
    // (Damage found at start is recovery mode: tests/core/recovery.test.ts.) Here a page goes bad while the app runs.
    const started = await bootstrap({ dataDir: c.dir, log: silentLogger });
    const admin = caller(started.core);
    await admin.ok('auth.signIn', { username: 'admin', password: PASSWORD });
    const coord = caller(started.core);
    await coord.ok('auth.signIn', { username: 'coord', password: PASSWORD });
    damageTable(c.file, 'patients');
    const hurt = await coord.call('patients.list', {});
    expect(hurt.ok ? 'ok' : hurt.error.code).toBe('DB_CORRUPT');
    const status = await admin.ok<BackupStatus>('backups.status');
    expect(status.records.damaged).toBe(true);
    expect(status.lastGood?.id).toBe(good.id);
    const r = await admin.ok<RestoreResult>('backups.restore', { id: good.id });
    expect(r.safetyBackup).toBeNull();
    expect(fs.readdirSync(path.join(c.dir, 'backups')).some((n) => n.startsWith('damaged-'))).toBe(true);
    expect((await admin.ok<BackupStatus>('backups.status')).records.damaged).toBe(false);
    expect(started.core.db.prepare('SELECT count(*) FROM inquiries').pluck().get()).toBe(1);
    expect(listManifests(path.join(c.dir, 'backups')).length).toBeGreaterThan(0);
    started.core.db.close();
  });
});
