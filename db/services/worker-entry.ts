// A worker thread's entry: runs the tasks it is sent, one at a time, each on its own read-only connection to the file.
import { parentPort, workerData } from 'node:worker_threads';
import type { Backup } from '../contract/backups';
import type { ExportFile } from '../contract/exports';
import type { ImportFormat } from '../contract/imports';
import { readable } from '../sqlite/handles';
import Database from 'better-sqlite3';
import { GENESIS_HASH, auditContent, chainHash } from '../sqlite/audit-hash';
import { type ChainCheck, verifyRange } from './audit-range';
import type { BackupHead, ReportProgress } from './backup-copy';
import type { ExportPlan } from './export-writer';
import type { ReportRecipe } from './report-recipes';
import type { PrepareInput, PrepareResult } from './restore-prepare';
import type { StagedFile } from './web-form';
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
  /** A web-form export parsed and checked for staging (`readWebFormFile`): no database needed. */
  'imports.parse': { input: { text: string; format: ImportFormat }; output: StagedFile };
  'exports.write': {
    input: { file: string; plan: ExportPlan };
    output: ExportFile[] | null;
  };
  /**
   * A kept report computed again after a write (report-refresh.ts): the answer the call would give for the same recipe,
   * read in one read transaction on the worker's own read-only connection.
   */
  'reports.compute': { input: { file: string; recipe: ReportRecipe }; output: unknown };
  /** A restore's chosen backup checked, copied beside the records, migrated, its chain verified (restore-prepare.ts). */
  'restore.prepare': { input: PrepareInput; output: PrepareResult };
}

/** What the runner posts for each job (the binding comes once, with the worker's start). */
type Job = { [K in keyof WorkerTasks]: { task: K; input: WorkerTasks[K]['input'] } }[keyof WorkerTasks];
type Start = Job & { nativeBinding: string | null };

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
    case 'imports.parse': {
      const { readWebFormFile } = await import('./web-form');
      return readWebFormFile(start.input.text, start.input.format);
    }
    case 'reports.compute': {
      const { computeReport } = await import('./report-recipes');
      const { registerFunctions } = await import('../sqlite/functions');
      const { file, recipe } = start.input;
      return withFile(file, nb, (db) => {
        registerFunctions(db);
        // The calling thread's page cache size (open.ts): the report reads a few large tables' indexes.
        db.pragma('cache_size = -65536');
        return db.transaction(() => computeReport(readable(db), recipe))();
      });
    }
    case 'restore.prepare': {
      const { prepareRestore } = await import('./restore-prepare');
      return prepareRestore({ ...start.input, nativeBinding: nb }, (done, total) =>
        post({ type: 'progress', done, total }),
      );
    }
  }
}

/**
 * Once at start, a small made-up chain is verified in memory, so the first real verification runs compiled code
 * (V8 optimises the per-entry callback only after thousands of calls) instead of paying that warm-up itself.
 */
function rehearse(nativeBinding: string | null): void {
  const db = new Database(':memory:', nativeBinding ? { nativeBinding } : {});
  try {
    db.exec(`CREATE TABLE audit_log (id INTEGER PRIMARY KEY, at TEXT NOT NULL, actor_id INTEGER, action TEXT NOT NULL,
      entity TEXT NOT NULL, entity_id INTEGER, before_json TEXT, after_json TEXT, hash TEXT) STRICT`);
    const insert = db.prepare('INSERT INTO audit_log VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
    let previous = GENESIS_HASH;
    for (let id = 1; id <= REHEARSAL_ENTRIES; id += 1) {
      const row = {
        id,
        at: '2026-01-01T00:00:00.000Z',
        actor_id: id % 3 ? id : null,
        action: 'a.b',
        entity: 'e',
        entity_id: id % 5 ? id : null,
        before_json: id % 2 ? null : `{"n":${id}}`,
        after_json: `{"n":"x'${id}"}`,
      };
      previous = chainHash(previous, auditContent(row));
      insert.run(...Object.values(row), previous);
    }
    if (!verifyRange(readable(db), 0, GENESIS_HASH, REHEARSAL_ENTRIES).ok) throw new Error('rehearsal chain broken');
  } finally {
    db.close();
  }
}
const REHEARSAL_ENTRIES = 5000;

/**
 * The buffers a result hands over rather than copies: a staged file's rows (`StagedFile.bytes`, 20 MB at 30,000 rows)
 * took the receiving thread ~150 ms to copy in. The worker never touches a result again once it is posted.
 */
function handOver(value: unknown): ArrayBuffer[] {
  if (value === null || typeof value !== 'object' || !('bytes' in value)) return [];
  const { bytes } = value;
  return bytes instanceof Uint8Array && bytes.buffer instanceof ArrayBuffer ? [bytes.buffer] : [];
}

// A pooled worker runs one job at a time, as many as it is given (worker-jobs.ts sends the next only after an answer).
const { nativeBinding } = workerData as { nativeBinding: string | null };
rehearse(nativeBinding);
post({ type: 'ready' });
parentPort?.on('message', (job: Job) => {
  run({ ...job, nativeBinding }).then(
    (value) => parentPort?.postMessage({ type: 'done', value } satisfies WorkerMessage, handOver(value)),
    (err: unknown) => {
      const code = (err as { code?: unknown }).code;
      post({
        type: 'failed',
        message: err instanceof Error ? err.message : String(err),
        code: typeof code === 'string' ? code : null,
      });
    },
  );
});
