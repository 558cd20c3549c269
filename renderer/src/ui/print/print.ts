// The one printing seam: the desktop window saves the page as a PDF through its bridge; the browser prints its own way.
import type { PrintedDocument } from '../../../../db/contract';
import { call, desktopBridge } from '../../api/client';

/** Prints (or saves as PDF) the current page; `title` names the file the desktop window offers to save. */
export async function printDocument(title: string): Promise<void> {
  const bridge = desktopBridge();
  if (bridge?.printToPdf) await bridge.printToPdf(title);
  else window.print();
}

/**
 * Records who printed what in the audit log first, then prints: a print the log cannot record does not happen (the
 * rejection reaches the caller, which says why).
 */
export async function printRecorded(title: string, document: PrintedDocument): Promise<void> {
  await call('audit.recordPrint', document);
  await printDocument(title);
}
