// Runs long work (full audit verification, …) in a worker thread with its own SQLite connection, so calls keep answering.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { WorkerTasks } from './worker-entry';

/** What a worker sends back: progress any number of times, then one result or one failure. */
export type WorkerMessage =
  | { type: 'progress'; done: number; total: number }
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

export const workerNativeBinding = (): string | null => setup.nativeBinding;

/** A worker's own connection needs a file: an in-memory database (some tests) has none, and runs its work inline. */
export const hasFile = (file: string): boolean => file !== '' && file !== ':memory:' && fs.existsSync(file);

function workerScript(): { script: string | URL; evalCode: boolean } {
  if (setup.entry) return { script: setup.entry, evalCode: false };
  // From source (tests, the host under tsx): a two-line bootstrap has tsx load the TypeScript entry in the worker.
  const entry = new URL('./worker-entry.ts', import.meta.url).href;
  // The ESM build of tsx's API (require.resolve finds its CommonJS twin beside it).
  const api = pathToFileURL(
    createRequire(import.meta.url)
      .resolve('tsx/esm/api')
      .replace(/\.cjs$/, '.mjs'),
  ).href;
  const code = `import(${JSON.stringify(api)}).then((tsx) => tsx.tsImport(${JSON.stringify(entry)}, ${JSON.stringify(entry)}))`;
  return { script: code, evalCode: true };
}

/** Starts one worker for one task and settles with its result; progress goes to `onProgress` as it comes. */
export function runInWorker<K extends keyof WorkerTasks>(
  task: K,
  input: WorkerTasks[K]['input'],
  onProgress?: (done: number, total: number) => void,
): Promise<WorkerTasks[K]['output']> {
  const { script, evalCode } = workerScript();
  return new Promise((resolve, reject) => {
    const worker = new Worker(script, {
      eval: evalCode,
      workerData: { task, input, nativeBinding: setup.nativeBinding },
    });
    let settled = false;
    const settle = (f: () => void) => {
      if (settled) return;
      settled = true;
      f();
    };
    worker.on('message', (m: WorkerMessage) => {
      if (m.type === 'progress') onProgress?.(m.done, m.total);
      else if (m.type === 'done') settle(() => resolve(m.value as WorkerTasks[K]['output']));
      else settle(() => reject(Object.assign(new Error(m.message), { code: m.code })));
    });
    worker.on('error', (err) => settle(() => reject(err)));
    worker.on('exit', (code) => settle(() => reject(new Error(`The ${task} worker stopped (exit code ${code}).`))));
  });
}
