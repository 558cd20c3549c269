// Starting the app on a data folder, shared by the desktop shell and the host: open or create, migrate, offer the demo, seed.
import fs from 'node:fs';
import path from 'node:path';
import { countAccounts } from '../repos/accounts';
import { DEMO_SIZE, seedClinic, type SeedAccount, type SeedOptions, type SeedResult } from '../seed/generate';
import type { MigrateResult } from '../sqlite/migrate';
import Database from 'better-sqlite3';
import { DomainError } from '../sqlite/domain-error';
import { APPLICATION_ID } from '../sqlite/migrate';
import { migrations } from '../sqlite/migrations';
import { closeRecords } from '../sqlite/checkpoint';
import { inspectFile, type OpenedDatabase, openDatabase } from '../sqlite/open';
import { backupsRoot, readSettings } from '../services/backup-store';
import { takeBackup } from '../services/backups';
import { type Core, type CoreOptions, createCore, type Logger, type RecoveryState } from '../services/core';
import { standInDatabase } from '../services/recovery';
import type { RecoveryKind } from '../contract/recovery';
import { warmUp } from '../services/search';
import { sweepOrphanFiles } from '../services/attachments';
import { openAuditChain } from '../services/audit-chain';
import { startReportRefresh, stopReportRefresh } from '../services/report-refresh';
import { hasFile, warmWorkers } from '../services/worker-jobs';
import { DB_FILE_NAME, ensureDataDir } from './data-dir';

export interface BootstrapOptions {
  /** The data folder (created, private to this user, if missing); the records are DB_FILE_NAME inside it. */
  dataDir?: string;
  /** Or one records file (the host's --db); its folder must exist, and attachments and backups go beside it. */
  dbFile?: string;
  /** Always add a synthetic clinic of this size (the host's --seed). */
  seed?: SeedOptions;
  /** Create the demo clinic when the records have no accounts yet, i.e. nobody has set this clinic up. */
  offerDemo?: boolean;
  /** better-sqlite3's native module for Electron's ABI, when packaged. */
  nativeBinding?: string;
  log?: Logger;
  /** Parse every answer against its output schema (development, demos and tests; the packaged app skips it). */
  checkOutputs?: boolean;
  /** Password hashing cost; lower only in tests (the crash loop signs in on every start). */
  passwordLog2N?: number;
  /** Lines meant for the person starting the app (upgrades, seeding, demo sign-ins); never patient data. */
  say?: (line: string) => void;
}

export interface Bootstrapped {
  core: Core;
  /** The folder holding the records file, attachments and backups. */
  dataDir: string;
  dbFile: string;
  migration: MigrateResult;
  /** What was seeded in this start, if anything; its accounts are the sign-ins to show. */
  seeded: SeedResult | null;
  /** What is wrong with the records file (quick_check's lines, or why it does not open); null when sound. */
  damage: string | null;
  /** Set when the app started in recovery mode (also `core.recovery`); hosts add what to start once it is restored. */
  recovery: RecoveryState | null;
}

/** The refusals of a records file that recovery mode answers (any other failure to start is still a failure). */
const RECOVERY_KINDS: Partial<Record<string, RecoveryKind>> = {
  DB_CORRUPT: 'not_a_database',
  DB_EMPTY_FILE: 'empty_file',
  DB_FOREIGN: 'foreign',
  DB_TOO_NEW: 'too_new',
};

const recoveryKindOf = (err: unknown): RecoveryKind | null =>
  err instanceof DomainError ? (RECOVERY_KINDS[err.code] ?? null) : null;

export async function bootstrap(o: BootstrapOptions): Promise<Bootstrapped> {
  const say = o.say ?? (() => undefined);
  let dbFile: string;
  if (o.dbFile) dbFile = path.resolve(o.dbFile);
  else if (o.dataDir) {
    ensureDataDir(o.dataDir);
    dbFile = path.join(path.resolve(o.dataDir), DB_FILE_NAME);
  } else throw new Error('bootstrap needs a data folder or a records file.');
  const dataDir = path.dirname(dbFile);

  // Demo data only for a folder with no records file: an empty or foreign file is refused by the open, never replaced.
  const fresh = !fs.existsSync(dbFile);
  const coreOptions: CoreOptions = {
    ...(o.log ? { log: o.log } : {}),
    ...(o.checkOutputs !== undefined ? { checkOutputs: o.checkOutputs } : {}),
    ...(o.passwordLog2N !== undefined ? { passwordLog2N: o.passwordLog2N } : {}),
    // Attachments live beside the records, so a copy of the data folder is a complete copy.
    attachmentsDir: path.join(dataDir, 'attachments'),
  };
  let opened: OpenedDatabase;
  let before: string | null = null;
  try {
    before = fresh ? null : await backUpBeforeUpgrade(dbFile, dataDir, o.nativeBinding);
    if (before) say(`Backed up the records before upgrading them: ${before}`);
    opened = openDatabase(dbFile, {
      ...(o.nativeBinding ? { nativeBinding: o.nativeBinding } : {}),
      noUpgradeCopy: before !== null,
    });
  } catch (err) {
    // A file that cannot be used is never exited on nor replaced: the app starts in recovery mode and offers a restore.
    const kind = recoveryKindOf(err);
    if (kind === null) throw err;
    const problem = err instanceof Error ? err.message : String(err);
    const core = createCore(standInDatabase(problem), coreOptions);
    core.recovery = { kind, problem, dbFile, afterRestore: [] };
    say(`The records file cannot be used (${problem.split('\n')[0] ?? ''}); starting in recovery mode.`);
    const migration = { from: 0, to: 0, applied: [], backupPath: null };
    return { core, dataDir, dbFile, migration, seeded: null, damage: problem, recovery: core.recovery };
  }
  const { db, migration, damage } = opened;
  try {
    if (migration.from > 0 && migration.applied.length > 0) {
      const copy = before ?? migration.backupPath;
      say(
        `Upgraded the records (schema ${migration.from} → ${migration.to}); the copy from before is ${copy ?? 'none'}`,
      );
    }
    const core = createCore(db, coreOptions);
    if (damage !== null) {
      // Read-only and latched: nothing is swept, seeded or written; recovery mode says so and offers a restore.
      say(`The records file is damaged and was opened read-only (${damage.split('\n')[0] ?? ''}).`);
      core.recovery = { kind: 'damaged', problem: damage, dbFile, afterRestore: [] };
      return { core, dataDir, dbFile, migration, seeded: null, damage, recovery: core.recovery };
    }
    // A crash between an attachment's file write and its row leaves a file nobody lists: swept on every start.
    sweepOrphanFiles(core);
    openAuditChain(core, dataDir);
    let seeded: SeedResult | null = null;
    if (o.seed) {
      const started = performance.now();
      seeded = await seedClinic(core, o.seed);
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      say(
        `Seeded ${seeded.inquiries.toLocaleString('en')} inquiries and ${seeded.patients.toLocaleString('en')} patients in ${seconds} s.`,
      );
    } else if (o.offerDemo && fresh && countAccounts(core.db) === 0) {
      say(`The data folder is empty: creating the demo clinic in ${dataDir}`);
      seeded = await seedClinic(core, DEMO_SIZE);
    }
    if (seeded) for (const line of accountLines(seeded.accounts)) say(line);
    return { core, dataDir, dbFile, migration, seeded, damage: null, recovery: null };
  } catch (err) {
    db.close();
    throw err;
  }
}

/**
 * A verified backup (records and attachments) before a schema upgrade, taken from a read-only connection while nothing
 * else has the file open; the upgrade is refused if it fails. Null when no upgrade is due or the file will be refused
 * or opened read-only anyway (the open says why).
 */
async function backUpBeforeUpgrade(dbFile: string, dataDir: string, nativeBinding?: string): Promise<string | null> {
  if (fs.statSync(dbFile).size === 0) return null;
  const facts = inspectFile(dbFile, 'quick_check', nativeBinding);
  const latest = migrations.at(-1)?.version ?? 0;
  const ours = facts.applicationId === APPLICATION_ID;
  if (!ours || facts.schemaVersion === 0 || facts.schemaVersion >= latest || facts.check.join() !== 'ok') return null;
  const ro = new Database(dbFile, { readonly: true, ...(nativeBinding ? { nativeBinding } : {}) });
  try {
    const backup = await takeBackup(
      {
        db: ro,
        attachmentsDir: path.join(dataDir, 'attachments'),
        root: backupsRoot(dbFile),
        now: () => new Date(),
        secondFolder: readSettings(backupsRoot(dbFile)).secondFolder,
      },
      'before_upgrade',
    );
    if (backup.status !== 'ok') {
      throw new DomainError(
        'FILE_STORE',
        `The records could not be backed up before upgrading them, so nothing was changed (${backup.problem ?? ''}).`,
      );
    }
    return backup.id;
  } finally {
    ro.close();
  }
}

/** The demo sign-ins as a small table (synthetic people only), or nothing when no accounts were made. */
export function accountLines(accounts: readonly SeedAccount[]): string[] {
  if (accounts.length === 0) return [];
  return [
    'Demo accounts (synthetic clinic, no real people):',
    `  ${'username'.padEnd(14)} ${'role'.padEnd(12)} password`,
    ...accounts.map((a) => `  ${a.username.padEnd(14)} ${a.role.padEnd(12)} ${a.password}`),
  ];
}

/**
 * The shell's close of the records (electron/main does not reach into db/sqlite): refreshes of kept reports stopped
 * (a worker reading mid-refresh would hold the WAL), the WAL emptied, then closed.
 */
export function closeCore(core: Core): void {
  stopReportRefresh(core);
  closeRecords(core.db);
}

/**
 * Once the app answers calls: planner statistics and the search index pages the first search needs, so the first
 * thing a person types is as quick as the rest. Only a head start: a failure shows again on the first real search.
 */
export function warmUpInBackground(core: Core): void {
  setImmediate(() => {
    try {
      // The worker pool too, so that "Verify all" (and backups, exports) do not wait for threads to start.
      if (core.recovery === null && hasFile(core.db.name)) void warmWorkers();
      // The reports people look at are computed again in the pool after writes (it waits for a file and no recovery).
      startReportRefresh(core);
      core.log.info('search warmed up', { ms: Math.round(warmUp(core)) });
    } catch (err) {
      core.log.error('search warm-up failed', err);
    }
  });
}
