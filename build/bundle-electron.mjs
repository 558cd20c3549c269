// Bundles the Electron main process, its worker threads' entry and the preload with esbuild into build/out/electron.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Builds both bundles into `outdir`; returns esbuild's metafiles so tests can check what went in. */
export async function bundleElectron(outdir = path.join(root, 'build', 'out', 'electron')) {
  const common = {
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: true,
    logLevel: 'warning',
    metafile: true,
  };
  const main = await build({
    ...common,
    entryPoints: [path.join(root, 'electron', 'main', 'main.ts')],
    outfile: path.join(outdir, 'main.cjs'),
    // better-sqlite3 loads a native module: it ships beside the bundle (unpacked from the asar when packaged).
    external: ['electron', 'better-sqlite3'],
    // worker-jobs.ts reads import.meta only when no bundled worker entry is configured (source runs); main.ts sets one.
    logOverride: { 'empty-import-meta': 'silent' },
  });
  // Long work (full audit verification, …) runs in worker threads started from this file (db/services/worker-jobs.ts).
  const worker = await build({
    ...common,
    entryPoints: [path.join(root, 'db', 'services', 'worker-entry.ts')],
    outfile: path.join(outdir, 'worker.cjs'),
    external: ['better-sqlite3'],
  });
  const preload = await build({
    ...common,
    entryPoints: [path.join(root, 'electron', 'preload', 'preload.ts')],
    outfile: path.join(outdir, 'preload.cjs'),
    // A sandboxed preload may require only 'electron' and a few builtins: everything else is inlined.
    external: ['electron'],
  });
  return { main: main.metafile, preload: preload.metafile, worker: worker.metafile };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await bundleElectron();
  console.log('Bundled the desktop shell into build/out/electron');
}
