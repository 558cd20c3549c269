// The desktop shell's lifecycle: one instance, the records opened in the data folder, one window, quit closes the database.
import path from 'node:path';
import { app, dialog, protocol } from 'electron';
import { bootstrap, closeCore, warmUpInBackground } from '../../db/app/bootstrap';
import { resolveDataDir } from '../../db/app/data-dir';
import { readStartLanguage } from '../../db/app/start-language';
import { type BackupSchedule, startBackupSchedule } from '../../db/services/backup-schedule';
import type { Core } from '../../db/services/core';
import { closeWorkers, configureWorkers } from '../../db/services/worker-jobs';
import { registerIpc } from './ipc';
import { APP_SCHEME, dataDirArg, nativeBindingPath } from './policies';
import { serveAppProtocol } from './protocol';
import { createMainWindow } from './window';

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

if (!app.requestSingleInstanceLock()) app.quit();

let core: Core | null = null;
let schedule: BackupSchedule | null = null;
let quitBackupDone = false;

// --data-dir, then STROKEDESK_DATA_DIR, then Electron's per-user folder.
const dataDir = resolveDataDir(dataDirArg(process.argv), process.env, app.getPath('userData'));
// Native date and time inputs follow Chromium's language, fixed at start: the one the last account chose.
const startLanguage = readStartLanguage(dataDir);
if (startLanguage) app.commandLine.appendSwitch('lang', startLanguage);

async function start(): Promise<void> {
  const nativeBinding = nativeBindingPath(process.resourcesPath, app.isPackaged);
  // Worker threads (long work off this thread) start from the bundled entry beside main.cjs, on the same binding.
  configureWorkers({ entry: path.join(__dirname, 'worker.cjs'), nativeBinding: nativeBinding ?? null });
  try {
    const started = await bootstrap({
      dataDir,
      offerDemo: process.argv.includes('--offer-demo'),
      nativeBinding,
      // Development builds check every answer's shape; the packaged app skips the extra parse.
      checkOutputs: !app.isPackaged,
      say: (line) => console.log(line),
    });
    core = started.core;
    // Daily at the set time while the app runs; the logic and its clock live in db/ (tested there).
    // Not in recovery mode (nothing sound to copy) until an admin's restore has put sound records in place.
    if (started.recovery === null) schedule = startBackupSchedule(core);
    const restored = core;
    started.recovery?.afterRestore.push(() => (schedule = startBackupSchedule(restored)));
  } catch (err) {
    dialog.showErrorBox('StrokeDesk cannot open its records', err instanceof Error ? err.message : String(err));
    app.quit();
    return;
  }
  const rendererRoot = path.join(__dirname, '..', 'renderer');
  serveAppProtocol(rendererRoot);
  registerIpc(core, dataDir);
  createMainWindow(path.join(__dirname, 'preload.cjs'));
  warmUpInBackground(core);
}

app.on('second-instance', () => createMainWindow.focusExisting());
app.whenReady().then(start, (err: unknown) => {
  console.error('StrokeDesk failed to start', err);
  app.quit();
});
app.on('window-all-closed', () => app.quit());
// On quit, a backup if none was made today: the quit waits for it (a small clinic's takes well under a second).
app.on('before-quit', (event) => {
  if (quitBackupDone || !schedule) return;
  event.preventDefault();
  quitBackupDone = true;
  schedule.stop();
  void schedule.beforeQuit().finally(() => app.quit());
});
app.on('will-quit', () => {
  void closeWorkers();
  if (core) closeCore(core);
  core = null;
});
