// Runs long work (full audit verification, …) in a worker thread with its own SQLite connection, so calls keep answering.
import crypto from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { threadId, Worker } from 'node:worker_threads';
import type { WorkerTasks } from './worker-entry';

/** What a worker sends back: progress any number of times, then one result or one failure. */
export type WorkerMessage =
  | { type: 'progress'; done: number; total: number; phase?: string }
  | { type: 'done'; value: unknown }
  | { type: 'failed'; message: string; code: string | null };

export interface WorkerSetup {
  /** The worker's script: the bundled `worker.cjs` in the desktop app; by default the TypeScript source (via tsx). */
  entry: string | null;
  /** better-sqlite3's native module for the running ABI (Electron's, when packaged), as `openDatabase` takes it. */
  nativeBinding: string | null;
}

const setup: WorkerSetup = { entry: null, nativeBinding: null };

/** Called once at start by a shell whose code is bundled (the desktop app), before any job runs. */
export function configureWorkers(o: Partial<WorkerSetup>): void {
  if (o.entry !== undefined) setup.entry = o.entry;
  if (o.nativeBinding !== undefined) setup.nativeBinding = o.nativeBinding;
}

/** A worker's own connection needs a file: an in-memory database (some tests) has none, and runs its work inline. */
export const hasFile = (file: string): boolean => file !== '' && file !== ':memory:' && fs.existsSync(file);

let devEntry: string | null = null;

/**
 * From source (tests, the host under tsx) the entry is bundled once per process with esbuild (a dev dependency), the
 * same way build/bundle-electron.mjs bundles it for the app: a worker that compiled TypeScript itself would pay
 * seconds at each start. It goes under build/out so that `better-sqlite3` resolves from the project's node_modules.
 */
function workerScript(): string {
  if (setup.entry) return setup.entry;
  if (devEntry) return devEntry;
  const require = createRequire(import.meta.url);
  const { buildSync } = require('esbuild') as typeof import('esbuild');
  const source = fileURLToPath(new URL('./worker-entry.ts', import.meta.url));
  const outDir = fileURLToPath(new URL('../../build/out/worker-dev/', import.meta.url));
  fs.mkdirSync(outDir, { recursive: true });
  const built = buildSync({
    entryPoints: [source],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    write: false,
    external: ['better-sqlite3'],
    logLevel: 'error',
  });
  const code = built.outputFiles[0]?.contents ?? new Uint8Array();
  // Named by content: processes running the same code share one file, and nothing piles up per run.
  const out = path.join(outDir, `worker-${crypto.createHash('sha256').update(code).digest('hex').slice(0, 16)}.cjs`);
  if (!fs.existsSync(out)) {
    const tmp = `${out}.${process.pid}.${threadId}.tmp`;
    fs.writeFileSync(tmp, code);
    fs.renameSync(tmp, out);
  }
  devEntry = out;
  return out;
}

/**
 * Builds the worker's entry now (from source: tests, the host under tsx) instead of on the first job, whose caller
 * would otherwise wait for esbuild on the thread that answers calls. Nothing to do for a bundled app.
 */
export const prepareWorkers = (): void => void workerScript();

/** Starts one worker for one task and settles with its result; progress goes to `onProgress` as it comes. */
export function runInWorker<K extends keyof WorkerTasks>(
  task: K,
  input: WorkerTasks[K]['input'],
  onProgress?: (done: number, total: number, phase?: string) => void,
  /** Stops the worker where it is (a cancelled export): the promise rejects with code `ABORTED`. */
  signal?: AbortSignal,
): Promise<WorkerTasks[K]['output']> {
  const script = workerScript();
  return new Promise((resolve, reject) => {
    const worker = new Worker(script, {
      workerData: { task, input, nativeBinding: setup.nativeBinding },
      // The entry is plain JavaScript: without this a worker inherits tsx's loader flags and pays a second to start.
      execArgv: [],
    });
    let settled = false;
    const settle = (f: () => void) => {
      if (settled) return;
      settled = true;
      f();
    };
    worker.on('message', (m: WorkerMessage) => {
      if (m.type === 'progress') onProgress?.(m.done, m.total, m.phase);
      else if (m.type === 'done') settle(() => resolve(m.value as WorkerTasks[K]['output']));
      else settle(() => reject(Object.assign(new Error(m.message), { code: m.code })));
    });
    const abort = () =>
      settle(() => {
        void worker.terminate();
        reject(Object.assign(new Error(`The ${task} worker was stopped.`), { code: 'ABORTED' }));
      });
    if (signal?.aborted) abort();
    signal?.addEventListener('abort', abort, { once: true });
    worker.on('error', (err) => settle(() => reject(err)));
    worker.on('exit', (code) => settle(() => reject(new Error(`The ${task} worker stopped (exit code ${code}).`))));
  });
}
