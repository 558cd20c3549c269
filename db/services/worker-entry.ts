// A worker thread's entry: opens its own read-only connection to the records file and runs one task on it.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { readable } from '../sqlite/handles';
import { type ChainCheck, verifyRange } from './audit-range';
import type { WorkerMessage } from './worker-jobs';

/** Every task a worker can run: its input and its result (both plain data: they cross by structured clone). */
export interface WorkerTasks {
  'audit.verifyRange': {
    input: { file: string; afterId: number; previousHash: string; throughId: number };
    output: ChainCheck;
  };
}

interface Start {
  task: keyof WorkerTasks;
  input: WorkerTasks[keyof WorkerTasks]['input'];
  nativeBinding: string | null;
}

const post = (m: WorkerMessage) => parentPort?.postMessage(m);

function run(start: Start): unknown {
  const { input, nativeBinding } = start;
  const db = new Database(input.file, {
    readonly: true,
    fileMustExist: true,
    ...(nativeBinding ? { nativeBinding } : {}),
  });
  try {
    db.pragma('busy_timeout = 5000');
    switch (start.task) {
      case 'audit.verifyRange':
        return verifyRange(readable(db), input.afterId, input.previousHash, input.throughId);
    }
  } finally {
    db.close();
  }
}

try {
  post({ type: 'done', value: run(workerData as Start) });
} catch (err) {
  const code = (err as { code?: unknown }).code;
  post({
    type: 'failed',
    message: err instanceof Error ? err.message : String(err),
    code: typeof code === 'string' ? code : null,
  });
}
