// A worker thread's script when running from source (tests, the host or a bench under tsx): the TypeScript entry
// bundled once with esbuild (a dev dependency), as build/bundle-electron.mjs bundles the app's. A worker that compiled
// TypeScript itself would pay seconds at each start. The file goes under build/out so that `better-sqlite3` resolves
// from the project's node_modules, and is named by its content: processes running the same code share one file, and
// nothing piles up per run.
import crypto from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { threadId } from 'node:worker_threads';

/** Bundles `entry` (a URL beside the caller, e.g. `new URL('./x.ts', import.meta.url)`) and returns the file's path. */
export function bundleWorkerSource(entry: URL, prefix: string): string {
  const require = createRequire(import.meta.url);
  const { buildSync } = require('esbuild') as typeof import('esbuild');
  const outDir = fileURLToPath(new URL('../../build/out/worker-dev/', import.meta.url));
  fs.mkdirSync(outDir, { recursive: true });
  const built = buildSync({
    entryPoints: [fileURLToPath(entry)],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    write: false,
    external: ['better-sqlite3'],
    logLevel: 'error',
  });
  const code = built.outputFiles[0]?.contents ?? new Uint8Array();
  const out = path.join(outDir, `${prefix}-${crypto.createHash('sha256').update(code).digest('hex').slice(0, 16)}.cjs`);
  if (!fs.existsSync(out)) {
    const tmp = `${out}.${process.pid}.${threadId}.tmp`;
    fs.writeFileSync(tmp, code);
    fs.renameSync(tmp, out);
  }
  return out;
}
