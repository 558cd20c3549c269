// `npm run bench`, treatment part: the ward calendar's week views, booking with the clash check and the lot search at
// 1,000,000 procedures, each beside the same question answered by a full scan of the table in the same run.
import type { Database } from 'better-sqlite3';
import { HOLDING_SQL, findClash } from '../../db/repos/procedures';
import { readable } from '../../db/sqlite/handles';
import { printComparison, time } from './stats';

type Call = (method: string, input: unknown) => Promise<unknown>;

const DAY_MS = 86_400_000;
const ROOMS = 40;
/** 90-minute slots from 08:00 clinic time: seven a room a day, 280 a day, 1,000,000 in ten years. */
const SLOTS_PER_ROOM = 7;
const PER_DAY = ROOMS * SLOTS_PER_ROOM;
const BASE = Date.parse('2016-06-01T00:00:00.000Z'); // 08:00 in Asia/Shanghai
const iso = (ms: number) => new Date(ms).toISOString();

/**
 * A stand-in for the seed's treatment generator (db/seed/generate.ts, core-a) while it has not landed: conflict-free
 * by construction (one doctor per room, touching 90-minute slots, a course's five transplants on five days), most in
 * the past completed with lots reused across patients, a few cancelled. Written in SQL: a million rows in seconds.
 */
export function fillProcedures(db: Database, target: number): void {
  const have = (db.prepare('SELECT count(*) AS n FROM procedures').get() as { n: number }).n;
  if (have >= target) return;
  const patients = (db.prepare('SELECT max(id) AS n FROM patients').get() as { n: number }).n;
  const days = Math.ceil(target / PER_DAY);
  const blocks = Math.ceil(days / 5);
  db.exec('BEGIN');
  const room0 = Number(db.prepare("INSERT INTO rooms (name) VALUES ('Bench room 1')").run().lastInsertRowid);
  const addRoom = db.prepare('INSERT INTO rooms (name) VALUES (?)');
  for (let r = 1; r < ROOMS + 1; r++) addRoom.run(`Bench room ${r + 1}`);
  const addDoctor = db.prepare(
    "INSERT INTO accounts (username, display_name, role, password_hash, created_at) VALUES (?, ?, 'doctor', 'x', ?)",
  );
  let doctor0 = 0;
  for (let r = 0; r < ROOMS + 1; r++) {
    const id = Number(addDoctor.run(`bench-doc-${r}`, `Dr. Bench ${r}`, iso(BASE)).lastInsertRowid);
    if (r === 0) doctor0 = id;
  }
  const course0 = ((db.prepare('SELECT max(id) AS n FROM courses').get() as { n: number | null }).n ?? 0) + 1;
  db.prepare(
    `WITH RECURSIVE k(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM k WHERE i < ? - 1)
     INSERT INTO courses (id, patient_id, status, planned_admission, planned_discharge, planned_transplants,
       planned_routes, created_at, updated_at)
     SELECT ? + i, 1 + i % ?, 'discharged', date(? / 1000 + (i % ?) * 5 * 86400, 'unixepoch'),
       date(? / 1000 + ((i % ?) * 5 + 4) * 86400, 'unixepoch'), 5, '["intrathecal"]', ?, ?
     FROM k`,
  ).run(PER_DAY * blocks, course0, patients, BASE, blocks, BASE, blocks, iso(BASE), iso(BASE));
  const pastDays = days - 30;
  db.prepare(
    `WITH RECURSIVE k(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM k WHERE i < ? - 1),
     s AS (SELECT i, i / ${PER_DAY} AS d, i % ${PER_DAY} AS slot FROM k),
     t AS (SELECT i, d, slot, ? / 1000 + d * 86400 + (slot / ${ROOMS}) * 5400 AS secs, slot % 50 = 7 AS cancelled,
             d < ? AS past FROM s)
     INSERT INTO procedures (course_id, patient_id, type_id, sequence, starts_at, ends_at, room_id, doctor_id, status,
       reason, product, lot_number, dose, dose_unit, route, performed_start, performed_end, completed_by, completed_at,
       created_at, updated_at)
     SELECT ? + slot * ? + d / 5, 1 + (slot * ? + d / 5) % ?, 1, CASE WHEN cancelled THEN NULL ELSE d % 5 + 1 END,
       strftime('%Y-%m-%dT%H:%M:%fZ', secs, 'unixepoch'), strftime('%Y-%m-%dT%H:%M:%fZ', secs + 5400, 'unixepoch'),
       ? + slot % ${ROOMS}, ? + slot % ${ROOMS},
       CASE WHEN cancelled THEN 'cancelled' WHEN past THEN 'completed' ELSE 'scheduled' END,
       CASE WHEN cancelled THEN 'Fever' END,
       CASE WHEN past AND NOT cancelled THEN 'UC-MSC' END,
       CASE WHEN past AND NOT cancelled THEN printf('LOT-%05d', (i / 7) % 40000) END,
       CASE WHEN past AND NOT cancelled THEN 50 END, CASE WHEN past AND NOT cancelled THEN 'million_cells' END,
       CASE WHEN past AND NOT cancelled THEN 'intrathecal' END,
       CASE WHEN past AND NOT cancelled THEN strftime('%Y-%m-%dT%H:%M:%fZ', secs, 'unixepoch') END,
       CASE WHEN past AND NOT cancelled THEN strftime('%Y-%m-%dT%H:%M:%fZ', secs + 5400, 'unixepoch') END,
       CASE WHEN past AND NOT cancelled THEN ? END,
       CASE WHEN past AND NOT cancelled THEN strftime('%Y-%m-%dT%H:%M:%fZ', secs + 5400, 'unixepoch') END,
       ?, ?
     FROM t`,
  ).run(
    target - have,
    BASE,
    pastDays,
    course0,
    blocks,
    blocks,
    patients,
    room0 + 1,
    doctor0 + 1,
    doctor0 + 1,
    iso(BASE),
    iso(BASE),
  );
  db.exec('COMMIT');
  db.exec('ANALYZE');
}

export async function benchTreatment(db: Database, call: Call, runs: number, target: number): Promise<void> {
  const started = performance.now();
  fillProcedures(db, target);
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
