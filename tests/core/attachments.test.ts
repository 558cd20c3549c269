// Attachments in the core: one stored file per content hash, type and size checks, roles, the audit trail, and crash-safe ordering.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type Attachment, type Inquiry, MAX_ATTACHMENT_BYTES, TYPE_REFUSED_MESSAGE } from '../../db/contract';
import { openFile } from '../../db/services/attachments';
import { type Core, createCore, silentLogger } from '../../db/services/core';
import { openDatabase } from '../../db/sqlite/open';
import { type Caller, inquiryInput, staff } from './support';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function makeCore(withStore = true): { core: Core; dir: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'strokedesk-attach-'));
  dirs.push(dir);
  const { db } = openDatabase(':memory:');
  return {
    core: createCore(db, { passwordLog2N: 10, log: silentLogger, attachmentsDir: withStore ? dir : null }),
    dir,
  };
}

const pdf = (text = 'synthetic report') =>
  Buffer.from(`%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% ${text}\n%%EOF\n`);
const SAMPLES: Record<string, Buffer> = {
  'application/pdf': pdf(),
  'image/png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]),
  'image/jpeg': Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0]),
  'image/webp': Buffer.concat([Buffer.from('RIFF'), Buffer.from([36, 0, 0, 0]), Buffer.from('WEBPVP8 ')]),
  'image/tiff': Buffer.from([0x49, 0x49, 0x2a, 0x00, 8, 0, 0, 0]),
};

const input = (
  owner: { kind: 'inquiry' | 'patient'; id: number },
  bytes: Buffer,
  over: Record<string, unknown> = {},
) => ({
  owner,
  kind: 'scan_report',
  fileName: 'MRI report.pdf',
  mime: 'application/pdf',
  contentBase64: bytes.toString('base64'),
  note: null,
  ...over,
});

/** Every blob under the store, by relative path; temp files would show up here too. */
function storedFiles(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => fs.statSync(path.join(dir, f)).isFile())
    .sort();
}

async function setUp(withStore = true) {
  const { core, dir } = makeCore(withStore);
  const people = await staff(core);
  const a = await people.coordinator.ok<Inquiry>('inquiries.create', inquiryInput());
  const b = await people.coordinator.ok<Inquiry>('inquiries.create', inquiryInput({ patientName: 'Anna Petrova' }));
  return {
    core,
    dir,
    ...people,
    first: { kind: 'inquiry' as const, id: a.id },
    second: { kind: 'inquiry' as const, id: b.id },
  };
}

async function refusal(c: Caller, method: string, body: unknown) {
  const r = await c.call(method, body);
  if (r.ok) throw new Error(`${method} was expected to be refused`);
  return r.error;
}

/** Makes the audit insert of one action fail, so the transaction around it rolls back (what a full disk or a crash would do). */
function failAuditOf(core: Core, action: string): void {
  core.db.exec(
    `CREATE TRIGGER fail_audit BEFORE INSERT ON audit_log WHEN NEW.action = '${action}' BEGIN SELECT RAISE(ABORT, 'simulated failure'); END`,
  );
}

describe('adding and listing', () => {
  it('stores the bytes under their hash and lists who added them, when', async () => {
    const { core, dir, coordinator, first } = await setUp();
    const bytes = pdf();
    const added = await coordinator.ok<Attachment>(
      'attachments.add',
      input(first, bytes, { note: '  From the family  ' }),
    );
    expect(added).toMatchObject({
      kind: 'scan_report',
      fileName: 'MRI report.pdf',
      mime: 'application/pdf',
      size: bytes.length,
      note: 'From the family',
      addedByName: 'Chen Coordinator',
    });
    expect(added.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(storedFiles(dir)).toEqual([path.join(added.sha256.slice(0, 2), added.sha256)]);
    expect(fs.readFileSync(path.join(dir, added.sha256.slice(0, 2), added.sha256)).equals(bytes)).toBe(true);
    expect(await coordinator.ok('attachments.list', { owner: first })).toEqual([added]);
    const row = core.db.prepare('SELECT size, mime FROM files WHERE sha256 = ?').get(added.sha256);
    expect(row).toEqual({ size: bytes.length, mime: 'application/pdf' });
  });

  it('keeps only the last part of a path-like file name', async () => {
    const { coordinator, first } = await setUp();
    const added = await coordinator.ok<Attachment>(
      'attachments.add',
      input(first, pdf(), { fileName: 'C:\\fakepath\\scan\u0007.pdf' }),
    );
    expect(added.fileName).toBe('scan.pdf');
  });

  it('refuses an owner that does not exist, and lists nothing for it', async () => {
    const { dir, coordinator } = await setUp();
    expect((await refusal(coordinator, 'attachments.add', input({ kind: 'inquiry', id: 999 }, pdf()))).code).toBe(
      'NOT_FOUND',
    );
    expect((await refusal(coordinator, 'attachments.add', input({ kind: 'patient', id: 999 }, pdf()))).code).toBe(
      'NOT_FOUND',
    );
    expect((await refusal(coordinator, 'attachments.list', { owner: { kind: 'inquiry', id: 999 } })).code).toBe(
      'NOT_FOUND',
    );
    expect(storedFiles(dir)).toEqual([]);
  });

  it('refuses clearly when there is no folder for files', async () => {
    const { coordinator, first } = await setUp(false);
    const e = await refusal(coordinator, 'attachments.add', input(first, pdf()));
    expect(e.code).toBe('FILE_STORE');
    expect(e.message).toMatch(/not available/);
    expect(await coordinator.ok('attachments.list', { owner: first })).toEqual([]);
  });
});

describe('one stored file per content hash', () => {
  it('stores the same bytes once; removing one link keeps the file, removing the last deletes it', async () => {
    const { core, dir, coordinator, doctor, first, second } = await setUp();
    const bytes = pdf('shared');
    const one = await coordinator.ok<Attachment>('attachments.add', input(first, bytes));
    const two = await doctor.ok<Attachment>(
      'attachments.add',
      input(second, bytes, { fileName: 'copy.pdf', kind: 'medical_record' }),
    );
    expect(two.sha256).toBe(one.sha256);
    expect(storedFiles(dir)).toHaveLength(1);
    expect(core.db.prepare('SELECT count(*) AS n FROM files').get()).toEqual({ n: 1 });

    await coordinator.ok('attachments.remove', { id: one.id });
    expect(storedFiles(dir)).toHaveLength(1);
    expect(await coordinator.ok('attachments.list', { owner: first })).toEqual([]);
    expect(await coordinator.ok('attachments.list', { owner: second })).toEqual([two]);

    await doctor.ok('attachments.remove', { id: two.id });
    expect(storedFiles(dir)).toEqual([]);
    // The links stay as the record of what was attached and removed, by whom.
    expect(core.db.prepare('SELECT count(*) AS n FROM attachments WHERE removed_at IS NOT NULL').get()).toEqual({
      n: 2,
    });

    // The same bytes attached again are stored again.
    await coordinator.ok('attachments.add', input(first, bytes));
    expect(storedFiles(dir)).toHaveLength(1);
  });

  it('does not delete the file when the removal does not commit', async () => {
    const { core, dir, coordinator, first } = await setUp();
    const added = await coordinator.ok<Attachment>('attachments.add', input(first, pdf()));
    failAuditOf(core, 'attachments.remove');
    await refusal(coordinator, 'attachments.remove', { id: added.id });
    expect(storedFiles(dir)).toHaveLength(1);
    expect(await coordinator.ok('attachments.list', { owner: first })).toEqual([added]);
  });

  it('removes the file it wrote when the link does not commit, but not bytes another link uses', async () => {
    const { core, dir, coordinator, first, second } = await setUp();
    const kept = await coordinator.ok<Attachment>('attachments.add', input(first, pdf('kept')));
    failAuditOf(core, 'attachments.add');
    await refusal(coordinator, 'attachments.add', input(second, pdf('new')));
    await refusal(coordinator, 'attachments.add', input(second, pdf('kept')));
    expect(storedFiles(dir)).toEqual([path.join(kept.sha256.slice(0, 2), kept.sha256)]);
    expect(core.db.prepare('SELECT count(*) AS n FROM attachments').get()).toEqual({ n: 1 });
  });

  it('refuses removing twice', async () => {
    const { coordinator, first } = await setUp();
    const added = await coordinator.ok<Attachment>('attachments.add', input(first, pdf()));
    await coordinator.ok('attachments.remove', { id: added.id });
    expect((await refusal(coordinator, 'attachments.remove', { id: added.id })).code).toBe('NOT_FOUND');
    expect((await refusal(coordinator, 'attachments.remove', { id: 4242 })).code).toBe('NOT_FOUND');
  });
});

describe('type check', () => {
  it.each(Object.entries(SAMPLES))('accepts %s whose bytes say so', async (mime, bytes) => {
    const { coordinator, first } = await setUp();
    const added = await coordinator.ok<Attachment>('attachments.add', input(first, bytes, { mime, fileName: 'file' }));
    expect(added.mime).toBe(mime);
  });

  it('refuses other declared types with a clear field message', async () => {
    const { dir, coordinator, first } = await setUp();
    for (const mime of ['application/zip', 'text/html', 'image/svg+xml', '']) {
      const e = await refusal(coordinator, 'attachments.add', input(first, pdf(), { mime }));
      expect(e.code).toBe('VALIDATION');
      expect(e.details?.fields).toEqual([{ path: 'mime', message: TYPE_REFUSED_MESSAGE }]);
    }
    expect(storedFiles(dir)).toEqual([]);
  });

  it('refuses bytes that are not what the declared type says', async () => {
    const { dir, coordinator, first } = await setUp();
    const png = await refusal(coordinator, 'attachments.add', input(first, SAMPLES['image/png'] ?? Buffer.alloc(0)));
    expect(png.code).toBe('VALIDATION');
    expect(png.details?.fields).toEqual([
      { path: 'contentBase64', message: 'The file says it is a PDF, but its contents are a PNG image' },
    ]);
    const html = await refusal(
      coordinator,
      'attachments.add',
      input(first, Buffer.from('<html><script>alert(1)</script>')),
    );
    expect(html.details?.fields?.[0]?.message).toBe(`${TYPE_REFUSED_MESSAGE}; this file is none of them`);
    const broken = await refusal(coordinator, 'attachments.add', {
      ...input(first, pdf()),
      contentBase64: 'JVBERi0xLjQ*',
    });
    expect(broken.details?.fields?.[0]).toEqual({
      path: 'contentBase64',
      message: 'The file did not arrive intact; attach it again',
    });
    expect(storedFiles(dir)).toEqual([]);
  });
});

describe('size limit', () => {
  it('accepts exactly 25 MB and refuses one byte more, with a clear message', async () => {
    const { dir, coordinator, first } = await setUp();
    const max = Buffer.alloc(MAX_ATTACHMENT_BYTES, 0x20);
    pdf().copy(max);
    const ok = await coordinator.ok<Attachment>('attachments.add', input(first, max));
    expect(ok.size).toBe(MAX_ATTACHMENT_BYTES);
    const e = await refusal(coordinator, 'attachments.add', input(first, Buffer.concat([max, Buffer.from('x')])));
    expect(e.code).toBe('VALIDATION');
    expect(e.message).toBe('contentBase64: Files can be at most 25 MB');
    expect(storedFiles(dir)).toHaveLength(1);
  });

  it('refuses an empty file', async () => {
    const { coordinator, first } = await setUp();
    const e = await refusal(coordinator, 'attachments.add', input(first, Buffer.alloc(0)));
    expect(e.details?.fields).toEqual([{ path: 'contentBase64', message: 'The file is empty' }]);
  });
});

describe('roles', () => {
  it('lets coordinators and doctors work with attachments, and refuses the admin', async () => {
    const { core, admin, coordinator, doctor, first } = await setUp();
    const added = await doctor.ok<Attachment>('attachments.add', input(first, pdf()));
    expect((await coordinator.ok<Attachment[]>('attachments.list', { owner: first })).map((a) => a.id)).toEqual([
      added.id,
    ]);
    for (const [method, body] of [
      ['attachments.list', { owner: first }],
      ['attachments.add', input(first, pdf('admin'))],
      ['attachments.remove', { id: added.id }],
    ] as const) {
      expect((await refusal(admin, method, body)).code, method).toBe('FORBIDDEN');
    }
    expect(() => openFile(core, admin.session.token, added.id)).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
    expect(() => openFile(core, null, added.id)).toThrow(expect.objectContaining({ code: 'UNAUTHENTICATED' }));
  });
});

describe('audit trail', () => {
  it('records adding, opening and removing, with who and what', async () => {
    const { core, coordinator, doctor, ids, first } = await setUp();
    const added = await coordinator.ok<Attachment>(
      'attachments.add',
      input(first, pdf(), { note: 'Discharge summary' }),
    );
    const file = openFile(core, doctor.session.token, added.id);
    expect(fs.readFileSync(file.path).equals(pdf())).toBe(true);
    await doctor.ok('attachments.remove', { id: added.id });
    const rows = core.db
      .prepare(
        "SELECT action, actor_id, entity_id, before_json, after_json FROM audit_log WHERE entity = 'attachment' ORDER BY id",
      )
      .all() as {
      action: string;
      actor_id: number;
      entity_id: number;
      before_json: string | null;
      after_json: string | null;
    }[];
    expect(rows.map((r) => [r.action, r.actor_id, r.entity_id])).toEqual([
      ['attachments.add', ids.coordinator, added.id],
      ['attachments.open', ids.doctor, added.id],
      ['attachments.remove', ids.doctor, added.id],
    ]);
    expect(JSON.parse(rows[0]?.after_json ?? 'null')).toMatchObject({
      owner: first,
      kind: 'scan_report',
      fileName: 'MRI report.pdf',
      note: 'Discharge summary',
      sha256: added.sha256,
    });
    expect(JSON.parse(rows[2]?.before_json ?? 'null')).toMatchObject({
      owner: first,
      fileName: 'MRI report.pdf',
      sha256: added.sha256,
    });
    expect(JSON.parse(rows[2]?.after_json ?? 'null')).toHaveProperty('removedAt');
    expect(() => openFile(core, doctor.session.token, added.id)).toThrow(
      expect.objectContaining({ code: 'NOT_FOUND' }),
    );
  });
});
