// Contract for backups: the verified copies of the records and attachments, their schedule, and restoring one.
import { z } from 'zod';
import { IsoInstant, method } from './common';

export const BACKUP_REASONS = ['scheduled', 'on_quit', 'before_upgrade', 'manual', 'before_restore'] as const;
export const BackupReason = z.enum(BACKUP_REASONS);
export type BackupReason = z.infer<typeof BackupReason>;

/** A backup's name: its UTC start and its reason (`20261203-130000000-scheduled`); never a path. */
export const BackupId = z.string().regex(/^\d{8}-\d{9}-[a-z_]{3,20}$/, 'Not a backup this app made');
export type BackupId = z.infer<typeof BackupId>;

/** Rows per table in the copy, as verification counted them. */
export const TableCounts = z.record(z.string(), z.number().int().nonnegative());
export type TableCounts = z.infer<typeof TableCounts>;

export const Backup = z.object({
  id: BackupId,
  startedAt: IsoInstant,
  finishedAt: IsoInstant,
  reason: BackupReason,
  /** `ok` only when the copy was opened read-only and passed every check. */
  status: z.enum(['ok', 'failed']),
  /** What failed, in English for the log and the admin (no patient data). */
  problem: z.string().nullable(),
  schemaVersion: z.number().int().nullable(),
  counts: TableCounts,
  attachments: z.number().int().nonnegative(),
  /** Attachment files this backup had to copy (the others were already backed up, by hash). */
  attachmentsCopied: z.number().int().nonnegative(),
  bytes: z.number().int().nonnegative(),
  /** The copy in the second folder, when one is set. */
  secondCopy: z.enum(['ok', 'failed']).nullable(),
});
export type Backup = z.infer<typeof Backup>;

/** HH:MM, 24-hour, in the clinic's time zone. */
export const DailyAt = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'A time like 13:00');

export const BackupSettings = z.object({
  dailyAt: DailyAt,
  /** A second folder (a USB drive, a network share) that every backup is copied to as well; null for none. */
  secondFolder: z.string().trim().min(1).max(1000).nullable(),
});
export type BackupSettings = z.infer<typeof BackupSettings>;

export const BackupProgress = z.object({
  phase: z.enum(['records', 'attachments', 'verifying', 'second_copy', 'restoring']),
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
});
export type BackupProgress = z.infer<typeof BackupProgress>;

/** The backup after which Today warns every user. */
export const BACKUP_WARN_HOURS = 48;

/** The daily full `integrity_check` of the live records file (not a backup's copy). */
export const FullCheck = z.object({
  at: IsoInstant,
  ok: z.boolean(),
  /** integrity_check's first lines when it found damage (no patient data: page and index names only). */
  problem: z.string().nullable(),
});
export type FullCheck = z.infer<typeof FullCheck>;

export const BackupStatus = z.object({
  lastGood: z.object({ id: BackupId, finishedAt: IsoInstant, ageHours: z.number().nonnegative() }).nullable(),
  lastFailed: z.boolean(),
  /** No good backup for BACKUP_WARN_HOURS, or the last one failed. */
  warn: z.boolean(),
  /** The records file as the app found it: damaged files are open read-only. */
  records: z.object({ damaged: z.boolean(), problem: z.string().nullable() }),
  running: BackupProgress.nullable(),
  /** The last daily full check of the records file; null before the first. */
  lastFullCheck: FullCheck.nullable(),
});
export type BackupStatus = z.infer<typeof BackupStatus>;

export const RestoreResult = z.object({
  restored: BackupId,
  /** The backup of the state just before the restore. */
  safetyBackup: BackupId.nullable(),
  schemaFrom: z.number().int(),
  schemaTo: z.number().int(),
  counts: TableCounts,
});
export type RestoreResult = z.infer<typeof RestoreResult>;

const ADMIN = ['admin'] as const;
const EVERYONE = ['coordinator', 'doctor', 'admin'] as const;

export const backupMethods = {
  'backups.status': method({ input: z.object({}), output: BackupStatus, roles: EVERYONE }),
  'backups.list': method({ input: z.object({}), output: z.array(Backup), roles: ADMIN }),
  'backups.create': method({ input: z.object({}), output: Backup, roles: ADMIN }),
  'backups.restore': method({ input: z.object({ id: BackupId }), output: RestoreResult, roles: ADMIN }),
  'backups.settings': method({ input: z.object({}), output: BackupSettings, roles: ADMIN }),
  'backups.updateSettings': method({ input: BackupSettings, output: BackupSettings, roles: ADMIN }),
} as const;
