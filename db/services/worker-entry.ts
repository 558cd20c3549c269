// A worker thread's entry: opens its own read-only connection to the records file and runs one task on it.
import { parentPort, workerData } from 'node:worker_threads';
import type { Backup } from '../contract/backups';
import { readable } from '../sqlite/handles';
import { type ChainCheck, verifyRange } from './audit-range';
import { copyAndVerify, type CopyResult, finishBackup, openReadOnly, type ReportProgress } from './backup-copy';
import type { WorkerMessage } from './worker-jobs';

/** Every task a worker can run: its input and its result (both plain data: they cross by structured clone). */
export interface WorkerTasks {
  'audit.verifyRange': {
    input: { file: string; afterId: number; previousHash: string; throughId: number };
    output: ChainCheck;
  };
  /** The online copy of the records into `dir` (read-only: a backup only reads its source), verified. */
  'backup.copy': {
    input: { file: string; attachmentsDir: string | null; root: string; dir: string };
    output: CopyResult;
  };
  /** The second copy, the manifest and the prune of a backup made by 'backup.copy' (times from the caller's clock). */
  'backup.finish': {
    input: {
      root: string;
      secondFolder: string | null;
      base: Omit<Backup, 'finishedAt' | 'secondCopy'>;
      finishedAt: string;
    };
    output: Backup;
  };
}

type Start = {
  [K in keyof WorkerTasks]: { task: K; input: WorkerTasks[K]['input']; nativeBinding: string | null };
}[keyof WorkerTasks];

const post = (m: WorkerMessage) => parentPort?.postMessage(m);
const report: ReportProgress = (phase, done, total) => post({ type: 'progress', phase, done, total });

/** Runs `work` on a read-only connection of the worker's own, closed after it. */
async function withFile<T>(
  file: string,
  nativeBinding: string | null,
  work: (db: ReturnType<typeof openReadOnly>) => T,
) {
  const db = openReadOnly(file, nativeBinding);
  try {
    db.pragma('busy_timeout = 5000');
    return await work(db);
  } finally {
    db.close();
  }
}

async function run(start: Start): Promise<unknown> {
  const nb = start.nativeBinding;
  switch (start.task) {
    case 'audit.verifyRange': {
      const i = start.input;
      return withFile(i.file, nb, (db) => verifyRange(readable(db), i.afterId, i.previousHash, i.throughId));
    }
    case 'backup.copy': {
      const i = start.input;
      return withFile(i.file, nb, (db) => copyAndVerify(db, i.attachmentsDir, i.root, i.dir, report, nb));
    }
    case 'backup.finish': {
      const i = start.input;
      return finishBackup(i.root, i.secondFolder, i.base, i.finishedAt, report, nb);
    }
  }
}

run(workerData as Start).then(
  (value) => post({ type: 'done', value }),
  (err: unknown) => {
    const code = (err as { code?: unknown }).code;
    post({
      type: 'failed',
      message: err instanceof Error ? err.message : String(err),
      code: typeof code === 'string' ? code : null,
    });
  },
);
