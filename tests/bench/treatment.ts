// `npm run bench`, treatment part: the ward calendar's week views, booking with the clash check and the lot search at
// 1,000,000 procedures, each beside the same question answered by a full scan of the table in the same run.
import { HOLDING_SQL, findClash } from '../../db/repos/procedures';
import type { TreatmentSeedResult } from '../../db/seed/treatment';
import type { Core } from '../../db/services/core';
import { readable } from '../../db/sqlite/handles';
import { appCheckpoint, printComparison, time } from './stats';

type Call = (method: string, input: unknown) => Promise<unknown>;

const DAY_MS = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();

/**
 * On the ward run.ts seeded with the rest of the clinic (seedBenchClinic: the seed's own benchmark generator,
 * db/seed/generate.ts, conflict-free by construction); `seeded` is what that seed reported of it.
 */
export async function benchTreatment(core: Core, call: Call, runs: number, seeded: TreatmentSeedResult): Promise<void> {
  const { db } = core;
  const n = (db.prepare('SELECT count(*) AS n FROM procedures').get() as { n: number }).n;
  const rooms = (db.prepare('SELECT id FROM rooms WHERE active = 1 ORDER BY id').all() as { id: number }[]).map(
    (r) => r.id,
  );
  // The bench ward's own span (the demo ward of a small seeded clinic may start years earlier).
  const span = db
    .prepare(
      `SELECT min(starts_at) AS lo, max(starts_at) AS hi FROM procedures
       WHERE room_id IN (SELECT id FROM rooms WHERE active = 1 ORDER BY id DESC LIMIT ?)`,
    )
    .get(seeded.rooms) as {
    lo: string;
    hi: string;
  };
  const lo = Date.parse(span.lo);
  const weeks = Math.max(1, Math.floor((Date.parse(span.hi) - lo) / (7 * DAY_MS)));
  console.log(`\ntreatment: ${n.toLocaleString('en')} procedures in ${rooms.length} rooms over ${weeks} weeks`);
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
  const scanAll = await time('  full scan: week, all rooms', Math.max(10, runs / 20), (i) =>
    scanWeekAll.all(week(i).to, week(i).from),
  );
  // What the screen calls for the all-rooms week: each room's load per clinic day (features/calendar), beside the
  // same week read as every booking (what a room's or a doctor's week calls, and what the all-rooms week used to).
  pairs.push({
    fts: await time('calendar week, all rooms (occupancy: screen)', runs, (i) =>
      call('procedures.occupancy', { from: week(i).from.slice(0, 10), days: 7 }),
    ),
    like: scanAll,
  });
  pairs.push({
    fts: await time('  the same week as every booking (events)', runs, (i) => call('procedures.calendar', week(i))),
    like: scanAll,
  });

  // Booking: a free evening slot (21:00 clinic time) on a new day each run. A course is one hospital stay with its
  // transplants #1 and #2 (DOMAIN.md), so each run books into a course of its own patient holding 0 or 1 bookings —
  // what a coordinator does. Booking into one course that holds every earlier bench booking, at a random day, also
  // renumbers the later half of them (transplant numbers are gap-free): measured beside it, not as the target.
  const patients = (db.prepare('SELECT id FROM patients ORDER BY id LIMIT ?').all(runs + 40) as { id: number }[]).map(
    (r) => r.id,
  );
  const patient = patients[0] ?? 1;
  const addCourse = db.prepare(
    `INSERT INTO courses (patient_id, status, planned_admission, planned_discharge, planned_transplants,
       planned_routes, created_at, updated_at)
     VALUES (?, 'admitted', ?, ?, 2, '["intrathecal"]', ?, ?)`,
  );
  const course = (p: number) =>
    Number(addCourse.run(p, span.lo.slice(0, 10), span.hi.slice(0, 10), span.lo, span.lo).lastInsertRowid);
  const stays = patients.map(course);
  const bigCourse = course(patient);
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
  const bookInto = (courseId: number) => {
    booked += 1;
    return call('procedures.book', { courseId, typeId: 1, roomId: rooms[0], doctorId, ...evening(booked) });
  };
  const scanClash = db.prepare(
    `SELECT id FROM procedures NOT INDEXED WHERE ${HOLDING_SQL} AND starts_at < ? AND ends_at > ?
       AND (room_id = ? OR doctor_id = ? OR patient_id = ?) LIMIT 1`,
  );
  const clashScan = await time('  full scan: the clash check', Math.max(10, runs / 20), (i) => {
    const e = evening(i + 100_000);
    return scanClash.get(e.endsAt, e.startsAt, rooms[0], doctorId, patient);
  });
  // What any command pays at the least: one row updated and its commit synced (the WAL append + fsync of
  // synchronous=FULL), so the booking's own share (its checks, its pages, its audit entry) reads as a ratio to it.
  // Each write loop keeps the log as the app does between calls (`appCheckpoint`, outside the timing); the bookings
  // are also timed once on a log just emptied (the app's first minutes after opening, each commit growing the file).
  const between = appCheckpoint(db);
  const touch = db.prepare('UPDATE rooms SET name = name WHERE id = ?');
  const bare = await time(
    '  a bare commit (one row updated)',
    runs,
    () => db.transaction(() => touch.run(rooms[0] ?? 1)).immediate(),
    between,
  );
  db.pragma('wal_checkpoint(TRUNCATE)');
  let stay = 0;
  const bookNext = () => bookInto(stays[Math.floor(stay++ / 2)] ?? 1);
  pairs.push({
    fts: await time('  the same bookings, the log growing (after opening)', runs, bookNext),
    like: clashScan,
  });
  db.pragma('wal_checkpoint(PASSIVE)');
  const booking = await time('procedures.book (with clash check)', runs, bookNext, between);
  pairs.push({ fts: booking, like: clashScan });
  pairs.push({
    fts: await time(`  book into one course growing to ${runs} bookings`, runs, () => bookInto(bigCourse), between),
    like: clashScan,
  });
  // One copy-back as the app runs it between calls (db/sqlite/checkpoint.ts), of what the last loop left pending.
  const ckStart = performance.now();
  const [wal] = db.pragma('wal_checkpoint(PASSIVE)') as { log: number }[];
  console.log(
    `  a deferred WAL checkpoint: ${wal?.log ?? '?'} pages in ${(performance.now() - ckStart).toFixed(1)} ms (between calls, not in a save)`,
  );
  // The pages one booking's commit appends to the WAL, from 20 more bookings (own courses: the +40 stays above),
  // each counted alone: the deferred checkpoint may run between the calls above, so the figure above is not per booking.
  let pages = 0;
  for (let i = 0; i < 20; i++) {
    db.pragma('wal_checkpoint(TRUNCATE)');
    await bookInto(stays[Math.floor(stay++ / 2)] ?? 1);
    pages += (db.pragma('wal_checkpoint(PASSIVE)') as { log: number }[])[0]?.log ?? 0;
  }
  console.log(
    `  pages written per booking: ${(pages / 20).toFixed(1)}; procedures.book ÷ bare commit: ` +
      `p50 ${(booking.p50 / bare.p50).toFixed(2)}×, p99 ${(booking.p99 / bare.p99).toFixed(2)}×`,
  );
  pairs.push({ fts: bare, like: clashScan });
  const slot = (i: number) => ({ ...evening(i + 100_000), roomId: rooms[0] ?? 1, doctorId, patientId: patient });
  pairs.push({
    fts: await time('  the clash check alone (3 index ranges)', runs, (i) => findClash(readable(db), slot(i), null)),
    like: clashScan,
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
