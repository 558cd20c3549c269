// The shell's security policies as plain functions (no Electron import), so tests run them where no Electron binary exists.
import path from 'node:path';

export const APP_SCHEME = 'app';
export const APP_HOST = 'strokedesk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** The BrowserWindow options: the renderer is untrusted and gets no Node, only the preload's bridge. */
export function windowOptions(preloadPath: string) {
  return {
    width: 1440,
    height: 900,
    minWidth: 1100,
    minHeight: 700,
    show: false,
    title: 'StrokeDesk',
    backgroundColor: '#f4f6f8',
    autoHideMenuBar: true,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
    },
  } as const;
}

export function isAppUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST;
  } catch {
    return false;
  }
}

/** Only our own pages: no link, drag-and-drop or script may take the window elsewhere. */
export const shouldAllowNavigation = (url: string): boolean => isAppUrl(url);

/** The renderer never needs the camera, notifications, geolocation or any other permission. */
export const permissionAllowed = (_permission: string): boolean => false;

/** IPC is answered only for our own top-level page; a missing frame (navigated away, destroyed) is refused. */
export function isTrustedSender(frameUrl: string | null | undefined): boolean {
  return typeof frameUrl === 'string' && isAppUrl(frameUrl);
}

/** Maps app://strokedesk/<path> to a file under rendererRoot, or null for anything that would step outside it. */
export function resolveAppPath(rendererRoot: string, requestUrl: string): string | null {
  if (!isAppUrl(requestUrl)) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(requestUrl).pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return null;
  const segments = pathname.split('/').filter((s) => s !== '');
  if (segments.some((s) => s === '..' || s === '.' || s.startsWith('.') || /^[a-zA-Z]:$/.test(s))) return null;
  const root = path.resolve(rendererRoot);
  if (segments.length === 0) return path.join(root, 'index.html');
  const full = path.resolve(root, ...segments);
  if (!full.startsWith(root + path.sep)) return null;
  // Screens are hash routes, but an extensionless path still gets the app rather than an error.
  return path.extname(full) === '' ? path.join(root, 'index.html') : full;
}

export const CONTENT_TYPES: Record<string, string> = {
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

export const contentType = (file: string): string => CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';

/** --data-dir, then STROKEDESK_DATA_DIR, then Electron's per-user folder. */
export function resolveDataDir(o: { argv: readonly string[]; env: Record<string, string | undefined>; userDataPath: string }): string {
  const i = o.argv.indexOf('--data-dir');
  const fromArg = i >= 0 ? o.argv[i + 1] : o.argv.find((a) => a.startsWith('--data-dir='))?.slice('--data-dir='.length);
  const chosen = fromArg || o.env.STROKEDESK_DATA_DIR || o.userDataPath;
  return path.resolve(chosen);
}

/** Packaged, better-sqlite3's Electron-ABI binary sits unpacked beside the asar; in development the default load works. */
export function nativeBindingPath(resourcesPath: string, isPackaged: boolean): string | undefined {
  return isPackaged ? path.join(resourcesPath, 'app.asar.unpacked', 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node') : undefined;
}

/** The fixed IPC channels; the preload exposes nothing else. */
export const IPC_CHANNELS = { api: 'api', openAttachment: 'os:openAttachment' } as const;

/** The extensions a viewer recognises for each attachable type; the first is the one added when a name has none. */
const VIEWER_EXTENSIONS: Record<string, readonly string[]> = {
  'application/pdf': ['.pdf'],
  'image/png': ['.png'],
  'image/jpeg': ['.jpg', '.jpeg'],
  'image/webp': ['.webp'],
  'image/tiff': ['.tif', '.tiff'],
};
const NOT_IN_FILE_NAMES = '<>:"/\\|?*\u007f';
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i;

/**
 * The name of the temporary copy handed to the system viewer: the person's own file name, made safe on every platform
 * (no path parts, no characters Windows forbids, no reserved device names), ending in an extension its type is known
 * by so the system picks the right viewer.
 */
export function viewerFileName(fileName: string, mime: string): string {
  const known = VIEWER_EXTENSIONS[mime] ?? [];
  const base = path.basename(fileName.replace(/\\/g, '/'));
  const cleaned = [...base].map((c) => (c < ' ' || NOT_IN_FILE_NAMES.includes(c) ? '_' : c)).join('').replace(/^[. ]+|[. ]+$/g, '');
  const ext = path.extname(cleaned);
  const fits = known.includes(ext.toLowerCase());
  let stem = fits ? cleaned.slice(0, -ext.length) : cleaned;
  if (stem === '') stem = 'attachment';
  else if (WINDOWS_RESERVED.test(stem.split('.')[0] ?? '')) stem = `attachment-${stem}`;
  return `${stem.slice(0, 120)}${fits ? ext : (known[0] ?? '')}`;
}
