import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { dispatch } from '../../db/api/dispatch';
import { seedClinic, seedTreatmentBenchmark } from '../../db/seed/generate';
import { openDatabase } from '../../db/sqlite/open';
import { createCore, silentLogger } from '../../db/services/core';
import { time } from './stats';

const P = Number(process.env.P ?? 200000);
const Y = Number(process.env.Y ?? 2);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'calprof-'));
const { db } = openDatabase(path.join(dir, 'b.sqlite'));
const core = createCore(db, { log: silentLogger, passwordLog2N: 10 });
const seeded = await seedClinic(core, { inquiries: 3000, patients: Number(process.env.PAT ?? 20000) });
seedTreatmentBenchmark(core, { procedures: P, years: Y });
db.exec('ANALYZE');
const coord = seeded.accounts.find((a) => a.role === 'coordinator')!;
const session = { token: null as string | null };
const call = async (m: string, i: unknown) => {
  const r = await dispatch(core, session, m, i);
  if (!r.ok) throw new Error(`${m}: ${r.error.code} ${r.error.message}`);
  return r.value;
};
await call('auth.signIn', { username: coord.username, password: coord.password });
const span = db.prepare('SELECT min(starts_at) AS lo, max(starts_at) AS hi FROM procedures WHERE room_id IN (SELECT id FROM rooms WHERE name LIKE \'Bench%\')').get() as any;
const lo = Date.parse(span.lo);
const DAY = 86400000;
const weeks = Math.floor((Date.parse(span.hi) - lo) / (7 * DAY));
const rooms = (db.prepare('SELECT id FROM rooms WHERE active=1 ORDER BY id').all() as any[]).map((r) => r.id);
const iso = (ms: number) => new Date(ms).toISOString();
const week = (i: number) => { const f = lo - (lo % DAY) + ((i * 7919) % weeks) * 7 * DAY; return { from: iso(f), to: iso(f + 7 * DAY) }; };
const patient = (db.prepare('SELECT min(id) AS id FROM patients').get() as any).id;
const courseId = Number(db.prepare(`INSERT INTO courses (patient_id, status, planned_admission, planned_discharge, planned_transplants, planned_routes, created_at, updated_at) VALUES (?, 'admitted', ?, ?, 6, '["intrathecal"]', ?, ?)`).run(patient, span.lo.slice(0, 10), span.hi.slice(0, 10), span.lo, span.lo).lastInsertRowid);
const doctorId = (db.prepare("SELECT min(id) AS id FROM accounts WHERE role='doctor' AND active=1").get() as any).id;
const evening = (i: number) => { const d = lo - (lo % DAY) + (1 + ((i * 7919) % (weeks * 7 - 2))) * DAY + 13 * 3600000; return { startsAt: iso(d), endsAt: iso(d + 3600000) }; };
let booked = 0;
const n = (db.prepare('SELECT count(*) n FROM procedures').get() as any).n;
console.log('procedures', n, 'weeks', weeks, 'per week', Math.round(n / weeks));
const show = (t: any) => console.log(t.name.padEnd(40), t.p50.toFixed(3), t.p95.toFixed(3), t.p99.toFixed(3));
const commit = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');
const R = Number(process.env.R ?? 300);
if (process.env.MODE === 'sql') {
  const days = (i: number) => { const f = Date.parse(week(i).from); return Array.from({ length: 7 }, (_, d) => [iso(f + d * DAY).slice(0, 10), iso(f + d * DAY), iso(f + (d + 1) * DAY)]).flat(); };
  const V = Array.from({ length: 7 }, () => '(?, ?, ?)').join(', ');
  const H = "p.status IN ('scheduled', 'completed')";
  const variants: Record<string, string> = {
    A: `WITH d(day, lo, hi) AS (VALUES ${V}) SELECT d.day, p.room_id, count(*), CAST(round(sum(unixepoch(p.ends_at) - unixepoch(p.starts_at)) / 60.0) AS INTEGER), min(p.starts_at), max(p.ends_at) FROM d JOIN procedures p INDEXED BY procedures_calendar ON p.starts_at >= d.lo AND p.starts_at < d.hi WHERE ${H} GROUP BY d.day, p.room_id ORDER BY d.day, p.room_id`,
    B: `WITH d(day, lo, hi) AS (VALUES ${V}) SELECT d.day, p.room_id, count(*), min(p.starts_at), max(p.ends_at) FROM d JOIN procedures p INDEXED BY procedures_calendar ON p.starts_at >= d.lo AND p.starts_at < d.hi WHERE ${H} GROUP BY d.day, p.room_id ORDER BY d.day, p.room_id`,
    C: `WITH d(day, lo, hi) AS (VALUES ${V}) SELECT d.day, p.room_id, count(*) FROM d JOIN procedures p INDEXED BY procedures_calendar ON p.starts_at >= d.lo AND p.starts_at < d.hi WHERE ${H} GROUP BY d.day, p.room_id`,
    D: `WITH d(day, lo, hi) AS (VALUES ${V}) SELECT count(*) FROM d JOIN procedures p INDEXED BY procedures_calendar ON p.starts_at >= d.lo AND p.starts_at < d.hi WHERE ${H}`,
    E: `WITH d(day, lo, hi) AS (VALUES ${V}) SELECT d.day, p.room_id, count(*), CAST(round(sum(julianday(p.ends_at) - julianday(p.starts_at)) * 1440) AS INTEGER), min(p.starts_at), max(p.ends_at) FROM d JOIN procedures p INDEXED BY procedures_calendar ON p.starts_at >= d.lo AND p.starts_at < d.hi WHERE ${H} GROUP BY d.day, p.room_id ORDER BY d.day, p.room_id`,
    F: `WITH d(day, lo, hi) AS (VALUES ${V}) SELECT d.day, p.room_id, count(*), CAST(round(sum(julianday(p.ends_at) - julianday(p.starts_at)) * 1440) AS INTEGER), min(p.starts_at), max(p.ends_at) FROM d JOIN procedures p INDEXED BY procedures_room ON p.starts_at >= d.lo AND p.starts_at < d.hi WHERE ${H} GROUP BY d.day, p.room_id ORDER BY d.day, p.room_id`,
  };
  const st = Object.fromEntries(Object.entries(variants).map(([k, q]) => [k, db.prepare(q).raw(true)]));
  for (let round = 0; round < 3; round++) for (const k of Object.keys(st)) show(await time(k, R, (i) => st[k]!.all(...days(i))));
  show(await time('events', R, (i) => call('procedures.calendar', week(i))));
  process.exit(0);
}
if (process.env.MODE === 'book') {
  const { Session } = await import('node:inspector/promises');
  const ins = new Session(); ins.connect(); await ins.post('Profiler.enable'); await ins.post('Profiler.setSamplingInterval', { interval: 50 }); await ins.post('Profiler.start');
  for (let i = 0; i < R; i++) { booked++; await call('procedures.book', { courseId, typeId: 1, roomId: rooms[0], doctorId, ...evening(booked) }); }
  const { profile } = await ins.post('Profiler.stop'); fs.writeFileSync('/tmp/cal/book.cpuprofile', JSON.stringify(profile));
  process.exit(0);
}
if (process.env.MODE === 'week') {
  const { Session } = await import('node:inspector/promises');
  const ins = new Session(); ins.connect(); await ins.post('Profiler.enable'); await ins.post('Profiler.setSamplingInterval', { interval: 50 }); await ins.post('Profiler.start');
  for (let i = 0; i < R; i++) await call('procedures.calendar', week(i));
  const { profile } = await ins.post('Profiler.stop'); fs.writeFileSync('/tmp/cal/week.cpuprofile', JSON.stringify(profile));
  process.exit(0);
}
for (let round = 0; round < 2; round++) {
  show(await time('book', R, async () => { booked++; await call('procedures.book', { courseId, typeId: 1, roomId: rooms[0], doctorId, ...evening(booked) }); }));
  show(await time('bare commit', R, (i) => db.transaction(() => commit.run('bench.x', String(i))).immediate()));
  show(await time('week one room', R, (i) => call('procedures.calendar', { ...week(i), roomId: rooms[(i * 31) % rooms.length] })));
  show(await time('week all rooms', R, (i) => call('procedures.calendar', week(i))));
  if (process.env.OV) show(await time('overview all rooms', R, (i) => call('procedures.occupancy', week(i))));
}
db.close();
fs.rmSync(dir, { recursive: true, force: true });
