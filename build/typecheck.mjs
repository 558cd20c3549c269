// Type-checks each folder's project. electron/ needs the electron package's types; where that optional package could not
// be installed (its binary download failed), the check says so loudly instead of failing every other check.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
const electronTypes = path.join(root, 'node_modules', 'electron', 'electron.d.ts');

let failed = false;
for (const project of ['db', 'renderer', 'electron', 'tests']) {
  if (project === 'electron' && !fs.existsSync(electronTypes)) {
    console.log(
      '*** TYPECHECK OF electron/ SKIPPED: the electron package is not installed (install with ELECTRON_SKIP_BINARY_DOWNLOAD=1 to get its types) ***',
    );
    continue;
  }
  const r = spawnSync(process.execPath, [tsc, '-p', project], { cwd: root, stdio: 'inherit' });
  console.log(`typecheck ${project}: ${r.status === 0 ? 'ok' : 'FAILED'}`);
  if (r.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
