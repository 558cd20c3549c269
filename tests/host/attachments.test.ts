// Attachments over the loopback host: a large upload through /api, and GET /attachments/<id> behind the run token and session.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentDisposition, type RunningHost, startHost } from '../../db/host/server';
import { createCore, silentLogger } from '../../db/services/core';
import { openDatabase } from '../../db/sqlite/open';
import { inquiryInput } from '../core/support';
import { CookieClient, portOf } from './http-client';

const PASSWORD = 'host-attach-password';
const FILE_NAME = 'Скан "МРТ"; 2026\r\n.pdf';
let dir: string;
let db: Database;
let host: RunningHost;
let port: number;
let coordinator: CookieClient;
let admin: CookieClient;
let inquiryId: number;

interface BinaryResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

function get(pathName: string, headers: Record<string, string>): Promise<BinaryResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method: 'GET',
        path: pathName,
        headers: { host: `127.0.0.1:${port}`, ...headers },
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end();
  });
}

const ok = async <T>(client: CookieClient, method: string, input: unknown): Promise<T> => {
  const res = await client.call(method, input);
  const envelope = JSON.parse(res.body) as { ok: boolean; value: T; error?: { message: string } };
  if (!envelope.ok) throw new Error(`${method}: ${envelope.error?.message ?? res.status}`);
  return envelope.value;
};

/** A PDF of `size` bytes: larger than the ordinary 5 MiB request limit once base64 in JSON. */
const bigPdf = (size: number) => {
  const b = Buffer.alloc(size, 0x20);
  Buffer.from('%PDF-1.4\n').copy(b);
  return b;
};
const PDF = bigPdf(6 * 1024 * 1024);

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'strokedesk-host-attach-'));
  ({ db } = openDatabase(path.join(dir, 'strokedesk.sqlite')));
  const core = createCore(db, { log: silentLogger, passwordLog2N: 10, attachmentsDir: path.join(dir, 'attachments') });
  host = await startHost({ core, port: 0, rendererDir: null, log: silentLogger });
  port = portOf(host.url);
  admin = new CookieClient(port);
  await admin.open(host.token);
  await ok(admin, 'auth.setupAdmin', { username: 'admin', displayName: 'Ada Admin', password: PASSWORD });
  await ok(admin, 'accounts.create', {
    username: 'coord',
    displayName: 'Chen Coordinator',
    role: 'coordinator',
    password: PASSWORD,
  });
  coordinator = new CookieClient(port);
  await coordinator.open(host.token);
  await ok(coordinator, 'auth.signIn', { username: 'coord', password: PASSWORD });
  inquiryId = (await ok<{ id: number }>(coordinator, 'inquiries.create', inquiryInput())).id;
});

afterAll(async () => {
  await host.close();
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('attachments over HTTP', () => {
  let id: number;

  it('accepts an upload larger than the ordinary request limit, for attachments.add only', async () => {
    const input = {
      owner: { kind: 'inquiry', id: inquiryId },
      kind: 'scan_report',
      fileName: FILE_NAME,
      mime: 'application/pdf',
      contentBase64: PDF.toString('base64'),
      note: null,
    };
    const added = await ok<{ id: number; size: number; fileName: string }>(coordinator, 'attachments.add', input);
    expect(added.size).toBe(PDF.length);
    expect(added.fileName).toBe('Скан "МРТ"; 2026.pdf');
    id = added.id;
    // The same body sent to another method is still refused at the ordinary limit.
    const other = await coordinator.call('inquiries.list', input);
    expect(other.status).toBe(413);
  });

  it('downloads the file with the session, as an attachment under its own name', async () => {
    const res = await get(`/attachments/${id}`, { cookie: coordinator.cookieHeader() });
    expect(res.status).toBe(200);
    expect(res.body.equals(PDF)).toBe(true);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-length']).toBe(String(PDF.length));
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['content-security-policy']).toContain('sandbox');
    const disposition = res.headers['content-disposition'] ?? '';
    expect(disposition).toBe(contentDisposition('Скан "МРТ"; 2026.pdf'));
    expect(disposition).toMatch(/^attachment; filename="[ -~]+"; filename\*=UTF-8''[A-Za-z0-9%._~!-]+$/);
    expect(disposition).not.toMatch(/[\r\n]/);
    expect(decodeURIComponent(disposition.split("UTF-8''")[1] ?? '')).toBe('Скан "МРТ"; 2026.pdf');
  });

  it('refuses without a session, without the run token, for the admin, from other sites, and for unknown ids', async () => {
    const runOnly = `sd_run=${encodeURIComponent(host.token)}`;
    const noSession = await get(`/attachments/${id}`, { cookie: runOnly });
    expect(noSession.status).toBe(401);
    expect(noSession.body.toString()).toMatch(/sign in/);
    expect(noSession.body.equals(PDF)).toBe(false);

    const sessionOnly = coordinator
      .cookieHeader()
      .split('; ')
      .filter((c) => !c.startsWith('sd_run='))
      .join('; ');
    expect((await get(`/attachments/${id}`, { cookie: sessionOnly })).status).toBe(401);
    expect((await get(`/attachments/${id}`, { cookie: admin.cookieHeader() })).status).toBe(403);
    expect(
      (await get(`/attachments/${id}`, { cookie: coordinator.cookieHeader(), 'sec-fetch-site': 'cross-site' })).status,
    ).toBe(403);
    expect((await get('/attachments/9999', { cookie: coordinator.cookieHeader() })).status).toBe(404);
    expect((await get('/attachments/..%2Fstrokedesk.sqlite', { cookie: coordinator.cookieHeader() })).status).toBe(404);
  });

  it('answers 404 once the attachment is removed', async () => {
    await ok(coordinator, 'attachments.remove', { id });
    expect((await get(`/attachments/${id}`, { cookie: coordinator.cookieHeader() })).status).toBe(404);
  });
});

describe('contentDisposition', () => {
  it('keeps ASCII names readable and escapes what could break the header', () => {
    expect(contentDisposition('scan.pdf')).toBe(`attachment; filename="scan.pdf"; filename*=UTF-8''scan.pdf`);
    expect(contentDisposition('a"b\\c;d%e.pdf')).toBe(
      `attachment; filename="a_b_c_d_e.pdf"; filename*=UTF-8''a%22b%5Cc%3Bd%25e.pdf`,
    );
    expect(contentDisposition("it's (1).pdf")).toBe(
      `attachment; filename="it's (1).pdf"; filename*=UTF-8''it%27s%20%281%29.pdf`,
    );
  });
});
