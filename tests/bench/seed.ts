// `npx tsx tests/bench/seed.ts`: seeds the 10-year clinic (the sizes of `npm run bench`, same env vars) with
// seedBenchClinic (BENCH_SEED_SEQUENTIAL=1: the three parts in turn, as before) and prints the time of each step,
// without the timings that follow it in the full bench, then each phase by thread (db/seed/timeline.ts: which thread
// ran it, its CPU time and its wait for a core); then checks the file it left (schema as before the seed,
// integrity_check, foreign_key_check, audit chain).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { seedAssessmentBenchmark, seedClinic, seedTreatmentBenchmark } from '../../db/seed/generate';
import { seedBenchClinic } from '../../db/seed/parallel';
import { formatPhases, seedPhases } from '../../db/seed/timeline';
import { verifyChain } from '../../db/services/audit-chain';
import { createCore, silentLogger } from '../../db/services/core';
import { readable } from '../../db/sqlite/handles';
import { openDatabase } from '../../db/sqlite/open';
import { printSeedTimes, timeSeed } from './stats';

const inquiries = Number(process.env.BENCH_INQUIRIES ?? 300_000);
const patients = Number(process.env.BENCH_PATIENTS ?? Math.round(inquiries / 3));
const procedures = Number(process.env.BENCH_PROCEDURES ?? 1_000_000);
const itemScores = Number(process.env.BENCH_ITEM_SCORES ?? 5_000_000);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'strokedesk-bench-seed-'));
const { db } = openDatabase(path.join(dir, 'bench.sqlite'));
const core = createCore(db, { log: silentLogger, passwordLog2N: 10 });
const schema = () =>
  JSON.stringify(db.prepare('SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY name').all());
const before = schema();
const sizes = `${inquiries.toLocaleString('en')} inquiries, ${patients.toLocaleString('en')} patients, ${procedures.toLocaleString('en')} procedures, ${itemScores.toLocaleString('en')} item scores`;
if (process.env.BENCH_SEED_SEQUENTIAL === '1') {
  // The three parts one after the other, on one core (as before seedBenchClinic): for a before/after on one machine.
  await timeSeed(`clinic: ${inquiries.toLocaleString('en')} inquiries, ${patients.toLocaleString('en')} patients`, () =>
    seedClinic(core, { inquiries, patients }),
  );
  await timeSeed(`ward: ${procedures.toLocaleString('en')} procedures`, () =>
    seedTreatmentBenchmark(core, { procedures }),
  );
  await timeSeed(`assessments: ${itemScores.toLocaleString('en')} item scores`, () =>
    seedAssessmentBenchmark(core, { itemScores }),
  );
} else {
  await timeSeed(`all three parts on two threads: ${sizes}`, () =>
    seedBenchClinic(core, { inquiries, patients, procedures, itemScores }),
  );
}
printSeedTimes(60, 3);
console.log(`\nphases by thread (CPU: that thread's; wait: ready but no core free — other processes' load)`);
console.log(formatPhases(seedPhases));
const chain = verifyChain(readable(db));
console.log(`audit chain: ${chain.ok ? 'verifies' : 'BROKEN'} (${chain.checkedEntries} entries)`);
console.log(`schema (every index and trigger): ${schema() === before ? 'as before the seed' : 'CHANGED'}`);
console.log(`journal: ${String(db.pragma('journal_mode', { simple: true }))}`);
const references = db.prepare('PRAGMA foreign_key_check').all().length;
console.log(`foreign_key_check: ${references === 0 ? 'ok' : `${references} broken references`}`);
console.log(`integrity_check: ${String(db.pragma('integrity_check', { simple: true }))}`);
db.close();
fs.rmSync(dir, { recursive: true, force: true });
