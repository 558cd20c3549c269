// Contract for recovery mode: a records file that cannot be used, the verified backups found, and restoring one of them.
import { z } from 'zod';
import { Empty, IsoInstant, method } from './common';
import { SessionUser } from './auth';
import { BackupId, TableCounts } from './backups';

/** Why the records file cannot be used; each has its own plain sentence in the renderer. */
export const RECOVERY_KINDS = ['not_a_database', 'empty_file', 'foreign', 'too_new', 'damaged'] as const;
export const RecoveryKind = z.enum(RECOVERY_KINDS);
export type RecoveryKind = z.infer<typeof RecoveryKind>;

/** Which folder a backup was found in: the data folder's `backups/`, or the second folder the admin set. */
export const BackupFolder = z.enum(['data', 'second']);
export type BackupFolder = z.infer<typeof BackupFolder>;

export const RecoveryBackup = z.object({
  id: BackupId,
  folder: BackupFolder,
  finishedAt: IsoInstant,
  schemaVersion: z.number().int().nullable(),
  counts: TableCounts,
});
export type RecoveryBackup = z.infer<typeof RecoveryBackup>;

export const RecoveryStatus = z.object({
  kind: RecoveryKind,
  /** SQLite's or the check's words, in English, for support (no patient data). */
  problem: z.string(),
  /** The records file to send to support. */
  dbFile: z.string(),
  /** Good backups, newest first (the data folder's, then the second folder's). */
  backups: z.array(RecoveryBackup),
  /** The second folder when one is set; `secondReadable` false when it could not be read (a USB drive unplugged). */
  secondFolder: z.string().nullable(),
  secondReadable: z.boolean(),
});
export type RecoveryStatus = z.infer<typeof RecoveryStatus>;

export const RecoveryRestoreInput = z.object({
  id: BackupId,
  folder: BackupFolder,
  /** An administrator of the backup's own accounts: the damaged file's cannot be read. */
  username: z.string().trim().toLowerCase().min(1, 'Required'),
  password: z.string().min(1, 'Required'),
});

export const recoveryMethods = {
  /** Null while the records are in use; otherwise what is wrong and what can be restored. Answered before sign-in. */
  'recovery.status': method({ input: Empty, output: RecoveryStatus.nullable(), roles: 'public' }),
  /** Restores a backup after checking an admin's password against that backup's accounts; signs that admin in. */
  'recovery.restore': method({ input: RecoveryRestoreInput, output: SessionUser, roles: 'public' }),
} as const;
