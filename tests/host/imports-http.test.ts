// The host lets a web-form export through to `imports.stage` (larger than other bodies), and still refuses beyond that.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_IMPORT_BODY } from '../../db/contract';
import { type RunningHost, startHost } from '../../db/host/server';
import { createCore, silentLogger } from '../../db/services/core';
import { openDatabase } from '../../db/sqlite/open';
import { portOf, rawRequest } from './http-client';

let dir = '';
let host: RunningHost;
let db: Database;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'strokedesk-import-http-'));
  db = openDatabase(path.join(dir, 'test.sqlite')).db;
  host = await startHost({
    core: createCore(db, { log: silentLogger, passwordLog2N: 10 }),
    port: 0,
    rendererDir: null,
    log: silentLogger,
  });
});

afterAll(async () => {
  await host.close();
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const post = (method: string, body: string) =>
  rawRequest(portOf(host.url), {
    method: 'POST',
    path: `/api/${method}`,
    headers: { 'content-type': 'application/json', 'x-strokedesk-token': host.token },
    body,
  });

describe('imports.stage over HTTP', () => {
  it('reads a body past the usual 5 MB for imports.stage only, up to its own limit', async () => {
    const body = JSON.stringify({ fileName: 'big.csv', format: 'csv', text: 'x'.repeat(8 * 1024 * 1024) });
    const staged = await post('imports.stage', body);
    // Read and dispatched (and refused for want of a sign-in), not cut off as too large.
    expect(staged.status).toBe(200);
    expect(JSON.parse(staged.body)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect((await post('inquiries.list', body)).status).toBe(413);
    const tooBig = JSON.stringify({ text: 'x'.repeat(MAX_IMPORT_BODY) });
    expect((await post('imports.stage', tooBig)).status).toBe(413);
  });
});
