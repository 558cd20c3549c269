// The synthetic ward: rooms, courses, consents and procedures (transplants #1 and #2, lots shared across patients),
// conflict-free by construction, from demo size to a benchmark's million bookings. Deterministic from the seed.
import type { Statement } from 'better-sqlite3';
import type { WritableDB } from '../sqlite/handles';
import { WALL_CLOCK_PARTS } from '../contract/wall-clock';
import { isoDate, isoInstant } from './iso';
import { Random } from './random';

const DAY = 86_400_000;
const MINUTE = 60_000;

export interface TreatmentSeedOptions {
  /** `demo`: a few hundred bookings around today; `bench`: `procedures` bookings spread over `years` up to today. */
  mode: 'demo' | 'bench';
  procedures?: number;
  years?: number;
  seed?: number;
}

export interface TreatmentSeedResult {
  rooms: number;
  courses: number;
  consents: number;
  procedures: number;
}

/** What the ward's day looks like: slots of `slotMinutes` from `firstSlot` (minutes after local midnight). */
interface DayShape {
  firstSlot: number;
  slotMinutes: number;
  slots: number;
}
const DEMO_DAY: DayShape = { firstSlot: 8 * 60, slotMinutes: 240, slots: 2 };
const BENCH_DAY: DayShape = { firstSlot: 7 * 60, slotMinutes: 90, slots: 9 };

const DEMO_ROOMS = [
  { name: 'Procedure room 1', active: true, prefers: 'lumbar_puncture' },
  { name: 'Procedure room 2', active: true, prefers: 'lumbar_puncture' },
  { name: 'Operating theatre', active: true, prefers: 'stereotactic' },
  { name: 'Infusion bay', active: true, prefers: 'iv_infusion' },
  { name: 'Procedure room 3 (old wing)', active: false, prefers: null },
] as const;

const PRODUCTS: Record<string, { product: string; prefix: string; dose: number }> = {
  lumbar_puncture: { product: 'UC-MSC (umbilical cord mesenchymal stem cells)', prefix: 'MSC', dose: 20 },
  iv_infusion: { product: 'UC-MSC (umbilical cord mesenchymal stem cells)', prefix: 'MSC', dose: 50 },
  stereotactic: { product: 'NSC (neural stem cells)', prefix: 'NSC', dose: 10 },
};
const CANCEL_REASONS = ['Platelet count too low on the morning check', 'Patient withdrew from this transplant'];
const POSTPONE_REASONS = ['Fever the evening before', 'Cell product delivery delayed'];
const COURSE_CANCEL_REASONS = ['Visa not granted in time', 'Family postponed the trip', 'New stroke before travel'];
const SEVERITY = ['mRS 4, NIHSS 9 on referral', 'mRS 3, walks with a cane', 'mRS 4, wheelchair', 'mRS 2'];

interface TypeRow {
  id: number;
  code: string;
  minutes: number;
  route: string;
}

/** Local wall-clock minutes of a clinic day → UTC instant, with the zone's offset looked up once per day. */
export class ZoneClock {
  private offsets = new Map<number, number>();
  private fmt: Intl.DateTimeFormat;
  constructor(timeZone: string) {
    this.fmt = new Intl.DateTimeFormat('en-US', { ...WALL_CLOCK_PARTS, timeZone });
  }
  private offset(day: number): number {
    let o = this.offsets.get(day);
    if (o === undefined) {
      const noon = day * DAY + 12 * 3_600_000;
      const p = Object.fromEntries(this.fmt.formatToParts(new Date(noon)).map((x) => [x.type, x.value]));
      const local = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute));
      o = local - noon;
      this.offsets.set(day, o);
    }
    return o;
  }
  instant(day: number, minutes: number): number {
    return day * DAY + minutes * MINUTE - this.offset(day);
  }
}

/** One ZoneClock per time zone for the whole run: its offset cache is what makes a million bookings cheap. */
const clocks = new Map<string, ZoneClock>();
export function clockFor(timeZone: string): ZoneClock {
  let c = clocks.get(timeZone);
  if (!c) clocks.set(timeZone, (c = new ZoneClock(timeZone)));
  return c;
}

const iso = isoInstant;
const dayIso = (day: number) => isoDate(day * DAY);

/**
 * Hands out (day, slot, room, doctor) so that no room and no doctor is booked twice in a slot; a patient's bookings
 * are on different days. Slots never overlap each other, so nothing booked through here can clash.
 */
class SlotBook {
  /** Each patient's last booked or discharge day: their next stay starts after it, so stays never overlap. */
  readonly patientFree = new Map<number, number>();
  private used = new Map<number, Uint8Array>();
  private count = new Map<number, number>();
  private readonly perSlot: number;
  constructor(
    private readonly shape: DayShape,
    private readonly rooms: number,
    private readonly doctors: number,
    private readonly rng: Random,
  ) {
    this.perSlot = Math.min(rooms, doctors);
  }
  take(fromDay: number, preferRoom: number | null): { day: number; slot: number; room: number; doctor: number } {
    for (let day = fromDay; ; day++) {
      for (let slot = 0; slot < this.shape.slots; slot++) {
        const key = day * this.shape.slots + slot;
        const n = this.count.get(key) ?? 0;
        if (n >= this.perSlot) continue;
        let u = this.used.get(key);
        if (!u) this.used.set(key, (u = new Uint8Array(this.rooms + this.doctors)));
        const room = this.free(u, 0, this.rooms, preferRoom);
        const doctor = this.free(u, this.rooms, this.doctors, null);
        u[room] = 1;
        u[this.rooms + doctor] = 1;
        this.count.set(key, n + 1);
        return { day, slot, room, doctor };
      }
    }
  }
  private free(u: Uint8Array, base: number, size: number, prefer: number | null): number {
    if (prefer !== null && u[base + prefer] === 0) return prefer;
    const start = this.rng.int(0, size - 1);
    for (let i = 0; i < size; i++) {
      const at = (start + i) % size;
      if (u[base + at] === 0) return at;
    }
    throw new Error('slot book: no free resource in a slot counted as free');
  }
}

interface Statements {
  course: Statement;
  consent: Statement;
  procedure: Statement;
}

function prepareStatements(w: WritableDB): Statements {
  return {
    course: w.prepare(
      `INSERT INTO courses (patient_id, status, planned_admission, planned_discharge, admitted_on, discharged_on,
         baseline_severity, planned_transplants, planned_routes, allergies, notes, cancel_reason, created_at,
         created_by, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, 2, ?, ?, NULL, ?, ?, ?, ?)`,
    ),
    consent: w.prepare(
      `INSERT INTO consents (course_id, type, given_on, taken_by, withdrawn_on, created_at)
       VALUES (?, ?, ?, ?, ?, ?)`,
    ),
    procedure: w.prepare(
      `INSERT INTO procedures (course_id, patient_id, type_id, sequence, starts_at, ends_at, room_id, doctor_id,
         status, reason, product, lot_number, dose, dose_unit, route, performed_start, performed_end, completed_by,
         completed_at, created_at, created_by, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
  };
}

export interface WardSetup {
  w: WritableDB;
  timeZone: string;
  /** The clinic's today as a day number (days since 1970-01-01). */
  today: number;
  now: string;
  patients: readonly number[];
  /** Each patient's registration day (same order as `patients`). */
  registered: readonly number[];
  roomIds: readonly number[];
  /** Room index a type prefers (by type code), if any. */
  prefers: Readonly<Record<string, number>>;
  doctorIds: readonly number[];
  /** Who takes consents: coordinators and doctors. */
  takerIds: readonly number[];
  types: readonly TypeRow[];
}

interface Booking {
  day: number;
  slot: number;
  room: number;
  doctor: number;
  type: TypeRow;
  status: 'scheduled' | 'completed' | 'cancelled' | 'postponed' | 'no_show';
  reason: string | null;
}

/** Lots: one per product and period, so each is given to several patients (3–8 at demo size). */
function lotFor(prefix: string, day: number, periodDays: number): string {
  const period = Math.floor(day / periodDays);
  const year = dayIso(day).slice(0, 4);
  return `${prefix}-${year}-${String(1 + (period % 9999)).padStart(4, '0')}`;
}

/**
 * Writes one course with its consents and bookings. Transplant #1 the day after admission, #2 three days later (or the
 * next free slot); past bookings mostly completed, a few no-shows, postponements (booked again) and cancellations.
 */
function writeCourse(
  s: WardSetup,
  st: Statements,
  book: SlotBook,
  rng: Random,
  c: { patientId: number; admission: number; cancelled: boolean; shape: DayShape; lotDays: number },
): { consents: number; procedures: number } {
  const zone = clockFor(s.timeZone);
  const type = rng.weighted([
    [s.types.find((t) => t.code === 'lumbar_puncture') ?? s.types[0], 70],
    [s.types.find((t) => t.code === 'iv_infusion') ?? s.types[0], 22],
    [s.types.find((t) => t.code === 'stereotactic') ?? s.types[0], c.shape.slotMinutes >= 240 ? 8 : 0],
  ] as const) as TypeRow;
  const bookings: Booking[] = [];
  const admission = Math.max(c.admission, book.patientFree.get(c.patientId) ?? c.admission);
  let from = admission + 1;
  for (let n = 0; n < 2; n++) {
    for (let attempt = 0; attempt < 3; attempt++) {
      const got = book.take(from, s.prefers[type.code] ?? null);
      const past = got.day < s.today;
      const roll = rng.next();
      const b: Booking = { ...got, type, status: past ? 'completed' : 'scheduled', reason: null };
      if (c.cancelled) b.status = 'cancelled';
      else if (past && roll < 0.02) b.status = 'no_show';
      else if (past && roll < 0.04) b.status = 'postponed';
      else if (past && roll < 0.06) b.status = 'cancelled';
      if (b.status === 'postponed') b.reason = rng.pick(POSTPONE_REASONS);
      if (b.status === 'cancelled') b.reason = rng.pick(CANCEL_REASONS);
      bookings.push(b);
      // A no-show or postponement is booked again from the next day; a cancelled transplant is not.
      const again = b.status === 'no_show' || b.status === 'postponed';
      from = got.day + (again ? 1 : 3);
      if (!again) break;
    }
  }
  const lastDay = Math.max(...bookings.map((b) => b.day));
  const discharge = Math.max(admission + 12, lastDay + 2);
  book.patientFree.set(c.patientId, discharge + 1);
  const status = c.cancelled
    ? 'cancelled'
    : discharge < s.today
      ? 'discharged'
      : admission <= s.today
        ? 'admitted'
        : 'planned';
  const cancelReason = c.cancelled ? rng.pick(COURSE_CANCEL_REASONS) : null;
  if (c.cancelled) for (const b of bookings) b.reason = cancelReason;
  const taker = rng.pick(s.takerIds);
  const createdAt = iso(zone.instant(admission - 30, 600));
  const courseId = Number(
    st.course.run(
      c.patientId,
      status,
      dayIso(admission),
      dayIso(discharge),
      status === 'admitted' || status === 'discharged' ? dayIso(admission) : null,
      status === 'discharged' ? dayIso(discharge) : null,
      rng.pick(SEVERITY),
      JSON.stringify([type.route]),
      rng.chance(0.15) ? 'Penicillin' : null,
      cancelReason,
      createdAt,
      taker,
      createdAt,
    ).lastInsertRowid,
  );
  let consents = 0;
  // Completion needs a valid treatment consent: every course that reached its first transplant has one.
  const hasPast = bookings.some((b) => b.day < s.today);
  if (!c.cancelled && (hasPast || rng.chance(0.7))) {
    const given = dayIso(Math.min(admission, s.today));
    st.consent.run(courseId, 'treatment', given, taker, null, createdAt);
    const dataWithdrawn = hasPast && rng.chance(0.05) ? dayIso(Math.min(discharge, s.today)) : null;
    st.consent.run(courseId, 'data_use', given, taker, dataWithdrawn, createdAt);
    consents += 2;
    if (rng.chance(0.4)) {
      const photoWithdrawn = rng.chance(0.1) ? given : null;
      st.consent.run(courseId, 'photo_video', given, taker, photoWithdrawn, createdAt);
      consents += 1;
    }
  }
  bookings.sort((a, b) => a.day - b.day || a.slot - b.slot);
  let sequence = 0;
  for (const b of bookings) {
    const startMin = c.shape.firstSlot + b.slot * c.shape.slotMinutes;
    const starts = zone.instant(b.day, startMin);
    const ends = starts + Math.min(b.type.minutes, c.shape.slotMinutes) * MINUTE;
    const holding = b.status === 'completed' || b.status === 'scheduled';
    const done = b.status === 'completed';
    const p = PRODUCTS[b.type.code] ?? { product: 'Cell product', prefix: 'LOT', dose: 10 };
    st.procedure.run(
      courseId,
      c.patientId,
      b.type.id,
      holding ? ++sequence : null,
      iso(starts),
      iso(ends),
      s.roomIds[b.room],
      s.doctorIds[b.doctor],
      b.status,
      b.reason,
      done ? p.product : null,
      done ? lotFor(p.prefix, b.day, c.lotDays) : null,
      done ? p.dose : null,
      done ? 'million_cells' : null,
      done ? b.type.route : null,
      done ? iso(starts) : null,
      done ? iso(ends) : null,
      done ? s.doctorIds[b.doctor] : null,
      done ? iso(ends) : null,
      createdAt,
      taker,
      done ? iso(ends) : createdAt,
    );
  }
  return { consents, procedures: bookings.length };
}

function add(total: TreatmentSeedResult, course: { consents: number; procedures: number }): void {
  total.courses += 1;
  total.consents += course.consents;
  total.procedures += course.procedures;
}

/**
 * The demo ward: most patients treated once (admitted some weeks after registration), about one in six again a year
 * later, a few cancelled stays; a handful admitted around today so that today, tomorrow and the next two weeks have
 * bookings.
 */
export function seedDemoWard(s: WardSetup, seed = 1): TreatmentSeedResult {
  const rng = new Random(seed * 7919 + 17);
  const st = prepareStatements(s.w);
  const book = new SlotBook(DEMO_DAY, s.roomIds.length, s.doctorIds.length, rng);
  const plans: { patientId: number; admission: number; cancelled: boolean }[] = [];
  const recent = [-4, -1, -1, 0, 3, 7, 10];
  s.patients.forEach((patientId, i) => {
    if (i < recent.length) {
      plans.push({ patientId, admission: s.today + (recent[i] ?? 0), cancelled: false });
      return;
    }
    if (rng.chance(0.2)) return;
    const reg = s.registered[i] ?? s.today - 200;
    let admission = reg + rng.int(20, 120);
    if (admission > s.today + 14) admission = s.today + rng.int(15, 45);
    plans.push({ patientId, admission, cancelled: rng.chance(0.05) });
    if (reg + 420 < s.today && rng.chance(0.6)) {
      plans.push({ patientId, admission: admission + 365 + rng.int(-20, 20), cancelled: false });
    }
  });
  plans.sort((a, b) => a.admission - b.admission);
  const result = { rooms: s.roomIds.length, courses: 0, consents: 0, procedures: 0 };
  for (const p of plans) {
    add(result, writeCourse(s, st, book, rng, { ...p, shape: DEMO_DAY, lotDays: 30 }));
  }
  return result;
}

/**
 * The benchmark ward: `procedures` bookings over `years` up to today (plus the coming two weeks), on enough rooms and
 * doctors to hold them without a clash. Courses go to the existing patients in turn, so one patient's stays are far
 * apart. `commit` is called now and then so the write-ahead log does not grow without bound.
 */
export function seedBenchWard(
  s: WardSetup,
  o: { procedures: number; years: number; seed?: number },
  commit: () => void,
): TreatmentSeedResult {
  const rng = new Random((o.seed ?? 1) * 104_729 + 3);
  const st = prepareStatements(s.w);
  const book = new SlotBook(BENCH_DAY, s.roomIds.length, s.doctorIds.length, rng);
  // Stays the clinic already has (the demo ward) come first: a patient's new stays start after them.
  const stays = s.w
    .prepare('SELECT patient_id AS id, max(planned_discharge) AS last FROM courses GROUP BY patient_id')
    .all() as { id: number; last: string }[];
  for (const p of stays) book.patientFree.set(p.id, Math.round(Date.parse(`${p.last}T00:00:00Z`) / DAY) + 1);
  const first = s.today - Math.round(o.years * 365.25);
  const days = s.today + 14 - first;
  // About 2.08 bookings per course (no-shows and postponements are booked again), measured at a million.
  const courses = Math.max(1, Math.round(o.procedures / 2.08));
  const result = { rooms: s.roomIds.length, courses: 0, consents: 0, procedures: 0 };
  for (let i = 0; result.procedures < o.procedures; i++) {
    if (i > 0 && i % 50_000 === 0) commit();
    const patientId = s.patients[i % s.patients.length] ?? 0;
    const admission = first + Math.floor((i * days) / courses) - 1;
    const cancelled = rng.chance(0.02);
    add(result, writeCourse(s, st, book, rng, { patientId, admission, cancelled, shape: BENCH_DAY, lotDays: 1 }));
  }
  return result;
}

/** Rooms and doctors a bench ward needs so its bookings fit: one per lane of the busiest day, with room to spare. */
export const benchLanes = (procedures: number, years: number): number =>
  Math.ceil(((procedures / (years * 365.25 + 14)) * 1.25) / BENCH_DAY.slots);

export { DEMO_ROOMS };
