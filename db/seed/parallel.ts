// The 10-year benchmark clinic on both cores: the clinic, its bench ward and their assessments, with the same rows as
// seedClinic, seedTreatmentBenchmark and seedAssessmentBenchmark run one after the other (tests/core/bulk-seed.test.ts
// compares the two). Each part's rows come from the same generator and inputs; what changes is where the work runs.
// A worker thread (seed-worker.ts) starts at once: the ward's generator reads of the clinic only ids that a fresh
// file's clinic seed hands out in a known order (predictBenchSetups; checked once the clinic is in), so it generates
// the ward, then the assessments, into scratch files and builds their indexes there, while the main thread generates
// and loads the clinic and builds the clinic's indexes and search index. Each part's rows and indexes are then copied
// into the empty tables (INSERT … SELECT, ids included: SQLite copies the records and index entries without decoding
// or sorting them) in the order the parts were always written, each with its audit entry, and with the derived tables
// the worker built from that part's rows (not rebuilt here: bulk.ts's `arriving`); the derived tables that need the
// clinic too are rebuilt here, once, by the last load that changes their inputs.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Core } from '../services/core';
import { bundleWorkerSource } from '../services/worker-source';
import { bulkWritable } from '../sqlite/handles';
import type { AssessmentSeedResult } from './assessments';
import { allEmpty } from './bulk';
import {
  DEMO_WARD_MAX_PATIENTS,
  type SeedResult,
  assessmentSetup,
  benchLoad,
  benchWardSetup,
  predictBenchSetups,
  sameBenchSetups,
  seedAssessmentBenchmark,
  seedClinic,
  seedTreatmentBenchmark,
} from './generate';
import type { SeedWorkerInput, SeedWorkerMessage } from './seed-worker';
import { phase, phaseAsync, seedPhases } from './timeline';
import { type TreatmentSeedResult, benchLanes } from './treatment';

export interface BenchSeedOptions {
  inquiries: number;
  patients?: number;
  /** Bookings in all (default 1,000,000), over `years` (default 10). */
  procedures?: number;
  years?: number;
  /** Item values to reach (default 5,000,000). */
  itemScores?: number;
  seed?: number;
}

export interface BenchSeedResult {
  clinic: SeedResult;
  ward: TreatmentSeedResult;
  assessments: AssessmentSeedResult;
}

const WARD_TABLES = ['courses', 'consents', 'procedures'] as const;
const ASSESSMENT_TABLES = ['assessments', 'assessment_versions'] as const;
/**
 * Derived tables the worker builds beside the rows they are derived from (seed-worker.ts), copied in with them instead
 * of rebuilt here: the ward's procedure counts and treated spans (from its procedures alone), and, with the
 * assessments, their outcome values and the follow-up points as they stand once the assessments are in (from the
 * courses, the assessments and the attempts: the seed writes no attempt, checked once the clinic is in) with the
 * month points per day counted from them. In DERIVED_REBUILDS order: each after the tables it is built from.
 */
const WARD_DERIVED = ['procedure_tallies', 'treated_spans', 'procedure_month_tallies'] as const;
const ASSESSMENT_DERIVED = ['outcome_values', 'follow_up_points', 'follow_up_point_days'] as const;
/** Read by the follow-up points' rebuild, and empty in a bench seed: the worker creates it empty. */
const EMPTY_TABLES = ['follow_up_contacts'] as const;
const WARD_COPY = [...WARD_TABLES, ...WARD_DERIVED];
const ASSESSMENT_COPY = [...ASSESSMENT_TABLES, ...ASSESSMENT_DERIVED];
const WORKER_TABLES = [...WARD_COPY, ...ASSESSMENT_COPY, ...EMPTY_TABLES];

let bundled: string | null = null;

/**
 * The worker's script: seed-worker.ts bundled once per process with esbuild (a dev dependency: the benchmark seed runs
 * from source, under tsx or the tests), as worker-jobs.ts does for the app's workers, under build/out so that
 * better-sqlite3 resolves from the project's node_modules.
 */
function workerScript(): string {
  if (bundled) return bundled;
  const out = bundleWorkerSource(new URL('./seed-worker.ts', import.meta.url), 'seed-worker');
  bundled = out;
  return out;
}

/** The worker's two answers, each a promise that also rejects when the worker fails or stops early. */
function startWorker(input: SeedWorkerInput) {
  const worker = new Worker(workerScript(), { workerData: input, execArgv: [] });
  const waiting: Partial<Record<'ward' | 'assessments', { resolve: (v: never) => void }>> = {};
  let failure: Error | null = null;
  const settled: Partial<Record<'ward' | 'assessments', unknown>> = {};
  const fail = (err: Error) => {
    failure ??= err;
    for (const k of ['ward', 'assessments'] as const) {
      if (!(k in settled)) waiting[k]?.resolve(undefined as never);
    }
  };
  worker.on('message', (m: SeedWorkerMessage) => {
    if (m.type === 'failed') return fail(new Error(`seed worker: ${m.message}`));
    seedPhases.push(...m.phases);
    settled[m.type] = m.result;
    waiting[m.type]?.resolve(undefined as never);
  });
  worker.on('error', fail);
  worker.on('exit', (code) => {
    if (!('assessments' in settled)) fail(new Error(`seed worker stopped (exit code ${code})`));
  });
  const answer = async <T>(k: 'ward' | 'assessments'): Promise<T> => {
    if (!(k in settled) && failure === null) await new Promise<void>((resolve) => (waiting[k] = { resolve }));
    if (k in settled) return settled[k] as T;
    throw failure ?? new Error('seed worker: no answer');
  };
  return {
    ward: () => answer<TreatmentSeedResult>('ward'),
    assessments: () => answer<AssessmentSeedResult>('assessments'),
    stop: () => void worker.terminate(),
  };
}

/** Copies a part's rows from a scratch file into the empty tables, in one bulk load with the part's audit entry. */
function copyIn<T>(
  core: Core,
  action: string,
  file: string,
  tables: readonly string[],
  result: T,
  later: { rebuildLater?: readonly string[]; arriving?: readonly string[]; flush?: boolean } = {},
  detached?: () => void,
): T {
  // The scratch file has the tables' indexes built (seed-worker.ts): copied with the rows, not sorted here.
  return benchLoad(
    core,
    action,
    tables,
    (w) => {
      // ATTACH is refused inside a transaction: the copy commits what benchLoad opened, and opens it again after.
      w.exec('COMMIT');
      w.prepare('ATTACH ? AS seed_part').run(file);
      try {
        w.exec('BEGIN IMMEDIATE');
        for (const t of tables) {
          phase('main', `copy ${t}`, () => w.exec(`INSERT INTO main.${t} SELECT * FROM seed_part.${t}`));
        }
        phase('main', 'commit the copy', () => w.exec('COMMIT'));
      } finally {
        w.exec('DETACH seed_part');
        w.exec('BEGIN IMMEDIATE');
      }
      detached?.();
      return result;
    },
    { ...later, keepIndexes: true },
  );
}

/**
 * Derived tables each part's load leaves to the next: the inquiry funnel (kept from the inquiries and from the ward's
 * treated spans), rebuilt after the ward only; the follow-up points and their month counts, which arrive with the
 * assessments as they stand once those are in. The same rows, built once instead of two or three times.
 */
const CLINIC_REBUILDS_LATER = ['inquiry_funnel', 'inquiry_funnel_months', 'inquiry_response_hours'] as const;
const WARD_REBUILDS_LATER = ['follow_up_points', 'follow_up_point_days'] as const;

/**
 * Seeds the benchmark clinic: seedClinic, then seedTreatmentBenchmark and seedAssessmentBenchmark with the same
 * options, the same rows. On a fresh file (no accounts, patients, rooms, ward or assessments yet; more patients than
 * the demo ward takes), with the second part's and third part's generation on a worker thread started at once, on the
 * setups the clinic will give (predictBenchSetups: ids counted, not read), checked against the setups read once the
 * clinic is in; on anything else (an in-memory database, tables that hold rows already) the three in turn.
 */
export async function seedBenchClinic(core: Core, o: BenchSeedOptions): Promise<BenchSeedResult> {
  const procedures = o.procedures ?? 1_000_000;
  const years = o.years ?? 10;
  const itemScores = o.itemScores ?? 5_000_000;
  const seed = o.seed ?? 1;
  const patients = o.patients ?? Math.round(o.inquiries / 3);
  const clinicOptions = { inquiries: o.inquiries, ...(o.patients === undefined ? {} : { patients: o.patients }), seed };
  const file = core.db.name;
  const parallel =
    file !== '' &&
    file !== ':memory:' &&
    fs.existsSync(file) &&
    patients > DEMO_WARD_MAX_PATIENTS &&
    allEmpty(core.db, ['accounts', 'patients', 'rooms', ...WARD_TABLES, ...ASSESSMENT_TABLES]);
  if (!parallel) {
    const clinic = await seedClinic(core, clinicOptions);
    const ward = seedTreatmentBenchmark(core, { procedures, years, seed });
    const assessments = seedAssessmentBenchmark(core, { itemScores, seed });
    return { clinic, ward, assessments };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'strokedesk-seed-parts-'));
  const wardFile = path.join(dir, 'ward.sqlite');
  const assessmentFile = path.join(dir, 'assessments.sqlite');
  let worker: ReturnType<typeof startWorker> | null = null;
  const removals: Promise<void>[] = [];
  try {
    const lanes = benchLanes(procedures, years);
    // Timed, as everything else on the clock the bench reports (its bundling of the worker's script included).
    const { predicted, started } = phase('main', 'start the worker', () => {
      const predicted = predictBenchSetups(core, lanes, patients, seed);
      const inList = WORKER_TABLES.map(() => '?').join(', ');
      const schema = Object.fromEntries(
        (
          core.db
            .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name IN (${inList})`)
            .all(...WORKER_TABLES) as { name: string; sql: string }[]
        ).map((t) => [t.name, t.sql]),
      );
      const indexes: Record<string, string[]> = {};
      for (const r of core.db
        .prepare(
          `SELECT tbl_name AS t, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${inList}) ORDER BY name`,
        )
        .all(...WORKER_TABLES) as { t: string; sql: string }[]) {
        (indexes[r.t] ??= []).push(r.sql);
      }
      const started = startWorker({
        wardFile,
        assessmentFile,
        schema,
        indexes,
        derived: { ward: WARD_DERIVED, assessments: ASSESSMENT_DERIVED },
        empty: EMPTY_TABLES,
        ward: { setup: predicted.ward, options: { procedures, years, ...(o.seed ? { seed: o.seed } : {}) } },
        assessments: { setup: predicted.assessments, itemScores },
      });
      return { predicted, started };
    });
    worker = started;
    // Once the clinic's rows are in, and before their indexes: the ward's rooms and doctors (the rows the ward part
    // adds first), and the setups read as the parts in turn read them, which must be the ones the worker was given.
    const check = () =>
      phase('main', 'ward setup, checked against the prediction', () => {
        const w = bulkWritable(core.db);
        const setup = core.db.transaction(() => benchWardSetup(core, w, lanes)).immediate();
        const { w: _, ...ward } = setup;
        const { w: __, ...assessments } = assessmentSetup(core, w, seed);
        if (!sameBenchSetups({ ward, assessments }, predicted)) {
          throw new Error('seed: the clinic did not give the ids the ward was generated for (not a fresh file?)');
        }
        // The worker's follow-up points were built with no attempt on record.
        if (!allEmpty(core.db, EMPTY_TABLES)) throw new Error('seed: the clinic has follow-up attempts');
      });
    const clinic = await seedClinic(core, {
      ...clinicOptions,
      bulk: true,
      afterLoad: check,
      rebuildLater: CLINIC_REBUILDS_LATER,
      // One flush of the whole file at the end of the last part's load, not one per part.
      flush: false,
    });
    const wardResult = await phaseAsync('main', 'wait for the ward', () => started.ward());
    // Each scratch file is removed off the main thread (libuv's pool) as soon as main has copied it: the ward's while
    // the worker may still read its courses (an open handle keeps a removed file's blocks until it is closed; where
    // the system refuses to remove an open file, the removal at the end takes it), the assessments' while their load
    // is checked and flushed.
    const remove = (file: string) => () => removals.push(fs.promises.rm(file, { force: true }));
    const ward = copyIn(
      core,
      'seed.treatmentBenchmark',
      wardFile,
      WARD_COPY,
      wardResult,
      { rebuildLater: WARD_REBUILDS_LATER, arriving: WARD_DERIVED, flush: false },
      remove(wardFile),
    );
    const assessments = copyIn(
      core,
      'seed.assessmentBenchmark',
      assessmentFile,
      ASSESSMENT_COPY,
      await phaseAsync('main', 'wait for the assessments', () => started.assessments()),
      { arriving: ASSESSMENT_DERIVED },
      remove(assessmentFile),
    );
    return { clinic, ward, assessments };
  } finally {
    (worker as ReturnType<typeof startWorker> | null)?.stop();
    await phaseAsync('main', 'remove the scratch files', async () => {
      await Promise.allSettled(removals);
      fs.rmSync(dir, { recursive: true, force: true });
    });
  }
}
