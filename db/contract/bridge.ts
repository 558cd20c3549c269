// What the Electron preload exposes to the renderer as `window.strokedesk`: one invoke and a few named OS functions.
import type { Envelope } from './common';

export interface DesktopBridge {
  /** Calls a contract method in the main process; the envelope is the same as over HTTP. */
  invoke(method: string, input: unknown): Promise<Envelope<unknown>>;
  /** Opens an attachment in the system's viewer (a private temporary copy under its own name); refusals come as an envelope. */
  openAttachment(id: number): Promise<Envelope<null>>;
  /**
   * Prints the current window to a PDF the person saves (the ward list); optional, so a bridge without it falls back
   * to the browser's print dialog. Resolves to the saved file's path, or null when the save was cancelled.
   */
  printToPdf?(title: string): Promise<Envelope<string | null>>;
  /**
   * The system's folder picker (the backups' second folder); optional, so the browser host shows only the text field.
   * Resolves to the chosen folder's full path, or null when the person cancelled.
   */
  chooseFolder?(): Promise<Envelope<string | null>>;
}

/** The name of the global the preload sets. */
export const BRIDGE_GLOBAL = 'strokedesk';
