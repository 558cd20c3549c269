// The loopback HTTP host: 127.0.0.1 only, Host/Origin checks, a per-run token, JSON POSTs to /api/<method>, the renderer under a strict CSP.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { dispatch } from '../api/dispatch';
import { contentType, SECURITY_HEADERS, staticFile } from '../app/web-policy';
import { MAX_ATTACHMENT_BASE64, MAX_IMPORT_BODY } from '../contract';
import { openFile } from '../services/attachments';
import type { Core, Logger } from '../services/core';
import type { SessionHolder } from '../services/context';
import { DomainError } from '../services/errors';

/** Said when the address was opened without its run token: the fix is the printed address, not a restart. */
const NO_TOKEN = 'Open StrokeDesk with the address its start command printed (it ends in ?token=…).';

const MAX_BODY = 5 * 1024 * 1024;
/** Only an attachment upload carries a file (as base64, inside JSON): it alone may be that large. */
const MAX_ATTACHMENT_BODY = MAX_ATTACHMENT_BASE64 + 64 * 1024;
// A web-form export travels as text inside JSON too (see MAX_IMPORT_BODY).
const bodyLimit = (method: string) =>
  method === 'attachments.add' ? MAX_ATTACHMENT_BODY : method === 'imports.stage' ? MAX_IMPORT_BODY : MAX_BODY;
const RUN_COOKIE = 'sd_run';
const SESSION_COOKIE = 'sd_session';

export interface HostOptions {
  core: Core;
  port?: number;
  rendererDir: string | null;
  token?: string;
  log?: Logger;
}

export interface RunningHost {
  url: string;
  token: string;
  openUrl: string;
  /** Stops taking connections; calls under way get up to `graceMs` to answer before their connections are cut. */
  close(graceMs?: number): Promise<void>;
}

export function parseCookies(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0) out[part.slice(0, eq).trim()] = safeDecode(part.slice(eq + 1).trim()) ?? '';
  }
  return out;
}

/** decodeURIComponent that answers null for malformed escapes instead of throwing inside a request handler. */
function safeDecode(s: string): string | null {
  try {
    return decodeURIComponent(s);
  } catch {
    return null;
  }
}

const sameSecret = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

const cookie = (name: string, value: string, maxAge?: number) =>
  `${name}=${encodeURIComponent(value)}; HttpOnly; SameSite=Strict; Path=/${maxAge === undefined ? '' : `; Max-Age=${maxAge}`}`;

/**
 * `attachment` with the original name: an ASCII fallback for old clients and the exact name in RFC 5987 form, so quotes,
 * semicolons, line breaks or non-Latin letters in a file name can never break out of the header.
 */
export function contentDisposition(fileName: string): string {
  const fallback =
    [...fileName].map((c) => (c >= ' ' && c <= '~' && !'"\\%;'.includes(c) ? c : '_')).join('') || 'attachment';
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

const DOWNLOAD_STATUS: Partial<Record<string, number>> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404 };

/** The request body, or null once it passes `limit` (the rest is left unread). */
function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    req.on('data', (chunk: Buffer) => {
      if (settled) return;
      size += chunk.length;
      if (size > limit) {
        settled = true;
        req.pause();
        resolve(null);
      } else chunks.push(chunk);
    });
    req.on('end', () => {
      if (!settled) resolve(Buffer.concat(chunks));
      settled = true;
    });
    req.on('error', (err) => {
      if (!settled) reject(err);
      settled = true;
    });
  });
}

export function startHost(options: HostOptions): Promise<RunningHost> {
  const { core } = options;
  const log = options.log ?? core.log;
  const token = options.token ?? randomBytes(24).toString('base64url');
  let port = 0;

  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const allowedOrigins = () => new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);

  const send = (res: http.ServerResponse, status: number, body: string, headers: Record<string, string> = {}) => {
    // A length, not chunks: the browser knows the answer is whole when its last byte arrives, with no end marker to wait on.
    const length = String(Buffer.byteLength(body));
    res.writeHead(status, { ...SECURITY_HEADERS, 'cache-control': 'no-store', 'content-length': length, ...headers });
    res.end(body);
  };
  const sendJson = (res: http.ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}) =>
    send(res, status, JSON.stringify(value), { 'content-type': 'application/json; charset=utf-8', ...headers });
  const transportError = (res: http.ServerResponse, status: number, message: string) =>
    sendJson(res, status, { ok: false, error: { code: 'TRANSPORT', message, details: null } });

  // Answer before the body is read, then drop the connection: reading 5 MiB+ of junk is what the limit is there to avoid.
  const tooLarge = (req: http.IncomingMessage, res: http.ServerResponse) => {
    res.setHeader('connection', 'close');
    transportError(res, 413, 'The request is too large.');
    res.on('finish', () => req.destroy());
  };

  const handleApi = async (req: http.IncomingMessage, res: http.ServerResponse, method: string) => {
    const received = performance.now();
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedOrigins().has(origin)) {
      return transportError(res, 403, 'Requests from other sites are refused.');
    }
    const cookies = parseCookies(req.headers.cookie);
    const presented =
      cookies[RUN_COOKIE] ??
      (typeof req.headers['x-strokedesk-token'] === 'string' ? req.headers['x-strokedesk-token'] : '');
    if (!presented || !sameSecret(presented, token)) {
      return sendJson(res, 401, { ok: false, error: { code: 'HOST_TOKEN', message: NO_TOKEN, details: null } });
    }
    const mediaType = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
    if (mediaType !== 'application/json') return transportError(res, 415, 'Send JSON.');

    const limit = bodyLimit(method);
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) return tooLarge(req, res);
    const body = await readBody(req, limit);
    if (body === null) return tooLarge(req, res);
    let input: unknown;
    try {
      input = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
    } catch {
      return transportError(res, 400, 'The request is not valid JSON.');
    }
    const before = cookies[SESSION_COOKIE] ?? null;
    const holder: SessionHolder = { token: before };
    const started = performance.now();
    const envelope = await dispatch(core, holder, method, input);
    const done = performance.now();
    // The core's time and the host's (body read to answer), so a browser-side measurement (Resource Timing) can tell
    // them apart from the transport. Durations only: nothing about the request itself.
    const timing = `core;dur=${(done - started).toFixed(1)}, host;dur=${(done - received).toFixed(1)}`;
    const headers: Record<string, string> = { 'server-timing': timing };
    if (holder.token !== before)
      headers['set-cookie'] = holder.token ? cookie(SESSION_COOKIE, holder.token) : cookie(SESSION_COOKIE, '', 0);
    sendJson(res, 200, envelope, headers);
  };

  /** GET /attachments/<id>: the same run token and session as /api, then the file itself, never rendered inline. */
  const handleAttachment = (req: http.IncomingMessage, res: http.ServerResponse, idText: string) => {
    const text = (status: number, body: string) =>
      send(res, status, body, { 'content-type': 'text/plain; charset=utf-8' });
    const site = req.headers['sec-fetch-site'];
    if (site !== undefined && site !== 'same-origin' && site !== 'none')
      return text(403, 'Requests from other sites are refused.');
    const cookies = parseCookies(req.headers.cookie);
    const presented =
      cookies[RUN_COOKIE] ??
      (typeof req.headers['x-strokedesk-token'] === 'string' ? req.headers['x-strokedesk-token'] : '');
    if (!presented || !sameSecret(presented, token)) return text(401, NO_TOKEN);
    const id = /^[1-9]\d{0,15}$/.test(idText) ? Number(idText) : null;
    if (id === null) return text(404, 'Not found');
    let fd: number;
    let file: { fileName: string; mime: string };
    try {
      const found = openFile(core, cookies[SESSION_COOKIE] ?? null, id);
      // Opened at once: a removal that deletes the file while this answer streams cannot cut it short.
      fd = fs.openSync(found.path, 'r');
      file = found;
    } catch (err) {
      if (err instanceof DomainError) return text(DOWNLOAD_STATUS[err.code] ?? 500, err.message);
      log.error('attachment download failed', err, { attachmentId: id });
      return text(500, 'The file could not be read.');
    }
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      // A file from outside is never run as a page here, whatever it contains.
      'content-security-policy': "default-src 'none'; sandbox",
      'content-type': file.mime,
      'content-length': String(fs.fstatSync(fd).size),
      'content-disposition': contentDisposition(file.fileName),
      'cache-control': 'no-store',
    });
    if (req.method === 'HEAD') {
      fs.closeSync(fd);
      return res.end();
    }
    fs.createReadStream('', { fd }).pipe(res);
  };

  const handleStatic = (req: http.IncomingMessage, res: http.ServerResponse, urlPath: string) => {
    const root = options.rendererDir;
    const index = root ? path.join(path.resolve(root), 'index.html') : null;
    if (!root || !index || !fs.existsSync(index)) {
      return send(res, 503, 'The StrokeDesk screens are not built yet. Run: npm run build:renderer', {
        'content-type': 'text/plain; charset=utf-8',
      });
    }
    const target = staticFile(root, urlPath);
    if (target === null) return send(res, 404, 'Not found', { 'content-type': 'text/plain; charset=utf-8' });
    const type = contentType(target);
    const cache = target === index ? 'no-store' : 'no-cache';
    res.writeHead(200, { ...SECURITY_HEADERS, 'content-type': type, 'cache-control': cache });
    if (req.method === 'HEAD') return res.end();
    fs.createReadStream(target).pipe(res);
  };

  const server = http.createServer((req, res) => {
    const started = performance.now();
    if (!allowedHosts().has(req.headers.host ?? '')) return transportError(res, 403, 'Unexpected Host header.');
    // Prefixing keeps an absolute-form or `//host` request target from being read as another origin.
    const url = new URL(`http://127.0.0.1:${port}/${(req.url ?? '/').replace(/^\/+/, '')}`);
    res.on('finish', () =>
      log.info('http', {
        method: req.method ?? '',
        path: url.pathname.startsWith('/api/') || url.pathname.startsWith('/attachments/') ? url.pathname : 'static',
        status: res.statusCode,
        ms: Math.round(performance.now() - started),
      }),
    );
    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') return transportError(res, 405, 'Use POST.');
      const method = safeDecode(url.pathname.slice('/api/'.length));
      if (method === null) return transportError(res, 404, 'There is no such method.');
      handleApi(req, res, method).catch((err: unknown) => {
        log.error('host failure', err);
        if (!res.headersSent) transportError(res, 500, 'The host failed.');
      });
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return transportError(res, 405, 'Method not allowed.');
    if (url.pathname.startsWith('/attachments/'))
      return handleAttachment(req, res, url.pathname.slice('/attachments/'.length));
    const presented = url.searchParams.get('token');
    if (presented !== null) {
      if (!sameSecret(presented, token))
        return send(res, 401, 'Wrong token: use the address StrokeDesk printed.', {
          'content-type': 'text/plain; charset=utf-8',
        });
      return send(res, 302, '', { location: '/', 'set-cookie': cookie(RUN_COOKIE, token) });
    }
    handleStatic(req, res, url.pathname);
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      port = (server.address() as AddressInfo).port;
      const url = `http://127.0.0.1:${port}`;
      resolve({
        url,
        token,
        openUrl: `${url}/?token=${token}`,
        close: (graceMs = 0) =>
          new Promise<void>((done) => {
            const cut = setTimeout(() => server.closeAllConnections(), graceMs);
            server.close(() => {
              clearTimeout(cut);
              done();
            });
            // Idle keep-alive connections go now; one with a call under way closes after its answer.
            server.closeIdleConnections();
          }),
      });
    });
  });
}
