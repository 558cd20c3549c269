// A content-addressed file store: `<dir>/<sha[0..2]>/<sha>`, written to a temp file, fsynced and renamed into place.
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { DomainError } from '../sqlite/domain-error';

const SHA_RE = /^[0-9a-f]{64}$/;

export const sha256Hex = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** A sentence for the person at the desk; the cause (which may name a path) goes to the log, not the screen. */
export const storeError = (message: string): DomainError => new DomainError('FILE_STORE', message);

export function blobPath(dir: string, sha: string): string {
  // The hash is the only part of the path that comes from data: insist on its shape so it can never step outside `dir`.
  if (!SHA_RE.test(sha)) throw new Error('not a sha-256 hex digest');
  return path.join(dir, sha.slice(0, 2), sha);
}

/** fsync a directory so a rename inside it survives a power cut; some platforms (Windows) cannot open directories. */
function syncDir(dir: string): void {
  let fd: number | null = null;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Best effort where directories cannot be opened.
  } finally {
    if (fd !== null) fs.closeSync(fd);
  }
}

/**
 * Makes sure the blob for `sha` is on disk. Answers whether this call wrote it, so a caller whose transaction then fails
 * knows the file is its own to remove. Synchronous on purpose: nothing else in this process can run between the
 * existence check, the write and the database transaction that follows.
 */
export function putBlob(dir: string, sha: string, bytes: Uint8Array): { created: boolean } {
  const final = blobPath(dir, sha);
  if (fs.existsSync(final) && fs.statSync(final).size === bytes.length) return { created: false };
  const folder = path.dirname(final);
  fs.mkdirSync(folder, { recursive: true });
  const temp = path.join(folder, `.${sha}.${randomBytes(6).toString('hex')}.tmp`);
  let fd: number | null = null;
  try {
    // 0o600: medical records are readable by the clinic's account only.
    fd = fs.openSync(temp, 'wx', 0o600);
    fs.writeSync(fd, bytes);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = null;
    fs.renameSync(temp, final);
  } catch (err) {
    if (fd !== null) fs.closeSync(fd);
    fs.rmSync(temp, { force: true });
    throw err;
  }
  syncDir(folder);
  return { created: true };
}

/** Removes a blob; a blob already gone is fine (removal is the goal). */
export function deleteBlob(dir: string, sha: string): void {
  fs.rmSync(blobPath(dir, sha), { force: true });
}

export const blobExists = (dir: string, sha: string): boolean => fs.existsSync(blobPath(dir, sha));

export interface StoredBlob {
  /** The content hash, or null for a temporary file a write left behind. */
  sha: string | null;
  path: string;
  modifiedMs: number;
}

const TEMP_RE = /^\.[0-9a-f]{64}\.[0-9a-f]+\.tmp$/;

/** Every blob and leftover temporary file in the store (anything else in the folder is not ours and is left alone). */
export function listBlobs(dir: string): StoredBlob[] {
  if (!fs.existsSync(dir)) return [];
  const found: StoredBlob[] = [];
  for (const shard of fs.readdirSync(dir, { withFileTypes: true })) {
    if (!shard.isDirectory() || !/^[0-9a-f]{2}$/.test(shard.name)) continue;
    for (const entry of fs.readdirSync(path.join(dir, shard.name), { withFileTypes: true })) {
      const isBlob = SHA_RE.test(entry.name) && entry.name.startsWith(shard.name);
      if (!entry.isFile() || !(isBlob || TEMP_RE.test(entry.name))) continue;
      const file = path.join(dir, shard.name, entry.name);
      found.push({ sha: isBlob ? entry.name : null, path: file, modifiedMs: fs.statSync(file).mtimeMs });
    }
  }
  return found;
}
