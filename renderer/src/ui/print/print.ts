// The one printing seam: the desktop window saves the page as a PDF through its bridge; the browser prints its own way.
import { desktopBridge } from '../../api/client';

/** Prints (or saves as PDF) the current page; `title` names the file the desktop window offers to save. */
export async function printDocument(title: string): Promise<void> {
  const bridge = desktopBridge();
  if (bridge?.printToPdf) await bridge.printToPdf(title);
  else window.print();
}
