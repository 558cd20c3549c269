// Finds the Electron executable, or says why there is none (its binary cannot be downloaded on every machine).
import fs from 'node:fs';
import { createRequire } from 'node:module';

export function electronBinary(): { path: string } | { reason: string } {
  try {
    const exported: unknown = createRequire(import.meta.url)('electron');
    if (typeof exported === 'string' && fs.existsSync(exported)) return { path: exported };
    return { reason: 'the electron package is installed without its binary' };
  } catch {
    return { reason: 'no Electron binary is installed on this machine (its download is not reachable here)' };
  }
}
