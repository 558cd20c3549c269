// What the Electron preload exposes to the renderer as `window.strokedesk`: one invoke and a few named OS functions.
import type { Envelope } from './common';

export interface DesktopBridge {
  /** Calls a contract method in the main process; the envelope is the same as over HTTP. */
  invoke(method: string, input: unknown): Promise<Envelope<unknown>>;
  /** Saves text (e.g. a CSV export) through the system's save dialog; resolves false if cancelled. */
  saveFile(suggestedName: string, content: string): Promise<boolean>;
  /** Prints the current window to a PDF through the save dialog. */
  printToPdf(suggestedName: string): Promise<boolean>;
  /** Opens the backups folder in the system's file manager. */
  openBackupsFolder(): Promise<void>;
  /** Opens an attachment in the system's viewer (a private temporary copy under its own name); refusals come as an envelope. */
  openAttachment(id: number): Promise<Envelope<null>>;
}

/** The name of the global the preload sets. */
export const BRIDGE_GLOBAL = 'strokedesk';
