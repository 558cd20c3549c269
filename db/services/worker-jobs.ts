// Runs long work (full audit verification, …) in pooled worker threads with their own SQLite connections, so calls keep
// answering.
import fs from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { WorkerTasks } from './worker-entry';
import { bundleWorkerSource } from './worker-source';

/** What a worker sends: 'ready' once started; for each job, progress any number of times, then a result or a failure. */
export type WorkerMessage =
  | { type: 'ready' }
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
  // Workers started before were given the old entry or binding.
  for (const w of idle.splice(0)) void w.terminate();
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
  const out = bundleWorkerSource(new URL('./worker-entry.ts', import.meta.url), 'worker');
  devEntry = out;
  return out;
}

/**
 * Builds the worker's entry now (from source: tests, the host under tsx) instead of on the first job, whose caller
 * would otherwise wait for esbuild on the thread that answers calls. Nothing to do for a bundled app.
 */
export const prepareWorkers = (): void => void workerScript();

/**
 * Workers kept started between jobs: a start (a V8 isolate, the entry, better-sqlite3) costs ~50–120 ms of CPU per
 * worker (measured), as much as hashing ~80,000 audit entries, and "Verify all" paid it twice per click. Idle ones are
 * unref'd (they never keep the process alive: tests and a Ctrl+C exit as before) and cost only their memory.
 */
const idle: Worker[] = [];
/** At most this many wait idle (the full verification uses two at once); any more finish when their job does. */
let keepIdle = 2;
/** How many `warmWorkers` asked to keep ready (0 until then): a worker lost to a cancel or a crash is replaced. */
let warm = 0;
let busy = 0;
let spawned = 0;
/** Settles when a worker has started and rehearsed (or stopped): `warmWorkers` waits on it. */
const ready = new WeakMap<Worker, Promise<void>>();

/** Tops the pool back up to what `warmWorkers` asked for, after a worker was stopped rather than returned. */
function refill(): void {
  while (idle.length + busy < warm) {
    const worker = startWorker();
    idle.push(worker);
    // Held until started (a moment), so that a caller awaiting `warmWorkers` is not left by an exiting process.
    void ready.get(worker)?.then(() => idle.includes(worker) && worker.unref());
  }
}

function startWorker(): Worker {
  const worker = new Worker(workerScript(), {
    workerData: { nativeBinding: setup.nativeBinding },
    // The entry is plain JavaScript: without this a worker inherits tsx's loader flags and pays a second to start.
    execArgv: [],
  });
  spawned += 1;
  ready.set(
    worker,
    new Promise<void>((resolve) => {
      const onReady = (m: WorkerMessage) => m.type === 'ready' && done();
      const done = () => {
        worker.off('message', onReady);
        worker.off('exit', done);
        resolve();
      };
      worker.on('message', onReady);
      worker.on('exit', done);
    }),
  );
  // An idle worker that fails or stops leaves the pool; a busy one's job hears it through its own listeners.
  const leave = () => {
    const i = idle.indexOf(worker);
    if (i >= 0) idle.splice(i, 1);
  };
  worker.on('error', leave);
  worker.on('exit', leave);
  return worker;
}

/** Back to the pool after a job that settled normally, or finished when the pool is full. */
function release(worker: Worker): void {
  if (idle.length >= keepIdle) {
    void worker.terminate();
    return;
  }
  worker.unref();
  idle.push(worker);
}

/**
 * Starts the pool's workers now (when the app opens its records), so the first long job — an administrator's "Verify
 * all" — does not wait for them. Nothing here blocks: the workers start on their own threads; the promise settles
 * when they are ready (a benchmark waits for it; the app need not).
 */
export function warmWorkers(count = keepIdle): Promise<void> {
  keepIdle = Math.max(keepIdle, count);
  warm = count;
  refill();
  return Promise.all(idle.map((w) => ready.get(w))).then(() => undefined);
}

/** Stops the idle workers (on closing the app, or a test's clean-up); jobs under way finish, then their workers. */
export async function closeWorkers(): Promise<void> {
  warm = 0;
  await Promise.all(idle.splice(0).map((w) => w.terminate()));
}

/** How many workers were started since the process began (tests check that the pool is reused). */
export const workersStarted = (): number => spawned;

/** Runs one task on a pooled worker and settles with its result; progress goes to `onProgress` as it comes. */
export function runInWorker<K extends keyof WorkerTasks>(
  task: K,
  input: WorkerTasks[K]['input'],
  onProgress?: (done: number, total: number, phase?: string) => void,
  /** Stops the worker where it is (a cancelled export): the promise rejects with code `ABORTED`. */
  signal?: AbortSignal,
): Promise<WorkerTasks[K]['output']> {
  const worker = idle.pop() ?? startWorker();
  // While it works, the worker keeps the process alive, as a one-off worker did.
  worker.ref();
  busy += 1;
  return new Promise((resolve, reject) => {
    let settled = false;
    const settle = (f: () => void, reuse: boolean) => {
      if (settled) return;
      settled = true;
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      signal?.removeEventListener('abort', abort);
      busy -= 1;
      if (reuse) release(worker);
      else refill();
      f();
    };
    const onMessage = (m: WorkerMessage) => {
      if (m.type === 'ready') return;
      if (m.type === 'progress') onProgress?.(m.done, m.total, m.phase);
      else if (m.type === 'done') settle(() => resolve(m.value as WorkerTasks[K]['output']), true);
      else settle(() => reject(Object.assign(new Error(m.message), { code: m.code })), true);
    };
    // A worker that threw outside its task, or stopped, is not reused: its state is unknown.
    const onError = (err: Error) => {
      void worker.terminate();
      settle(() => reject(err), false);
    };
    const onExit = (code: number) =>
      settle(() => reject(new Error(`The ${task} worker stopped (exit code ${code}).`)), false);
    const abort = () => {
      void worker.terminate();
      settle(() => reject(Object.assign(new Error(`The ${task} worker was stopped.`), { code: 'ABORTED' })), false);
    };
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    if (signal?.aborted) {
      abort();
      return;
    }
    signal?.addEventListener('abort', abort, { once: true });
    worker.postMessage({ task, input });
  });
}
