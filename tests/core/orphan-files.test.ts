// An attachment file left without its row by a crash is swept on the next start; young and linked files stay (#12 item 10).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { bootstrap } from '../../db/app/bootstrap';
import { DB_FILE_NAME } from '../../db/app/data-dir';
import { silentLogger } from '../../db/services/core';
import { putBlob, sha256Hex } from '../../db/services/file-store';
import { inquiryInput, makeCore, staff } from './support';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

const pdf = (text: string) => Buffer.from(`%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% ${text}\n%%EOF\n`);
const HOUR_AGO = new Date(Date.now() - 60 * 60 * 1000);

/** A file written by a crashed attachment: on disk, no row (as if the process died before the commit). */
function orphan(store: string, text: string, old: boolean): string {
  const bytes = pdf(text);
  const sha = sha256Hex(bytes);
  putBlob(store, sha, bytes);
  const file = path.join(store, sha.slice(0, 2), sha);
  if (old) fs.utimesSync(file, HOUR_AGO, HOUR_AGO);
  return file;
}

describe('orphan attachment files', () => {
  it('are swept on start when older than a few minutes; linked and young ones stay', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rel-auth-orphans-'));
    dirs.push(dir);
    fs.chmodSync(dir, 0o700);
    // Made at test cost (cheap hashes), then started the way the app starts.
    const core = makeCore({ path: path.join(dir, DB_FILE_NAME), attachmentsDir: path.join(dir, 'attachments') });
    const { coordinator } = await staff(core);
    const inquiry = await coordinator.ok<{ id: number }>('inquiries.create', inquiryInput());
    const bytes = pdf('kept report');
    await coordinator.ok('attachments.add', {
      owner: { kind: 'inquiry', id: inquiry.id },
      kind: 'scan_report',
      fileName: 'MRI report.pdf',
      mime: 'application/pdf',
      contentBase64: bytes.toString('base64'),
      note: null,
    });
    const store = path.join(dir, 'attachments');
    const sha = sha256Hex(bytes);
    const linked = path.join(store, sha.slice(0, 2), sha);
    fs.utimesSync(linked, HOUR_AGO, HOUR_AGO);
    const crashed = orphan(store, 'crashed before its row', true);
    const young = orphan(store, 'a write under way', false);
    const temp = path.join(path.dirname(crashed), `.${sha256Hex(pdf('half'))}.abcdef.tmp`);
    fs.writeFileSync(temp, 'half a file');
    fs.utimesSync(temp, HOUR_AGO, HOUR_AGO);
    const stranger = path.join(store, 'README.txt');
    fs.writeFileSync(stranger, 'not ours');
    core.db.close();

    const again = await bootstrap({ dataDir: dir, log: silentLogger });
    expect([linked, crashed, young, temp, stranger].map((f) => fs.existsSync(f))).toEqual([
      true,
      false,
      true,
      false,
      true,
    ]);
    again.core.db.close();
  });
});
