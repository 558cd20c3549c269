// A restore's long parts, free of the core (a worker runs them): the chosen backup checked, copied, migrated, verified.
import fs from 'node:fs';
import Database from 'better-sqlite3';
import type { Backup } from '../contract/backups';
import type { ErrorCode } from '../contract/common';
import { attachmentFiles, tableCounts, tableNames } from '../repos/backups';
import { DomainError, type ErrorDetails } from '../sqlite/domain-error';
import { readable } from '../sqlite/handles';
import { fsyncPath } from '../sqlite/migrate';
import { migrations } from '../sqlite/migrations';
import { inspectFile, openDatabase, refuseForeignOrNewer } from '../sqlite/open';
import { type AuditAnchor, auditAnchorOf, verifyChain } from './audit-chain';
import { listManifests, recordsPath, storedBlob } from './backup-store';
import { putBlob, sha256Hex } from './file-store';

const latestSchema = (): number => migrations.at(-1)?.version ?? 0;

const refuse = (message: string, details: Record<string, string | number> = {}) =>
  new DomainError('DB_CORRUPT', message, details);

/** The quick half of a check: the backup is listed, was good when made, and its records file is there. */
export function findRestorable(root: string, id: string): Backup {
  const backup = listManifests(root).find((b) => b.id === id);
  if (!backup) throw new DomainError('NOT_FOUND', `Backup ${id} does not exist.`, { entity: 'backup', id });
  if (backup.status !== 'ok') throw refuse('This backup failed its checks when it was made; choose another.');
  if (!fs.existsSync(recordsPath(root, id))) throw refuse('This backup’s records file is missing; choose another.');
  return backup;
}

/** The long half: ours, not newer, sound (integrity_check), every attachment file there and matching its hash. */
export function inspectRestorable(
  root: string,
  id: string,
  nativeBinding?: string,
): { sha256: string; size: number }[] {
  const file = recordsPath(root, id);
  const facts = inspectFile(file, 'integrity_check', nativeBinding);
  refuseForeignOrNewer(file, facts);
  if (facts.check.join('\n') !== 'ok') {
    throw refuse('This backup is damaged (it fails integrity_check); choose another.', {
      problem: facts.check[0] ?? '',
    });
  }
  const files = readFiles(file, nativeBinding);
  for (const f of files) {
    const p = storedBlob(root, f.sha256);
    if (!fs.existsSync(p) || sha256Hex(fs.readFileSync(p)) !== f.sha256) {
      throw refuse('An attachment file of this backup is missing or damaged; choose another.');
    }
  }
  return files;
}

function readFiles(file: string, nativeBinding?: string): { sha256: string; size: number }[] {
  const db = new Database(file, { readonly: true, ...(nativeBinding ? { nativeBinding } : {}) });
  try {
    return tableNames(db).includes('files') ? attachmentFiles(db) : [];
  } finally {
    db.close();
  }
}

export interface PrepareInput {
  root: string;
  id: string;
  /** Where the new records file is made whole, beside the live one (same folder: the swap is a rename). */
  temp: string;
  /** The live attachments folder: the backup's files go in by hash (present ones stay; nothing is removed). */
  attachmentsDir: string | null;
  nativeBinding: string | null;
  /** Open the new file here as the app will (WAL, statistics): worth it off the thread that answers calls. */
  settle: boolean;
}

/** A prepared file, or the refusal the admin is shown (crossing from a worker as data, details and all). */
export type PrepareResult =
  | {
      ok: true;
      schemaFrom: number;
      schemaTo: number;
      counts: Record<string, number>;
      attachments: number;
      /** The new file's audit log, verified from its first entry here: the anchor written before the swap. */
      anchor: AuditAnchor;
    }
  | { ok: false; code: ErrorCode; message: string; details: ErrorDetails | null };

export type PrepareProgress = (done: number, total: number) => void;

/**
 * Checks the chosen backup, copies it to `temp`, migrates it forward if older, copies its attachments into the live
 * folder, and verifies the new file's audit chain — everything a restore does before the one rename that switches.
 */
export function prepareRestore(i: PrepareInput, progress: PrepareProgress): PrepareResult {
  const nb = i.nativeBinding ?? undefined;
  try {
    const backup = findRestorable(i.root, i.id);
    const files = inspectRestorable(i.root, i.id, nb);
    const total = files.length + 2;
    progress(1, total);
    for (const f of [i.temp, `${i.temp}-wal`, `${i.temp}-shm`]) fs.rmSync(f, { force: true });
    fs.copyFileSync(recordsPath(i.root, i.id), i.temp);
    const schemaFrom = backup.schemaVersion ?? 0;
    let schemaTo = schemaFrom;
    let counts = backup.counts;
    // Opened once here as the app opens its records (just checked whole: no quick_check): switched to WAL, migrated
    // forward if older, the planner's statistics refreshed — so the reopen after the swap, on the thread that answers
    // calls, finds nothing left to do (refreshing the statistics of a large table there took ~260 ms).
    // On the calling thread (a small file) only an older backup is opened here; the reopen does the rest quickly.
    if (i.settle || schemaFrom < latestSchema()) {
      const { db } = openDatabase(i.temp, { noUpgradeCopy: true, checked: true, nativeBinding: nb });
      try {
        schemaTo = db.pragma('user_version', { simple: true }) as number;
        if (schemaTo !== schemaFrom) counts = tableCounts(db);
      } finally {
        // The only connection: closing it checkpoints the WAL into the file and removes it.
        db.close();
      }
    }
    fsyncPath(i.temp);
    progress(2, total);
    if (i.attachmentsDir) {
      for (const [n, f] of files.entries()) {
        putBlob(i.attachmentsDir, f.sha256, fs.readFileSync(storedBlob(i.root, f.sha256)));
        progress(n + 3, total);
      }
    }
    return { ok: true, schemaFrom, schemaTo, counts, attachments: files.length, anchor: verifiedAnchor(i.temp, nb) };
  } catch (err) {
    if (!(err instanceof DomainError)) throw err;
    return { ok: false, code: err.code, message: err.message, details: err.details };
  }
}

/** The whole chain of the new file walked once here, so the answering thread continues from its head after the swap. */
function verifiedAnchor(file: string, nativeBinding?: string): AuditAnchor {
  const db = new Database(file, { readonly: true, ...(nativeBinding ? { nativeBinding } : {}) });
  try {
    const r = readable(db);
    const chain = verifyChain(r);
    const anchor = auditAnchorOf(r);
    // A broken chain is restored as it is (the backup is the evidence) and found broken by the full walk after it.
    return chain.ok ? anchor : { ...anchor, verified: null };
  } finally {
    db.close();
  }
}
