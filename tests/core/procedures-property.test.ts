// Property-based test of the booking rules: thousands of random bookings, moves and cancellations against the real
// core, each compared with a brute-force model, and after each one no overlapping holding bookings may be stored.
import fc from 'fast-check';
import { beforeAll, expect, it } from 'vitest';
import * as procedures from '../../db/services/procedures';
import type { CallContext } from '../../db/services/context';
import { DomainError } from '../../db/sqlite/domain-error';
import { fixedClock, makeCore } from './support';
import { type Ward, addCourse, newPatient, ward } from './treatment-support';

const ROOMS = 3;
const SLOT_MS = 15 * 60_000;
/** Two clinic days of quarter hours inside every course's dates. */
const SLOTS = 2 * 24 * 4;
const BASE = Date.parse('2026-12-03T00:00:00.000Z');
const iso = (slot: number) => new Date(BASE + slot * SLOT_MS).toISOString();

interface Held {
  id: number;
  version: number;
  course: number;
  room: number;
  doctor: number;
  start: number;
  end: number;
  holding: boolean;
}

type Cmd =
  | { kind: 'book'; course: number; room: number; doctor: number; start: number; length: number }
  | { kind: 'move'; pick: number; room: number; doctor: number; start: number; length: number }
  | { kind: 'cancel'; pick: number };

const slot = {
  room: fc.nat(ROOMS - 1),
  doctor: fc.nat(1),
  start: fc.nat(SLOTS - 1),
  length: fc.integer({ min: 1, max: 12 }),
};
const cmd: fc.Arbitrary<Cmd> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('book' as const), course: fc.nat(2), ...slot }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('move' as const), pick: fc.nat(), ...slot }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('cancel' as const), pick: fc.nat() }) },
);

let w: Ward;
let ctx: CallContext;
let courses: number[];
let patients: number[];
let doctors: number[];

beforeAll(async () => {
  w = await ward(makeCore({ clock: fixedClock('2026-12-01T00:00:00.000Z') }), ROOMS);
  const ps = [await newPatient(w), await newPatient(w), await newPatient(w)];
  patients = ps.map((p) => p.id);
  courses = patients.map((id) => addCourse(w.core, id));
  doctors = [w.ids.doctor, w.ids.doctor2];
  ctx = { core: w.core, actor: { id: w.ids.coordinator, role: 'coordinator' } as never, session: { token: null } };
});

const overlaps = (a: Held, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;
/** The model's answer: the booking is free iff no other holding booking of its room, doctor or patient overlaps. */
const free = (model: Held[], b: Omit<Held, 'id' | 'version' | 'holding'>, except: number | null) =>
  !model.some(
    (h) =>
      h.holding &&
      h.id !== except &&
      overlaps(h, b) &&
      (h.room === b.room || h.doctor === b.doctor || h.course === b.course),
  );

/** Accepted (true), refused as a clash (false); anything else fails the test. */
function attempt(run: () => { id: number; version: number }): { id: number; version: number } | false {
  try {
    return run();
  } catch (e) {
    if (e instanceof DomainError && e.code === 'CONFLICT' && e.details?.reason === 'booking_clash') return false;
    throw e;
  }
}

const STORED_OVERLAPS = `SELECT count(*) AS n FROM procedures a JOIN procedures b ON a.id < b.id
  AND a.status IN ('scheduled', 'completed') AND b.status IN ('scheduled', 'completed')
  AND a.starts_at < b.ends_at AND b.starts_at < a.ends_at
  AND (a.room_id = b.room_id OR a.doctor_id = b.doctor_id OR a.patient_id = b.patient_id)`;

function step(model: Held[], c: Cmd): void {
  const live = model.filter((h) => h.holding);
  if (c.kind === 'book') {
    const b = { course: c.course, room: c.room, doctor: c.doctor, start: c.start, end: c.start + c.length };
    const got = attempt(() =>
      procedures.book(ctx, {
        courseId: courses[b.course] ?? 0,
        typeId: w.types[0] ?? 0,
        startsAt: iso(b.start),
        endsAt: iso(b.end),
        roomId: w.rooms[b.room] ?? 0,
        doctorId: doctors[b.doctor] ?? 0,
      }),
    );
    expect(got !== false, `book ${JSON.stringify(b)}`).toBe(free(model, b, null));
    if (got) model.push({ ...b, id: got.id, version: got.version, holding: true });
    return;
  }
  const target = live[c.pick % Math.max(1, live.length)];
  if (!target) return;
  if (c.kind === 'cancel') {
    const got = procedures.transition(ctx, { id: target.id, version: target.version, to: 'cancelled', reason: 'x' });
    Object.assign(target, { holding: false, version: got.version });
    return;
  }
  const b = { course: target.course, room: c.room, doctor: c.doctor, start: c.start, end: c.start + c.length };
  const got = attempt(() =>
    procedures.move(ctx, {
      id: target.id,
      version: target.version,
      startsAt: iso(b.start),
      endsAt: iso(b.end),
      roomId: w.rooms[b.room] ?? 0,
      doctorId: doctors[b.doctor] ?? 0,
    }),
  );
  expect(got !== false, `move ${target.id} to ${JSON.stringify(b)}`).toBe(free(model, b, target.id));
  if (got) Object.assign(target, b, { version: got.version });
}

/** Transplant numbers as the model expects them: 1..n over each course's holding bookings by start, then id. */
function checkSequences(model: Held[]): void {
  const stored = new Map(
    (w.core.db.prepare('SELECT id, sequence FROM procedures').all() as { id: number; sequence: number | null }[]).map(
      (r) => [r.id, r.sequence],
    ),
  );
  for (let course = 0; course < courses.length; course += 1) {
    const mine = model.filter((h) => h.course === course);
    const ordered = mine.filter((h) => h.holding).sort((a, b) => a.start - b.start || a.id - b.id);
    ordered.forEach((h, i) => expect(stored.get(h.id)).toBe(i + 1));
    for (const h of mine.filter((x) => !x.holding)) expect(stored.get(h.id)).toBeNull();
  }
}

it('accepts a booking exactly when the brute-force model finds no overlap, and never stores one', () => {
  const overlapsStored = w.core.db.prepare(STORED_OVERLAPS);
  let commands = 0;
  fc.assert(
    fc.property(fc.array(cmd, { minLength: 50, maxLength: 70 }), (cmds) => {
      w.core.db.exec('DELETE FROM procedures');
      const model: Held[] = [];
      for (const c of cmds) {
        step(model, c);
        commands += 1;
        expect(overlapsStored.get()).toEqual({ n: 0 });
      }
      checkSequences(model);
    }),
    { numRuns: 50, seed: Number(process.env.FC_SEED ?? Date.now() % 2 ** 31) },
  );
  expect(commands).toBeGreaterThanOrEqual(2500);
}, 60_000);
