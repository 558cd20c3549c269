// Test support for backups and restore: a clinic on a real file with attachments, and a snapshot of every table and file.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Backup, Inquiry } from '../../db/contract';
import { DomainError } from '../../db/services/errors';
import { tableNames } from '../../db/repos/backups';
import type { Core } from '../../db/services/core';
import { sha256Hex } from '../../db/services/file-store';
import { type Caller, fixedClock, inquiryInput, makeCore, staff } from './support';

export function tempDataDir(dirs: string[]): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'strokedesk-backups-'));
  dirs.push(dir);
  return dir;
}

export const pdf = (text: string): Buffer =>
  Buffer.from(`%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% ${text}\n%%EOF\n`);

export interface Clinic {
  core: Core;
  dir: string;
  file: string;
  clock: ReturnType<typeof fixedClock>;
  admin: Caller;
  coordinator: Caller;
  doctor: Caller;
}

export async function clinicOnDisk(dir: string, at = '2026-12-01T04:00:00.000Z'): Promise<Clinic> {
  const file = path.join(dir, 'strokedesk.sqlite');
  const clock = fixedClock(at);
  const core = makeCore({ path: file, clock, attachmentsDir: path.join(dir, 'attachments') });
  const people = await staff(core);
  return { core, dir, file, clock, ...people };
}

/** One inquiry with one attachment of unique content: a change that touches rows, the search index and the files. */
export async function addInquiryWithFile(coordinator: Caller, text: string): Promise<number> {
  const inquiry = await coordinator.ok<Inquiry>('inquiries.create', inquiryInput({ patientName: `Test ${text}` }));
  await coordinator.ok('attachments.add', {
    owner: { kind: 'inquiry', id: inquiry.id },
    kind: 'scan_report',
    fileName: 'report.pdf',
    mime: 'application/pdf',
    contentBase64: pdf(text).toString('base64'),
    note: null,
  });
  return inquiry.id;
}

/** Rows of 4 kB in a table of their own: a records file large enough that copying and checking it takes a while. */
export function addBallast(file: string, rows: number): void {
  const raw = new Database(file);
  raw.exec('CREATE TABLE ballast (b BLOB)');
  const put = raw.prepare('INSERT INTO ballast VALUES (randomblob(4000))');
  raw.transaction(() => {
    for (let i = 0; i < rows; i++) put.run();
  })();
  raw.close();
}

export interface Snapshot {
  tables: Record<string, unknown[]>;
  /** sha256 of each attachment file the records refer to, read from the live store. */
  files: Record<string, string>;
}

/** Every table's rows (sorted) and every referenced attachment file's content hash. */
export function snapshot(core: Core): Snapshot {
  const tables: Record<string, unknown[]> = {};
  for (const name of tableNames(core.db)) {
    const rows = core.db.prepare(`SELECT * FROM "${name}"`).raw().all();
    tables[name] = rows.map((r) => JSON.stringify(r)).sort();
  }
  const files: Record<string, string> = {};
  const shas = core.db.prepare('SELECT sha256 FROM files').pluck().all() as string[];
  for (const sha of shas) {
    const p = path.join(core.attachmentsDir ?? '', sha.slice(0, 2), sha);
    files[sha] = fs.existsSync(p) ? sha256Hex(fs.readFileSync(p)) : 'missing';
  }
  return { tables, files };
}

/** The DomainError code a call throws, or null when it does not throw. */
export const codeOf = (fn: () => unknown): string | null => {
  try {
    fn();
    return null;
  } catch (err) {
    return err instanceof DomainError ? err.code : `not a DomainError: ${String(err)}`;
  }
};

/** Overwrites the b-tree page headers of a table's and its indexes' root pages: damage a failing disk leaves. */
export function damageTable(file: string, table: string): void {
  const raw = new Database(file, { readonly: true });
  const pageSize = raw.pragma('page_size', { simple: true }) as number;
  const rows = raw.prepare('SELECT rootpage FROM sqlite_schema WHERE tbl_name = ? AND rootpage > 0').all(table) as {
    rootpage: number;
  }[];
  raw.close();
  const fd = fs.openSync(file, 'r+');
  for (const row of rows) fs.writeSync(fd, Buffer.alloc(16, 0xff), 0, 16, (row.rootpage - 1) * pageSize);
  fs.closeSync(fd);
}

/** A good backup's manifest started at `at` (for retention and schedule rules, which read only manifests). */
export function manifestAt(at: string, over: Partial<Backup> = {}): Backup {
  const id = `${at.slice(0, 10).replace(/-/g, '')}-${at.slice(11, 23).replace(/[:.]/g, '')}-scheduled`;
  return {
    id,
    startedAt: at,
    finishedAt: at,
    reason: 'scheduled',
    status: 'ok',
    problem: null,
    schemaVersion: 70,
    counts: {},
    attachments: 0,
    attachmentsCopied: 0,
    bytes: 0,
    secondCopy: null,
    ...over,
  };
}
