// The backups folder on disk: one folder per backup (records.sqlite + manifest.json), attachments shared by hash, retention.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { z } from 'zod';
import { Backup, type BackupReason, BackupSettings, FullCheck } from '../contract/backups';
import { attachmentFiles, tableNames } from '../repos/backups';
import { fsyncPath } from '../sqlite/migrate';
import { blobPath } from './file-store';

export const RECORDS_FILE = 'records.sqlite';
const MANIFEST_FILE = 'manifest.json';
const SETTINGS_FILE = 'settings.json';
const FULL_CHECK_FILE = 'full-check.json';
/** Attachment files, content-addressed like the live store, shared by every backup in the folder. */
export const FILES_DIR = 'files';
/** The folder a second copy goes into inside the folder the admin picked. */
export const SECOND_FOLDER_NAME = 'StrokeDesk backups';

const ID_RE = /^(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})(\d{3})-([a-z_]+)$/;

export const backupsRoot = (dbFile: string): string => path.join(path.dirname(dbFile), 'backups');
export const recordsPath = (root: string, id: string): string => path.join(root, id, RECORDS_FILE);
export const filesDir = (root: string): string => path.join(root, FILES_DIR);

/** A name from the start instant and the reason, one millisecond later if that name is taken. */
export function newBackupId(root: string, at: Date, reason: BackupReason): string {
  for (let t = at.getTime(); ; t++) {
    const iso = new Date(t).toISOString();
    const id = `${iso.slice(0, 10).replace(/-/g, '')}-${iso.slice(11, 23).replace(/[:.]/g, '')}-${reason}`;
    if (!fs.existsSync(path.join(root, id))) return id;
  }
}

/** Writes to a temporary name, fsyncs, renames: a reader never sees half a file. */
export function writeFileAtomic(file: string, text: string): void {
  const tmp = `${file}.tmp`;
  fs.writeFileSync(tmp, text, { mode: 0o600 });
  fsyncPath(tmp);
  fs.renameSync(tmp, file);
  fsyncPath(path.dirname(file));
}

export function writeManifest(root: string, backup: Backup): void {
  writeFileAtomic(path.join(root, backup.id, MANIFEST_FILE), `${JSON.stringify(backup, null, 2)}\n`);
}

/** Every backup with a readable manifest, newest first. A folder without one is an attempt that never finished. */
export function listManifests(root: string): Backup[] {
  if (!fs.existsSync(root)) return [];
  const found: Backup[] = [];
  for (const name of fs.readdirSync(root)) {
    if (!ID_RE.test(name)) continue;
    try {
      const parsed = Backup.safeParse(JSON.parse(fs.readFileSync(path.join(root, name, MANIFEST_FILE), 'utf8')));
      if (parsed.success && parsed.data.id === name) found.push(parsed.data);
    } catch {
      // No manifest (yet): not a backup.
    }
  }
  return found.sort((a, b) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
}

export const DEFAULT_SETTINGS: BackupSettings = { dailyAt: '13:00', secondFolder: null };

/** A small JSON file of the backups folder, or `fallback` when it is missing or not what it should be. */
function readJsonFile<T>(file: string, schema: z.ZodType<T>, fallback: T): T {
  try {
    const parsed = schema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : fallback;
  } catch {
    return fallback;
  }
}

export const readSettings = (root: string): BackupSettings =>
  readJsonFile(path.join(root, SETTINGS_FILE), BackupSettings, DEFAULT_SETTINGS);

export function writeSettings(root: string, settings: BackupSettings): void {
  fs.mkdirSync(root, { recursive: true, mode: 0o700 });
  writeFileAtomic(path.join(root, SETTINGS_FILE), `${JSON.stringify(settings, null, 2)}\n`);
}

/** The last daily full check of the live records, kept beside the backups (a damaged file cannot record it). */
export const readFullCheck = (root: string): FullCheck | null =>
  readJsonFile<FullCheck | null>(path.join(root, FULL_CHECK_FILE), FullCheck, null);

export function writeFullCheck(root: string, check: FullCheck): void {
  fs.mkdirSync(root, { recursive: true, mode: 0o700 });
  writeFileAtomic(path.join(root, FULL_CHECK_FILE), `${JSON.stringify(check, null, 2)}\n`);
}

const DAY_MS = 24 * 60 * 60 * 1000;
export const RETENTION = { daily: 7, weekly: 4, monthly: 12, recentHours: 24, recentMax: 20, failed: 5 } as const;

/** Monday of the instant's UTC week, as `YYYY-MM-DD`: the weekly bucket. */
function weekOf(at: Date): string {
  const monday = new Date(at.getTime() - ((at.getUTCDay() + 6) % 7) * DAY_MS);
  return monday.toISOString().slice(0, 10);
}

/**
 * Which backups to keep: the newest good one of each of the last 7 days, 4 weeks and 12 months that have one, every
 * good one of the last 24 hours (at most 20: a click on "Back up now" is not gone by the evening), and the 5 newest
 * failed records (so "the last one failed" can be told). Buckets are UTC days; `backups` is newest first.
 */
export function toKeep(backups: readonly Backup[], now: Date): Set<string> {
  const keep = new Set<string>();
  const good = backups.filter((b) => b.status === 'ok');
  const buckets = (key: (at: Date) => string, n: number) => {
    const seen = new Set<string>();
    for (const b of good) {
      const k = key(new Date(b.startedAt));
      if (seen.has(k)) continue;
      if (seen.size >= n) break;
      seen.add(k);
      keep.add(b.id);
    }
  };
  buckets((d) => d.toISOString().slice(0, 10), RETENTION.daily);
  buckets(weekOf, RETENTION.weekly);
  buckets((d) => d.toISOString().slice(0, 7), RETENTION.monthly);
  good
    .filter((b) => now.getTime() - new Date(b.startedAt).getTime() < RETENTION.recentHours * 60 * 60 * 1000)
    .slice(0, RETENTION.recentMax)
    .forEach((b) => keep.add(b.id));
  backups
    .filter((b) => b.status === 'failed')
    .slice(0, RETENTION.failed)
    .forEach((b) => keep.add(b.id));
  return keep;
}

/** Removes backups retention does not keep, unfinished attempts older than a day, then attachment files none refers to. */
export function prune(
  root: string,
  now: Date,
  busy: string | null = null,
  nativeBinding: string | null = null,
): string[] {
  const all = listManifests(root);
  const keep = toKeep(all, now);
  const removed: string[] = [];
  for (const b of all) {
    if (keep.has(b.id) || b.id === busy) continue;
    fs.rmSync(path.join(root, b.id), { recursive: true, force: true });
    removed.push(b.id);
  }
  const listed = new Set(all.map((b) => b.id));
  for (const name of fs.readdirSync(root)) {
    if (!ID_RE.test(name) || listed.has(name) || name === busy) continue;
    const age = now.getTime() - fs.statSync(path.join(root, name)).mtimeMs;
    if (age > DAY_MS) fs.rmSync(path.join(root, name), { recursive: true, force: true });
  }
  if (removed.length > 0) sweepFiles(root, busy, nativeBinding);
  return removed;
}

/** Attachment files that no kept backup refers to. */
function sweepFiles(root: string, busy: string | null, nativeBinding: string | null): void {
  if (busy !== null) return; // a backup in progress may be about to refer to any file
  const wanted = new Set<string>();
  for (const b of listManifests(root)) {
    const file = recordsPath(root, b.id);
    if (!fs.existsSync(file)) continue;
    const copy = new Database(file, { readonly: true, ...(nativeBinding ? { nativeBinding } : {}) });
    try {
      if (tableNames(copy).includes('files')) for (const f of attachmentFiles(copy)) wanted.add(f.sha256);
    } finally {
      copy.close();
    }
  }
  const dir = filesDir(root);
  if (!fs.existsSync(dir)) return;
  for (const prefix of fs.readdirSync(dir)) {
    for (const name of fs.readdirSync(path.join(dir, prefix))) {
      if (!wanted.has(name)) fs.rmSync(path.join(dir, prefix, name), { force: true });
    }
  }
}

export const storedBlob = (root: string, sha: string): string => blobPath(filesDir(root), sha);
