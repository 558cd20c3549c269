// IPC: one 'api' channel that checks its sender and calls dispatch, plus opening an attachment in the system's viewer
// and printing the window (the ward list) to a PDF the person saves, and the folder picker (backups' second folder).
import { rmSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { BrowserWindow, app, dialog, ipcMain, shell, type IpcMainInvokeEvent } from 'electron';
import { dispatch } from '../../db/api/dispatch';
import { rememberStartLanguage } from '../../db/app/start-language';
import type { Envelope } from '../../db/contract';
import { openFile } from '../../db/services/attachments';
import type { SessionHolder } from '../../db/services/context';
import type { Core } from '../../db/services/core';
import { DomainError } from '../../db/services/errors';
import { IPC_CHANNELS, isTrustedSender, viewerFileName } from './policies';

const refused: Envelope<never> = {
  ok: false,
  error: { code: 'FORBIDDEN', message: 'This window may not call StrokeDesk.', details: null },
};

/** `dataDir` keeps the language an account chooses, for the next start's native date inputs. */
export function registerIpc(core: Core, dataDir: string): void {
  // One sign-in session per window; it ends when the window goes away.
  const sessions = new Map<number, SessionHolder>();
  const sessionFor = (event: IpcMainInvokeEvent): SessionHolder => {
    const id = event.sender.id;
    let holder = sessions.get(id);
    if (!holder) {
      const created: SessionHolder = { token: null };
      sessions.set(id, created);
      event.sender.once('destroyed', () => {
        core.sessions.close(created.token);
        sessions.delete(id);
      });
      holder = created;
    }
    return holder;
  };
  const trusted = (event: IpcMainInvokeEvent) => isTrustedSender(event.senderFrame?.url ?? null);

  ipcMain.handle(IPC_CHANNELS.api, async (event, method: unknown, input: unknown) => {
    if (!trusted(event) || typeof method !== 'string') return refused;
    const answer = await dispatch(core, sessionFor(event), method, input);
    rememberStartLanguage(dataDir, method, answer);
    return answer;
  });

  // Viewers need a real file under the person's own name: private copies in one folder of this run, removed at quit.
  let openRoot: string | null = null;
  app.once('will-quit', () => {
    if (openRoot) rmSync(openRoot, { recursive: true, force: true, maxRetries: 2 });
  });
  ipcMain.handle(IPC_CHANNELS.openAttachment, async (event, id: unknown): Promise<Envelope<null>> => {
    if (!trusted(event) || typeof id !== 'number' || !Number.isInteger(id) || id <= 0) return refused;
    try {
      const file = openFile(core, sessionFor(event).token, id);
      openRoot ??= await fs.mkdtemp(path.join(os.tmpdir(), 'strokedesk-open-'));
      // A folder per opening, so two attachments with the same name never overwrite each other's copy.
      const folder = await fs.mkdtemp(path.join(openRoot, 'a-'));
      const target = path.join(folder, viewerFileName(file.fileName, file.mime));
      await fs.copyFile(file.path, target);
      // Read-only: edits in the viewer cannot look as if they changed the record.
      await fs.chmod(target, 0o400);
      const problem = await shell.openPath(target);
      if (problem)
        return {
          ok: false,
          error: { code: 'FILE_STORE', message: 'No program on this computer could open the file.', details: null },
        };
      return { ok: true, value: null };
    } catch (err) {
      if (err instanceof DomainError)
        return { ok: false, error: { code: err.code, message: err.message, details: null } };
      core.log.error('open attachment failed', err, { attachmentId: id });
      return {
        ok: false,
        error: { code: 'FILE_STORE', message: 'The file could not be copied for the viewer.', details: null },
      };
    }
  });

  // The page's print stylesheet decides the paper (A4 landscape, no app chrome): preferCSSPageSize honours it.
  ipcMain.handle(IPC_CHANNELS.printToPdf, async (event, title: unknown): Promise<Envelope<string | null>> => {
    if (!trusted(event) || typeof title !== 'string') return refused;
    const pdf = await event.sender.printToPDF({ printBackground: true, preferCSSPageSize: true });
    const owner = BrowserWindow.fromWebContents(event.sender);
    const name = `${
      title
        .replace(/[\\/:*?"<>|]+/g, ' ')
        .trim()
        .slice(0, 80) || 'ward-list'
    }.pdf`;
    const options = { defaultPath: path.join(app.getPath('documents'), name) };
    const chosen = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
    if (chosen.canceled || !chosen.filePath) return { ok: true, value: null };
    await fs.writeFile(chosen.filePath, pdf);
    return { ok: true, value: chosen.filePath };
  });

  // Only a path comes back: the core checks the folder (exists, writable) when the admin saves it.
  ipcMain.handle(IPC_CHANNELS.chooseFolder, async (event): Promise<Envelope<string | null>> => {
    if (!trusted(event)) return refused;
    const owner = BrowserWindow.fromWebContents(event.sender);
    const options = { properties: ['openDirectory', 'createDirectory'] as ('openDirectory' | 'createDirectory')[] };
    const chosen = owner ? await dialog.showOpenDialog(owner, options) : await dialog.showOpenDialog(options);
    const folder = chosen.filePaths[0];
    return { ok: true, value: chosen.canceled || !folder ? null : folder };
  });
}
