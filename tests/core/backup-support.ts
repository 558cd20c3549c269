// Test support for backups and restore: a clinic on a real file with attachments, and a snapshot of every table and file.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Inquiry } from '../../db/contract';
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
