// A worker thread's entry: opens its own read-only connection to the records file and runs one task on it.
import { parentPort, workerData } from 'node:worker_threads';
import type { Backup } from '../contract/backups';
import type { ExportFile } from '../contract/exports';
import { readable } from '../sqlite/handles';
import Database from 'better-sqlite3';
import { type ChainCheck, verifyRange } from './audit-range';
import type { BackupHead, ReportProgress } from './backup-copy';
import type { ExportPlan } from './export-writer';
import type { WorkerMessage } from './worker-jobs';

/** Every task a worker can run: its input and its result (both plain data: they cross by structured clone). */
export interface WorkerTasks {
  'audit.verifyRange': {
    input: { file: string; afterId: number; previousHash: string; throughId: number };
    output: ChainCheck;
  };
  /**
   * A whole backup: the online copy of the records into `dir` on a read-only connection (a backup only reads its
   * source), verified, then the second copy, manifest and prune. The start comes from the caller's clock; the end is
   * that start plus the time the copy took here (a worker has no clock of the caller's to ask).
   */
  'backup.take': {
    input: {
      file: string;
      attachmentsDir: string | null;
      root: string;
      dir: string;
      secondFolder: string | null;
      head: BackupHead;
    };
    output: Backup;
  };
  /** An export read and serialised on a read-only connection; progress counts patients. Cancel stops the worker. */
  'exports.write': {
    input: { file: string; plan: ExportPlan };
    output: ExportFile[] | null;
  };
}

type Start = {
  [K in keyof WorkerTasks]: { task: K; input: WorkerTasks[K]['input']; nativeBinding: string | null };
}[keyof WorkerTasks];

const post = (m: WorkerMessage) => parentPort?.postMessage(m);
const report: ReportProgress = (phase, done, total) => post({ type: 'progress', phase, done, total });

/** Runs `work` on a read-only connection of the worker's own, closed after it. */
async function withFile<T>(file: string, nativeBinding: string | null, work: (db: Database.Database) => T) {
  const db = new Database(file, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
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
      return withFile(i.file, nb, (db) => {
        // A read-only scan of the whole log: the default 2 MB page cache churns (measured ~10 % slower); memory-mapped
        // reads would be quicker still but turn a disk error into a crash of the whole app instead of an error.
        db.pragma('cache_size = -32768');
        return verifyRange(readable(db), i.afterId, i.previousHash, i.throughId);
      });
    }
    // Backups and exports load their code (the contracts, zod, the FHIR writer…) only when asked: starting a worker
    // that evaluated all of it cost ~200 ms of CPU, as much as hashing 150,000 audit entries.
    case 'backup.take': {
      const { copyAndVerify, copyThenFinish } = await import('./backup-copy');
      const i = start.input;
      const t0 = performance.now();
      const finishedAt = () => new Date(Date.parse(i.head.startedAt) + (performance.now() - t0)).toISOString();
      return withFile(i.file, nb, (db) => {
        const copy = () => copyAndVerify(db, i.attachmentsDir, i.root, i.dir, report, nb);
        const o = { root: i.root, secondFolder: i.secondFolder, report, nativeBinding: nb };
        return copyThenFinish(i.head, i.dir, copy, finishedAt, o);
      });
    }
    case 'exports.write': {
      const { writeExport } = await import('./export-writer');
      const { file, plan } = start.input;
      const total = plan.ids.length;
      return withFile(file, nb, (db) =>
        writeExport(readable(db), plan, {
          pause: () => Promise.resolve(),
          cancelled: () => false,
          progress: (done) => post({ type: 'progress', done, total }),
        }),
      );
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
