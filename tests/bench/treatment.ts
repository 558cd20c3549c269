// `npm run bench`, treatment part: the ward calendar's week views, booking with the clash check and the lot search at
// 1,000,000 procedures, each beside the same question answered by a full scan of the table in the same run.
import { HOLDING_SQL, findClash } from '../../db/repos/procedures';
import { seedTreatmentBenchmark } from '../../db/seed/generate';
import type { Core } from '../../db/services/core';
import { readable } from '../../db/sqlite/handles';
import { printComparison, time, timeSeed } from './stats';

type Call = (method: string, input: unknown) => Promise<unknown>;

const DAY_MS = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();

/** The ward comes from the seed's own benchmark generator (db/seed/generate.ts), conflict-free by construction. */
export async function benchTreatment(core: Core, call: Call, runs: number, target: number): Promise<void> {
  const started = performance.now();
  const { db } = core;
  await timeSeed(`ward: ${target.toLocaleString('en')} procedures`, () =>
    seedTreatmentBenchmark(core, { procedures: target }),
  );
  db.exec('ANALYZE');
  const n = (db.prepare('SELECT count(*) AS n FROM procedures').get() as { n: number }).n;
  const rooms = (db.prepare('SELECT id FROM rooms WHERE active = 1 ORDER BY id').all() as { id: number }[]).map(
    (r) => r.id,
  );
  const span = db.prepare('SELECT min(starts_at) AS lo, max(starts_at) AS hi FROM procedures').get() as {
    lo: string;
    hi: string;
  };
  const lo = Date.parse(span.lo);
  const weeks = Math.max(1, Math.floor((Date.parse(span.hi) - lo) / (7 * DAY_MS)));
  console.log(
    `\ntreatment: ${n.toLocaleString('en')} procedures in ${rooms.length} rooms over ${weeks} weeks (ready in ${((performance.now() - started) / 1000).toFixed(1)} s)`,
  );
  const week = (i: number) => {
    const from = lo - (lo % DAY_MS) + ((i * 7919) % weeks) * 7 * DAY_MS;
    return { from: iso(from), to: iso(from + 7 * DAY_MS) };
  };
  const room = (i: number) => rooms[(i * 31) % rooms.length] ?? 1;
  const pairs = [];

  const scanWeek = db.prepare(
    `SELECT id FROM procedures NOT INDEXED WHERE ${HOLDING_SQL} AND starts_at < ? AND ends_at > ? AND room_id = ?`,
  );
  const scanWeekAll = db.prepare(
    `SELECT id FROM procedures NOT INDEXED WHERE ${HOLDING_SQL} AND starts_at < ? AND ends_at > ?`,
  );
  pairs.push({
    fts: await time('calendar week, one room', runs, (i) =>
      call('procedures.calendar', { ...week(i), roomId: room(i) }),
    ),
    like: await time('  full scan: week, one room', Math.max(10, runs / 20), (i) =>
      scanWeek.all(week(i).to, week(i).from, room(i)),
    ),
  });
  pairs.push({
    fts: await time('calendar week, all rooms', runs, (i) => call('procedures.calendar', week(i))),
    like: await time('  full scan: week, all rooms', Math.max(10, runs / 20), (i) =>
      scanWeekAll.all(week(i).to, week(i).from),
    ),
  });

  // Booking: a free evening slot (21:00 clinic time) on a new day each run, in a course that spans the whole range.
  const patient = (db.prepare('SELECT min(id) AS id FROM patients').get() as { id: number }).id;
  const courseId = Number(
    db
      .prepare(
        `INSERT INTO courses (patient_id, status, planned_admission, planned_discharge, planned_transplants,
           planned_routes, created_at, updated_at)
         VALUES (?, 'admitted', ?, ?, 6, '["intrathecal"]', ?, ?)`,
      )
      .run(patient, span.lo.slice(0, 10), span.hi.slice(0, 10), span.lo, span.lo).lastInsertRowid,
  );
  const doctorId = (
    db.prepare("SELECT min(id) AS id FROM accounts WHERE role = 'doctor' AND active = 1").get() as {
      id: number;
    }
  ).id;
  const evening = (i: number) => {
    const day = lo - (lo % DAY_MS) + (1 + ((i * 7919) % (weeks * 7 - 2))) * DAY_MS + 13 * 3_600_000;
    return { startsAt: iso(day), endsAt: iso(day + 3_600_000) };
  };
  let booked = 0;
  const scanClash = db.prepare(
    `SELECT id FROM procedures NOT INDEXED WHERE ${HOLDING_SQL} AND starts_at < ? AND ends_at > ?
       AND (room_id = ? OR doctor_id = ? OR patient_id = ?) LIMIT 1`,
  );
  pairs.push({
    fts: await time('procedures.book (with clash check)', runs, async () => {
      booked += 1;
      await call('procedures.book', {
        courseId,
        typeId: 1,
        roomId: rooms[0],
        doctorId,
        ...evening(booked),
      });
    }),
    like: await time('  full scan: the clash check', Math.max(10, runs / 20), (i) => {
      const e = evening(i + 100_000);
      return scanClash.get(e.endsAt, e.startsAt, rooms[0], doctorId, patient);
    }),
  });
  // What the bookings above left for the checkpoint that runs between calls (db/sqlite/checkpoint.ts), measured once.
  const ckStart = performance.now();
  const [wal] = db.pragma('wal_checkpoint(PASSIVE)') as { log: number }[];
  console.log(
    `  deferred WAL checkpoint after ${runs} bookings: ${wal?.log ?? '?'} pages in ${(performance.now() - ckStart).toFixed(1)} ms (between calls, not in a save)`,
  );
  const slot = (i: number) => ({ ...evening(i + 100_000), roomId: rooms[0] ?? 1, doctorId, patientId: patient });
  pairs.push({
    fts: await time('  the clash check alone (3 index ranges)', runs, (i) => findClash(readable(db), slot(i), null)),
    like: await time('  full scan: the clash check', Math.max(10, runs / 20), (i) => {
      const e = evening(i + 100_000);
      return scanClash.get(e.endsAt, e.startsAt, rooms[0], doctorId, patient);
    }),
  });

  const lots = (
    db
      .prepare('SELECT lot_number AS lot FROM procedures WHERE id % 4999 = 3 AND lot_number IS NOT NULL LIMIT 50')
      .all() as {
      lot: string;
    }[]
  ).map((r) => r.lot);
  const lot = (i: number) => lots[i % Math.max(1, lots.length)] ?? 'LOT-00001';
  const scanLot = db.prepare("SELECT id FROM procedures NOT INDEXED WHERE lower(lot_number) LIKE ? || '%'");
  const lotScan = await time('  full scan: lot', Math.max(10, runs / 20), (i) => scanLot.all(lot(i).toLowerCase()));
  pairs.push({
    fts: await time('procedures.byLot', runs, (i) => call('procedures.byLot', { lot: lot(i) })),
    like: lotScan,
  });
  pairs.push({
    fts: await time('search.global (a lot number)', runs, (i) => call('search.global', { text: lot(i), limit: 8 })),
    like: lotScan,
  });
  printComparison(pairs, 'scan ÷ index (p50, p99)');
}
