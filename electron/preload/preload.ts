// The preload: exposes invoke(method, input), openAttachment(id), printToPdf(title) and chooseFolder() only: no raw
// ipcRenderer, no free channels.
import { contextBridge, ipcRenderer } from 'electron';
import { BRIDGE_GLOBAL, type DesktopBridge } from '../../db/contract/bridge';
import type { Envelope } from '../../db/contract/common';

// Kept literal here (not imported from main/) so the bundled preload carries no main-process code.
const bridge: DesktopBridge = {
  invoke: (method, input) => ipcRenderer.invoke('api', method, input) as Promise<Envelope<unknown>>,
  openAttachment: (id) => ipcRenderer.invoke('os:openAttachment', id) as Promise<Envelope<null>>,
  printToPdf: (title) => ipcRenderer.invoke('os:printToPdf', title) as Promise<Envelope<string | null>>,
  chooseFolder: () => ipcRenderer.invoke('os:chooseFolder') as Promise<Envelope<string | null>>,
};

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, bridge);
