// The second thread of a benchmark seed (parallel.ts): generates the bench ward and then its assessments, with the same
// functions and inputs as the in-place seed, into files of its own that hold only the tables it writes (and the ward's
// file read back for the assessments), and builds those tables' indexes there, while the main thread generates the
// clinic and builds its indexes; then, beside each part, the derived tables that depend on its rows alone, with the
// statements bulk.ts rebuilds them by. The main thread then copies the rows and indexes in with INSERT … SELECT (ids
// included), so they are the rows the in-place seed writes.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { bulkWritable } from '../sqlite/handles';
import { type AssessmentSeedResult, seedBenchAssessments } from './assessments';
import { DERIVED_REBUILDS } from './bulk';
import { type SeedPhase, phase } from './timeline';
import { type TreatmentSeedResult, type WardSetup, seedBenchWard } from './treatment';

export interface SeedWorkerInput {
  /** The ward's file: courses, consents and procedures. */
  wardFile: string;
  /** The assessments' file: assessments and assessment_versions. */
  assessmentFile: string;
  /** CREATE TABLE statements of the main file, by table. */
  schema: Readonly<Record<string, string>>;
  /** CREATE INDEX statements of the main file, by table: built here, so the copy moves them with the rows. */
  indexes: Readonly<Record<string, readonly string[]>>;
  /**
   * Derived tables built here, in order, by bulk.ts's DERIVED_REBUILDS statements over the rows generated here: the
   * ward's from its procedures (into the ward's file, before the ward is handed over), the assessments' from the
   * assessments, their versions and the ward's courses (into the assessments' file: the follow-up points as they
   * stand once the assessments are in, their done flags set, and the month points per day counted from those).
   */
  derived: { ward: readonly string[]; assessments: readonly string[] };
  /** Tables a derived table's rebuild reads that the seed leaves empty (follow_up_contacts): created here, empty. */
  empty: readonly string[];
  ward: { setup: Omit<WardSetup, 'w'>; options: { procedures: number; years: number; seed?: number } };
  assessments: {
    setup: { timeZone: string; today: string; doctorIds: readonly number[]; seed: number };
    itemScores: number;
  };
}

export type SeedWorkerMessage =
  | { type: 'ward'; result: TreatmentSeedResult; phases: SeedPhase[] }
  | { type: 'assessments'; result: AssessmentSeedResult; phases: SeedPhase[] }
  | { type: 'failed'; message: string };

/** A scratch file: no journal, no flushes (thrown away after the copy), a large cache. */
function scratch(file: string): Database.Database {
  const db = new Database(file);
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.pragma('foreign_keys = OFF');
  db.pragma('cache_size = -524288');
  db.pragma('temp_store = MEMORY');
  return db;
}

/** Runs `body` in a transaction committed every time it asks (as the seed's chunked commits), then once at the end. */
function chunked<T>(db: Database.Database, body: (commit: () => void) => T): T {
  db.exec('BEGIN');
  const result = body(() => {
    db.exec('COMMIT');
    db.exec('BEGIN');
  });
  db.exec('COMMIT');
  return result;
}

const WARD = ['courses', 'consents', 'procedures'] as const;
const ASSESSMENTS = ['assessments', 'assessment_versions'] as const;

function run(input: SeedWorkerInput, post: (m: SeedWorkerMessage) => void): void {
  const index = (db: Database.Database, tables: readonly string[]) => {
    for (const t of tables) for (const sql of input.indexes[t] ?? []) db.exec(sql);
  };
  const create = (db: Database.Database, tables: readonly string[]) => {
    for (const t of tables) {
      const sql = input.schema[t];
      if (sql === undefined) throw new Error(`seed worker: no schema for ${t}`);
      db.exec(sql);
    }
  };
  const phases: SeedPhase[] = [];
  // As bulk.ts rebuilds a derived table: its rows by the same statements, then its secondary indexes over them.
  const derive = (db: Database.Database, tables: readonly string[]) => {
    for (const t of tables) {
      const rebuild = DERIVED_REBUILDS[t];
      if (rebuild === undefined) throw new Error(`seed worker: no rebuild for ${t}`);
      phase(
        'worker',
        `build ${t}`,
        () => {
          create(db, [t]);
          db.exec('BEGIN');
          db.exec(rebuild);
          db.exec('COMMIT');
          index(db, [t]);
        },
        phases,
      );
    }
  };
  const ward = scratch(input.wardFile);
  create(ward, WARD);
  const wardResult = phase(
    'worker',
    'generate ward',
    () =>
      chunked(ward, (commit) =>
        seedBenchWard({ ...input.ward.setup, w: bulkWritable(ward) }, input.ward.options, commit),
      ),
    phases,
  );
  // The main file's indexes, and one the assessments read each batch's bookings by (ignored by the copy).
  phase(
    'worker',
    'index the ward',
    () => {
      index(ward, WARD);
      ward.exec('CREATE INDEX seed_procedures_course ON procedures (course_id)');
    },
    phases,
  );
  derive(ward, input.derived.ward);
  ward.close();
  post({ type: 'ward', result: wardResult, phases: phases.splice(0) });

  const db = scratch(input.assessmentFile);
  create(db, ASSESSMENTS);
  db.prepare('ATTACH ? AS ward').run(input.wardFile);
  const result = phase(
    'worker',
    'generate assessments',
    () =>
      chunked(db, (commit) =>
        seedBenchAssessments({ ...input.assessments.setup, w: bulkWritable(db) }, input.assessments.itemScores, commit),
      ),
    phases,
  );
  phase('worker', 'index the assessments', () => index(db, ASSESSMENTS), phases);
  create(db, input.empty);
  derive(db, input.derived.assessments);
  db.close();
  post({ type: 'assessments', result, phases: phases.splice(0) });
}

const port = parentPort;
if (port) {
  try {
    run(workerData as SeedWorkerInput, (m) => port.postMessage(m));
  } catch (err) {
    port.postMessage({ type: 'failed', message: err instanceof Error ? (err.stack ?? err.message) : String(err) });
  }
}
