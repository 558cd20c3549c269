// Diagnostic: where a save's slow calls (the 99th percentile) spend their time — CPU, waiting for a core, the disk
// (fsync), a garbage collection, a WAL checkpoint inside the commit. Not part of `npm run bench`: `tsx tests/bench/tail.ts`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PerformanceObserver } from 'node:perf_hooks';
import { INSTRUMENTS, type InstrumentDef } from '../../db/contract';
import { seedAssessmentBenchmark, seedClinic, seedTreatmentBenchmark } from '../../db/seed/generate';
import { openDatabase } from '../../db/sqlite/open';
import { createCore, silentLogger } from '../../db/services/core';
import { benchCaller, fullValues } from './assessments';

const N = Number(process.env.TAIL_RUNS ?? 1500);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'strokedesk-bench-tail-'));
const file = path.join(dir, 'bench.sqlite');
const { db } = openDatabase(file);
const core = createCore(db, { log: silentLogger, passwordLog2N: 10 });
await seedClinic(core, { inquiries: 3000, patients: 1000 });
seedTreatmentBenchmark(core, { procedures: Number(process.env.TAIL_PROCEDURES ?? 50_000), years: 1 });
seedAssessmentBenchmark(core, { itemScores: Number(process.env.TAIL_ITEMS ?? 300_000) });
db.exec('ANALYZE');
db.pragma('wal_checkpoint(TRUNCATE)');

const call = benchCaller(core);
await call('auth.signIn', { username: 'dr.zhang', password: 'demo-doctor-2026' });

const gcs: { start: number; end: number; kind: number }[] = [];
const obs = new PerformanceObserver((list) => {
  for (const e of list.getEntries()) {
    const kind = (e as unknown as { detail?: { kind?: number } }).detail?.kind ?? 0;
    gcs.push({ start: e.startTime, end: e.startTime + e.duration, kind });
  }
});
obs.observe({ entryTypes: ['gc'] });

// The WAL index header (the -shm file): mxFrame at byte 16, the checkpoint's nBackfill at byte 96.
const shm = fs.openSync(`${file}-shm`, 'r');
const buf = Buffer.alloc(100);
const walState = () => {
  fs.readSync(shm, buf, 0, 100, 0);
  return { mx: buf.readUInt32LE(16), backfill: buf.readUInt32LE(96), change: buf.readUInt32LE(8) };
};
/** This thread's [on-CPU, waiting-for-a-core] milliseconds so far. */
const sched = () =>
  fs
    .readFileSync('/proc/thread-self/schedstat', 'utf8')
    .split(' ')
    .slice(0, 2)
    .map((x) => Number(x) / 1e6);

interface Sample {
  i: number;
  ms: number;
  cpu: number;
  wait: number;
  procCpu: number;
  invol: number;
  vol: number;
  frames: number;
  ckpt: boolean;
  start: number;
  end: number;
}
async function measure(name: string, fn: (i: number) => Promise<unknown>): Promise<void> {
  const samples: Sample[] = [];
  for (let i = 0; i < 5; i++) await fn(-1 - i);
  for (let i = 0; i < N; i++) {
    const w0 = walState();
    const r0 = process.resourceUsage();
    const q0 = sched();
    const start = performance.now();
    await fn(i);
    const end = performance.now();
    const q1 = sched();
    const r1 = process.resourceUsage();
    const w1 = walState();
    samples.push({
      i,
      ms: end - start,
      cpu: (q1[0] ?? 0) - (q0[0] ?? 0),
      wait: (q1[1] ?? 0) - (q0[1] ?? 0),
      procCpu: (r1.userCPUTime - r0.userCPUTime + r1.systemCPUTime - r0.systemCPUTime) / 1000,
      invol: r1.involuntaryContextSwitches - r0.involuntaryContextSwitches,
      vol: r1.voluntaryContextSwitches - r0.voluntaryContextSwitches,
      frames: w1.mx >= w0.mx ? w1.mx - w0.mx : w1.mx,
      ckpt: w1.backfill !== w0.backfill || w1.mx < w0.mx,
      start,
      end,
    });
    // Give the deferred checkpoint its turn now and then, as the app's event loop would between calls.
    if (process.env.TAIL_YIELD !== '0' && i % 10 === 9) await new Promise((r) => setImmediate(r));
  }
  await new Promise((r) => setTimeout(r, 50)); // gc entries are delivered asynchronously
  // Ranked by the call's own time (wall minus waiting for a core): on a loaded machine the queue hides everything else.
  const own = (s: Sample) => s.ms - s.wait;
  const wall = [...samples].sort((a, b) => a.ms - b.ms);
  const sorted = [...samples].sort((a, b) => own(a) - own(b));
  const pw = (q: number) => wall[Math.min(wall.length - 1, Math.ceil(q * wall.length) - 1)]?.ms ?? NaN;
  const p = (q: number) => {
    const s = sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
    return s ? own(s) : NaN;
  };
  const gcIn = (s: Sample) => gcs.filter((g) => g.end > s.start && g.start < s.end);
  const tail = sorted.slice(Math.floor(sorted.length * 0.98));
  const body = sorted.slice(0, Math.floor(sorted.length * 0.5));
  const mean = (xs: Sample[], f: (s: Sample) => number) => xs.reduce((t, s) => t + f(s), 0) / xs.length;
  console.log(
    `\n${name}: gc events so far ${gcs.length}, n=${N} wall p50 ${pw(0.5).toFixed(2)} p99 ${pw(0.99).toFixed(2)}; own time p50 ${p(0.5).toFixed(2)} p95 ${p(0.95).toFixed(2)} p99 ${p(0.99).toFixed(2)} max ${p(1).toFixed(2)}`,
  );
  for (const [label, xs] of [
    ['fastest half', body],
    ['slowest 2%', tail],
  ] as const) {
    console.log(
      `  ${label.padEnd(13)} ms ${mean(xs, (s) => s.ms).toFixed(2)}  cpu ${mean(xs, (s) => s.cpu).toFixed(2)}  ` +
        `run-queue wait ${mean(xs, (s) => s.wait).toFixed(2)}  blocked ${mean(xs, (s) => s.ms - s.cpu - s.wait).toFixed(2)}  proc cpu ${mean(xs, (s) => s.procCpu).toFixed(2)}  invol ${mean(xs, (s) => s.invol).toFixed(2)}  ` +
        `vol ${mean(xs, (s) => s.vol).toFixed(2)}  frames ${mean(xs, (s) => s.frames).toFixed(1)}  ` +
        `with gc ${(mean(xs, (s) => (gcIn(s).length > 0 ? 1 : 0)) * 100).toFixed(0)}%  ` +
        `with checkpoint ${(mean(xs, (s) => (s.ckpt ? 1 : 0)) * 100).toFixed(0)}%`,
    );
  }
  const restarts = samples.filter((s) => s.ckpt);
  const others = samples.filter((s) => !s.ckpt);
  const ownSorted = (xs: Sample[]) => xs.map(own).sort((a, b) => a - b);
  const med = (xs: Sample[]) => ownSorted(xs)[Math.floor(xs.length / 2)] ?? NaN;
  console.log(
    `  first write after a checkpoint (WAL restart: its header synced too): ${restarts.length} calls, own median ` +
      `${med(restarts).toFixed(2)} ms, blocked mean ${mean(restarts, (s) => s.ms - s.cpu - s.wait).toFixed(2)}; ` +
      `the others: own median ${med(others).toFixed(2)} ms, blocked mean ${mean(others, (s) => s.ms - s.cpu - s.wait).toFixed(2)}`,
  );
  for (const s of tail.slice(-12)) {
    const g = gcIn(s);
    console.log(
      `    #${s.i} ${s.ms.toFixed(2)} ms cpu ${s.cpu.toFixed(2)} (proc ${s.procCpu.toFixed(2)}) wait ${s.wait.toFixed(2)} blocked ${(s.ms - s.cpu - s.wait).toFixed(2)} invol ${s.invol} ` +
        `frames ${s.frames}${s.ckpt ? ' CHECKPOINT' : ''}${g.length ? ` gc ${g.map((x) => `k${x.kind}:${(x.end - x.start).toFixed(2)}`).join(',')}` : ''}`,
    );
  }
}

type Started = { id: number; version: number };
const ue = INSTRUMENTS.latest('fm-ue');
const le = INSTRUMENTS.latest('fm-le');
const patients = (db.prepare('SELECT id FROM patients ORDER BY id').all() as { id: number }[]).map((r) => r.id);
const points = ['baseline', 'discharge', 'm1', 'm3', 'm6', 'm12'] as const;
let slot = 0;
const nextPlace = () => {
  const n = slot++;
  return {
    patientId: patients[n % patients.length] ?? 1,
    timePoint: points[Math.floor(n / patients.length) % points.length] ?? 'baseline',
  };
};
const start = (def: InstrumentDef, place: ReturnType<typeof nextPlace>) =>
  call<Started>('assessments.start', { ...place, instrument: { id: def.id, version: def.version }, mode: 'in_person' });
const pairs: { ue: Started; le: Started }[] = [];
for (let i = 0; i < N + 5; i++) {
  const place = nextPlace();
  pairs.push({ ue: await start(ue, place), le: await start(le, place) });
}
db.pragma('wal_checkpoint(TRUNCATE)');
let k = 0;
await measure('saveDrafts 50 items', async (i) => {
  const p = pairs[k++];
  if (!p) return;
  await call('assessments.saveDrafts', {
    drafts: [
      { ...p.ue, values: fullValues(ue, i) },
      { ...p.le, values: fullValues(le, i) },
    ],
  });
});
const touch = db.prepare("UPDATE settings SET value = ? WHERE key = 'clinic.name'");
await measure('bare commit', async (i) => {
  db.transaction(() => touch.run(`Bench clinic ${i}`)).immediate();
});
obs.disconnect();
db.close();
fs.rmSync(dir, { recursive: true, force: true });
