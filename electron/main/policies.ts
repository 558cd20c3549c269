// The shell's security policies as plain functions (no Electron import), so tests run them where no Electron binary exists.
import fs from 'node:fs/promises';
import path from 'node:path';
import { contentType, SECURITY_HEADERS, staticFile } from '../../db/app/web-policy';

export const APP_SCHEME = 'app';
export const APP_HOST = 'strokedesk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

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

/** Maps app://strokedesk/<path> to a file under rendererRoot (index.html for a route), or null: elsewhere, refused, missing. */
export function resolveAppPath(rendererRoot: string, requestUrl: string): string | null {
  if (!isAppUrl(requestUrl)) return null;
  return staticFile(rendererRoot, new URL(requestUrl).pathname);
}

/** The app:// protocol's answer: the file with the same CSP and security headers as the host sends, or a 404. */
export async function appProtocolResponse(rendererRoot: string, requestUrl: string): Promise<Response> {
  const file = resolveAppPath(rendererRoot, requestUrl);
  if (file !== null) {
    try {
      const body = await fs.readFile(file);
      return new Response(body, { headers: { ...SECURITY_HEADERS, 'content-type': contentType(file) } });
    } catch {
      // Gone between the check and the read: a 404 like any missing file.
    }
  }
  return new Response('Not found', {
    status: 404,
    headers: { ...SECURITY_HEADERS, 'content-type': 'text/plain; charset=utf-8' },
  });
}

/** The --data-dir value in Electron's argv (`--data-dir DIR` or `--data-dir=DIR`); Chromium's own switches are ignored. */
export function dataDirArg(argv: readonly string[]): string | undefined {
  const i = argv.indexOf('--data-dir');
  return i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith('--data-dir='))?.slice('--data-dir='.length);
}

/** Packaged, better-sqlite3's Electron-ABI binary sits unpacked beside the asar; in development the default load works. */
export function nativeBindingPath(resourcesPath: string, isPackaged: boolean): string | undefined {
  return isPackaged
    ? path.join(
        resourcesPath,
        'app.asar.unpacked',
        'node_modules',
        'better-sqlite3',
        'build',
        'Release',
        'better_sqlite3.node',
      )
    : undefined;
}

/** The fixed IPC channels; the preload exposes nothing else. */
export const IPC_CHANNELS = {
  api: 'api',
  openAttachment: 'os:openAttachment',
  printToPdf: 'os:printToPdf',
  chooseFolder: 'os:chooseFolder',
} as const;

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
  const cleaned = [...base]
    .map((c) => (c < ' ' || NOT_IN_FILE_NAMES.includes(c) ? '_' : c))
    .join('')
    .replace(/^[. ]+|[. ]+$/g, '');
  const ext = path.extname(cleaned);
  const fits = known.includes(ext.toLowerCase());
  let stem = fits ? cleaned.slice(0, -ext.length) : cleaned;
  if (stem === '') stem = 'attachment';
  else if (WINDOWS_RESERVED.test(stem.split('.')[0] ?? '')) stem = `attachment-${stem}`;
  return `${stem.slice(0, 120)}${fits ? ext : (known[0] ?? '')}`;
}
