// The main window: security settings from policies.ts, navigation, new windows and permissions all denied.
import { BrowserWindow, session, shell } from 'electron';
import { APP_ORIGIN, permissionAllowed, shouldAllowNavigation, windowOptions } from './policies';

let mainWindow: BrowserWindow | null = null;

export function createMainWindow(preloadPath: string): BrowserWindow {
  if (mainWindow && !mainWindow.isDestroyed()) {
    mainWindow.focus();
    return mainWindow;
  }
  session.defaultSession.setPermissionRequestHandler((_wc, permission, callback) =>
    callback(permissionAllowed(permission)),
  );
  session.defaultSession.setPermissionCheckHandler((_wc, permission) => permissionAllowed(permission));

  const win = new BrowserWindow(windowOptions(preloadPath));
  win.webContents.on('will-navigate', (event, url) => {
    if (!shouldAllowNavigation(url)) event.preventDefault();
  });
  win.webContents.on('will-redirect', (event, url) => {
    if (!shouldAllowNavigation(url)) event.preventDefault();
  });
  win.webContents.on('will-attach-webview', (event) => event.preventDefault());
  win.webContents.setWindowOpenHandler(({ url }) => {
    // mailto: links open the person's mail program; nothing else leaves the app.
    if (url.startsWith('mailto:')) void shell.openExternal(url);
    return { action: 'deny' };
  });
  win.once('ready-to-show', () => win.show());
  win.on('closed', () => {
    mainWindow = null;
  });
  void win.loadURL(`${APP_ORIGIN}/index.html`);
  mainWindow = win;
  return win;
}

createMainWindow.focusExisting = (): void => {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
};
