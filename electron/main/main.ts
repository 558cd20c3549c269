// The desktop shell's lifecycle: one instance, the records opened in the data folder, one window, quit closes the database.
import path from 'node:path';
import { app, dialog, protocol } from 'electron';
import { countAccounts } from '../../db/repos/accounts';
import { DEMO_SIZE, seedClinic } from '../../db/seed/generate';
import { openDatabase } from '../../db/sqlite/open';
import { type Core, createCore } from '../../db/services/core';
import { registerIpc } from './ipc';
import { APP_SCHEME, nativeBindingPath, resolveDataDir } from './policies';
import { serveAppProtocol } from './protocol';
import { createMainWindow } from './window';

const DB_FILE = 'strokedesk.sqlite';

protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

if (!app.requestSingleInstanceLock()) app.quit();

let core: Core | null = null;

async function start(): Promise<void> {
  const dataDir = resolveDataDir({ argv: process.argv, env: process.env, userDataPath: app.getPath('userData') });
  try {
    const { db } = openDatabase(path.join(dataDir, DB_FILE), { nativeBinding: nativeBindingPath(process.resourcesPath, app.isPackaged) });
    // Development builds check every answer's shape; the packaged app skips the extra parse.
    core = createCore(db, { attachmentsDir: path.join(dataDir, 'attachments'), checkOutputs: !app.isPackaged });
  } catch (err) {
    dialog.showErrorBox('StrokeDesk cannot open its records', err instanceof Error ? err.message : String(err));
    app.quit();
    return;
  }
  if (process.argv.includes('--offer-demo') && countAccounts(core.db) === 0) {
    const result = await seedClinic(core, DEMO_SIZE);
    console.log('Demo accounts (synthetic clinic, no real people):');
    for (const a of result.accounts) console.log(`  ${a.username.padEnd(14)} ${a.role.padEnd(12)} ${a.password}`);
  }
  const rendererRoot = path.join(__dirname, '..', 'renderer');
  serveAppProtocol(rendererRoot);
  registerIpc(core);
  createMainWindow(path.join(__dirname, 'preload.cjs'));
}

app.on('second-instance', () => createMainWindow.focusExisting());
app.whenReady().then(start, (err: unknown) => {
  console.error('StrokeDesk failed to start', err);
  app.quit();
});
app.on('window-all-closed', () => app.quit());
app.on('will-quit', () => {
  core?.db.close();
  core = null;
});
