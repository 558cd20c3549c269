// How the screens are served, for both transports (Electron's app:// and the loopback host): CSP, headers, types, path guard.
import fs from 'node:fs';
import path from 'node:path';

/** No inline code, no remote content, no framing: the renderer loads only its own built files. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  // The hash is of the empty string: it admits an empty <style> element and nothing else. FullCalendar inserts one and
  // fills it through the CSSOM (insertRule), which CSP does not govern; any text inside a <style> is still refused.
  "style-src 'self' 'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Sent with every page and file of the screens, whichever transport serves them. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'x-frame-options': 'DENY',
};

export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

export const contentType = (file: string): string =>
  CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';

/**
 * The file under `root` that a URL path names, or null for anything that could step outside it: malformed or encoded
 * escapes that decode to `..`, NUL, backslashes, dot-segments and dotfiles, drive letters. '/' answers `root` itself.
 */
export function resolveStatic(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const segments = decoded.split('/').filter((s) => s !== '');
  if (segments.some((s) => s.startsWith('.') || /^[a-zA-Z]:/.test(s))) return null;
  const rootResolved = path.resolve(root);
  const full = path.resolve(rootResolved, ...segments);
  if (full !== rootResolved && !full.startsWith(rootResolved + path.sep)) return null;
  return full;
}

/**
 * What to send for a URL path: the file itself when it exists, index.html for an extensionless path (screens are
 * client-side routes), null (404) for a refused path or a missing file that has an extension.
 */
export function staticFile(root: string, urlPath: string): string | null {
  const file = resolveStatic(root, urlPath);
  if (file === null) return null;
  if (isFile(file)) return file;
  return path.extname(file) === '' ? path.join(path.resolve(root), 'index.html') : null;
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}
