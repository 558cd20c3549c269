// SQL and row mapping for procedures (bookings): the clash ranges, transplant numbers, calendar, lots and ward list.
import {
  type BookingClash,
  type BookingPatient,
  type CalendarBooking,
  type Completion,
  HOLDING_STATUSES,
  type LotUse,
  type Procedure,
  type ProcedureStatus,
  type RoomDayLoad,
} from '../contract';
import type { ReadableDB, WritableDB } from '../sqlite/handles';
import { Sql, all, arrays, get, raw, run, sql } from '../sqlite/sql';
import { prefixEnd } from './search';

/**
 * The holding statuses written out as literals: SQLite uses the partial indexes of migration 0040 only when a query
 * states their condition word for word (tests/core/procedures.test.ts compares the two).
 */
export const HOLDING_SQL = `status IN (${HOLDING_STATUSES.map((s) => `'${s}'`).join(', ')})`;
const HOLDING = raw(HOLDING_SQL);

/** The longest booking the core accepts: what lets every overlap query be one index range on starts_at. */
export const MAX_BOOKING_MS = 12 * 60 * 60 * 1000;
export const lowerBound = (startsAt: string): string => new Date(Date.parse(startsAt) - MAX_BOOKING_MS).toISOString();

interface ProcedureRow {
  id: number;
  course_id: number;
  patient_id: number;
  mrn: string;
  family_name: string;
  given_name: string;
  native_name: string | null;
  type_id: number;
  type_code: string | null;
  type_name: string;
  colour: string;
  sequence: number | null;
  starts_at: string;
  ends_at: string;
  room_id: number;
  room_name: string;
  doctor_id: number;
  doctor_name: string;
  status: ProcedureStatus;
  reason: string | null;
  product: string | null;
  lot_number: string | null;
  dose: number | null;
  dose_unit: Completion['doseUnit'] | null;
  route: Completion['route'] | null;
  performed_start: string | null;
  performed_end: string | null;
  notes: string | null;
  completed_by: number | null;
  completed_at: string | null;
  version: number;
}

const SELECT = sql`SELECT p.id, p.course_id, p.patient_id, pa.mrn, pa.family_name, pa.given_name, pa.native_name,
    p.type_id, t.code AS type_code, t.name AS type_name, t.colour, p.sequence, p.starts_at, p.ends_at,
    p.room_id, r.name AS room_name, p.doctor_id, d.display_name AS doctor_name, p.status, p.reason,
    p.product, p.lot_number, p.dose, p.dose_unit, p.route, p.performed_start, p.performed_end, p.notes,
    p.completed_by, p.completed_at, p.version
  FROM procedures p
  JOIN patients pa ON pa.id = p.patient_id
  JOIN procedure_types t ON t.id = p.type_id
  JOIN rooms r ON r.id = p.room_id
  JOIN accounts d ON d.id = p.doctor_id`;

const toPatient = (r: Pick<ProcedureRow, PatientColumn | 'patient_id'>): BookingPatient => ({
  id: r.patient_id,
  mrn: r.mrn,
  familyName: r.family_name,
  givenName: r.given_name,
  nativeName: r.native_name,
});

function toCompletion(r: Omit<ProcedureRow, PatientColumn>): Completion | null {
  if (r.status !== 'completed' || r.lot_number === null) return null;
  return {
    product: r.product ?? '',
    lotNumber: r.lot_number,
    dose: r.dose ?? 0,
    doseUnit: r.dose_unit ?? 'million_cells',
    route: r.route ?? 'intrathecal',
    performedStart: r.performed_start ?? r.starts_at,
    performedEnd: r.performed_end ?? r.ends_at,
    notes: r.notes,
    completedById: r.completed_by ?? r.doctor_id,
    completedAt: r.completed_at ?? r.ends_at,
  };
}

const toProcedure = (r: Omit<ProcedureRow, PatientColumn>, patient: BookingPatient): Procedure => ({
  id: r.id,
  courseId: r.course_id,
  patient,
  typeId: r.type_id,
  typeCode: r.type_code,
  typeName: r.type_name,
  colour: r.colour,
  sequence: r.sequence,
  startsAt: r.starts_at,
  endsAt: r.ends_at,
  roomId: r.room_id,
  roomName: r.room_name,
  doctorId: r.doctor_id,
  doctorName: r.doctor_name,
  status: r.status,
  reason: r.reason,
  completion: toCompletion(r),
  version: r.version,
});

/** A row joined to its patient. */
const joined = (r: ProcedureRow): Procedure => toProcedure(r, toPatient(r));

const procedures = (db: ReadableDB, where: Sql, order: Sql = sql`p.starts_at, p.id`): Procedure[] =>
  all<ProcedureRow>(db, sql`${SELECT} WHERE ${where} ORDER BY ${order}`).map(joined);

export function findProcedure(db: ReadableDB, id: number): Procedure | null {
  const r = get<ProcedureRow>(db, sql`${SELECT} WHERE p.id = ${id}`);
  return r ? joined(r) : null;
}

/** The patient's columns of a row, read once per patient where all rows share one patient. */
type PatientColumn = 'mrn' | 'family_name' | 'given_name' | 'native_name';

/** SELECT without the patient's join (its columns come from one read of each patient instead). */
const SELECT_UNJOINED = sql`SELECT p.id, p.course_id, p.patient_id, p.type_id, t.code AS type_code, t.name AS type_name,
    t.colour, p.sequence, p.starts_at, p.ends_at, p.room_id, r.name AS room_name, p.doctor_id,
    d.display_name AS doctor_name, p.status, p.reason, p.product, p.lot_number, p.dose, p.dose_unit, p.route,
    p.performed_start, p.performed_end, p.notes, p.completed_by, p.completed_at, p.version
  FROM procedures p
  JOIN procedure_types t ON t.id = p.type_id
  JOIN rooms r ON r.id = p.room_id
  JOIN accounts d ON d.id = p.doctor_id`;

/**
 * The procedures of some courses, in time order. They are a patient page's (one patient's courses), so the patient's
 * name and MRN are read once per patient and shared, not joined and materialised again on each of a hundred rows.
 */
export function proceduresOfCourses(db: ReadableDB, courseIds: readonly number[]): Procedure[] {
  if (courseIds.length === 0) return [];
  const rows = all<Omit<ProcedureRow, PatientColumn>>(
    db,
    sql`${SELECT_UNJOINED} WHERE p.course_id IN (SELECT value FROM json_each(${JSON.stringify(courseIds)}))
        ORDER BY p.starts_at, p.id`,
  );
  const patients = new Map<number, BookingPatient>();
  return rows.map((r) => {
    let patient = patients.get(r.patient_id);
    if (!patient) {
      const p = get<Pick<ProcedureRow, PatientColumn | 'patient_id'>>(
        db,
        sql`SELECT id AS patient_id, mrn, family_name, given_name, native_name FROM patients WHERE id = ${r.patient_id}`,
      );
      if (!p) throw new Error(`Procedure ${r.id} has no patient`);
      patient = toPatient(p);
      patients.set(r.patient_id, patient);
    }
    return toProcedure(r, patient);
  });
}

/** The course facts a booking is checked against. */
export interface CourseWindow {
  id: number;
  patientId: number;
  status: string;
  plannedAdmission: string;
  plannedDischarge: string;
  admittedOn: string | null;
  dischargedOn: string | null;
}

export const findCourseWindow = (db: ReadableDB, id: number): CourseWindow | null =>
  get<CourseWindow>(
    db,
    sql`SELECT id, patient_id AS patientId, status, planned_admission AS plannedAdmission,
          planned_discharge AS plannedDischarge, admitted_on AS admittedOn, discharged_on AS dischargedOn
        FROM courses WHERE id = ${id}`,
  ) ?? null;

export interface Resource {
  name: string;
  active: boolean;
}
export const findRoom = (db: ReadableDB, id: number): Resource | null => {
  const r = get<{ name: string; active: number }>(db, sql`SELECT name, active FROM rooms WHERE id = ${id}`);
  return r ? { name: r.name, active: r.active === 1 } : null;
};
export const findType = (db: ReadableDB, id: number): (Resource & { code: string | null }) | null => {
  const r = get<{ name: string; active: number; code: string | null }>(
    db,
    sql`SELECT name, active, code FROM procedure_types WHERE id = ${id}`,
  );
  return r ? { name: r.name, active: r.active === 1, code: r.code } : null;
};
export const isActiveDoctor = (db: ReadableDB, id: number): boolean =>
  get(db, sql`SELECT 1 AS x FROM accounts WHERE id = ${id} AND role = 'doctor' AND active = 1`) !== undefined;

export interface Slot {
  startsAt: string;
  endsAt: string;
  roomId: number;
  doctorId: number;
  patientId: number;
}

const CLASH_COLUMN = { room: 'room_id', doctor: 'doctor_id', patient: 'patient_id' } as const;

/**
 * The first holding booking that overlaps the slot on the same room, doctor or patient ([start, end): touching is
 * free), other than `exceptId`. One index range per kind: no booking is longer than 12 h, so an overlapping one
 * starts after start − 12 h.
 */
export function findClash(db: ReadableDB, slot: Slot, exceptId: number | null): BookingClash | null {
  const values = { room: slot.roomId, doctor: slot.doctorId, patient: slot.patientId };
  const from = lowerBound(slot.startsAt);
  for (const kind of ['room', 'doctor', 'patient'] as const) {
    const column = raw(`p.${CLASH_COLUMN[kind]}`);
    const row = get<ProcedureRow>(
      db,
      sql`${SELECT} WHERE ${column} = ${values[kind]} AND p.${HOLDING} AND p.starts_at > ${from}
            AND p.starts_at < ${slot.endsAt} AND p.ends_at > ${slot.startsAt} AND p.id IS NOT ${exceptId}
          ORDER BY p.starts_at LIMIT 1`,
    );
    if (row) {
      const p = joined(row);
      return {
        kind,
        procedureId: p.id,
        patient: p.patient,
        roomName: p.roomName,
        doctorName: p.doctorName,
        startsAt: p.startsAt,
        endsAt: p.endsAt,
      };
    }
  }
  return null;
}

/**
 * The transplant number a new booking at `startsAt` takes when it is the course's last holding booking: the next one,
 * provided the course's numbers are 1…n as the core keeps them. Null when a holding booking starts at or after it (the
 * ones after it move up by one) or the numbers are not 1…n: then the whole course is renumbered after the insert.
 */
export function nextSequence(db: ReadableDB, courseId: number, startsAt: string): number | null {
  const r = get<{ n: number; distinct: number; low: number | null; top: number | null; later: number | null }>(
    db,
    sql`SELECT count(*) AS n, count(DISTINCT sequence) AS "distinct", min(sequence) AS low, max(sequence) AS top,
          max(starts_at >= ${startsAt}) AS later
        FROM procedures WHERE course_id = ${courseId} AND ${HOLDING}`,
  );
  if (!r || r.later === 1 || r.distinct !== r.n) return null;
  // n distinct numbers from 1 to n are exactly 1…n.
  if (r.n > 0 && (r.low !== 1 || r.top !== r.n)) return null;
  return r.n + 1;
}

/** A new scheduled booking, numbered already when `sequence` is known (else the caller renumbers the course). */
export function insertProcedure(
  db: WritableDB,
  p: Slot & { courseId: number; typeId: number; sequence: number | null },
  meta: { at: string; by: number },
): number {
  return Number(
    run(
      db,
      sql`INSERT INTO procedures (course_id, patient_id, type_id, sequence, starts_at, ends_at, room_id, doctor_id,
            status, created_at, created_by, updated_at)
          VALUES (${p.courseId}, ${p.patientId}, ${p.typeId}, ${p.sequence}, ${p.startsAt}, ${p.endsAt}, ${p.roomId},
            ${p.doctorId}, 'scheduled', ${meta.at}, ${meta.by}, ${meta.at})`,
    ).lastInsertRowid,
  );
}

export function moveProcedure(db: WritableDB, id: number, slot: Omit<Slot, 'patientId'>, at: string): void {
  run(
    db,
    sql`UPDATE procedures SET starts_at = ${slot.startsAt}, ends_at = ${slot.endsAt}, room_id = ${slot.roomId},
          doctor_id = ${slot.doctorId}, updated_at = ${at}, version = version + 1 WHERE id = ${id}`,
  );
}

export function setStatus(db: WritableDB, id: number, status: ProcedureStatus, reason: string | null, at: string) {
  run(
    db,
    sql`UPDATE procedures SET status = ${status}, reason = ${reason}, updated_at = ${at}, version = version + 1
        WHERE id = ${id}`,
  );
}

export function setCompleted(db: WritableDB, id: number, c: Completion, at: string): void {
  run(
    db,
    sql`UPDATE procedures SET status = 'completed', product = ${c.product}, lot_number = ${c.lotNumber},
          dose = ${c.dose}, dose_unit = ${c.doseUnit}, route = ${c.route}, performed_start = ${c.performedStart},
          performed_end = ${c.performedEnd}, notes = ${c.notes}, completed_by = ${c.completedById},
          completed_at = ${c.completedAt}, updated_at = ${at}, version = version + 1
        WHERE id = ${id}`,
  );
}

/**
 * Transplant numbers of one course, gap-free: 1, 2, … over its holding procedures in time order, null for the rest.
 * Only rows whose number changes are written; a renumbering is not an edit, so versions stay.
 */
export function renumberCourse(db: WritableDB, courseId: number): void {
  run(
    db,
    sql`WITH numbered AS (
          SELECT id, CASE WHEN ${HOLDING} THEN row_number() OVER (PARTITION BY ${HOLDING} ORDER BY starts_at, id)
          END AS n FROM procedures WHERE course_id = ${courseId})
        UPDATE procedures SET sequence = numbered.n FROM numbered
        WHERE procedures.id = numbered.id AND procedures.sequence IS NOT numbered.n`,
  );
}

type CalendarRow = [
  id: number,
  courseId: number,
  patientId: number,
  mrn: string,
  familyName: string,
  givenName: string,
  nativeName: string | null,
  typeId: number,
  typeCode: string | null,
  typeName: string,
  colour: string,
  sequence: number | null,
  startsAt: string,
  endsAt: string,
  roomId: number,
  roomName: string,
  doctorId: number,
  doctorName: string,
  status: ProcedureStatus,
  reason: string | null,
  version: number,
];

export type CalendarQuery = {
  from: string;
  to: string;
  roomId: number | null;
  doctorId: number | null;
  includeFreed: boolean;
};

/** The calendar's statement (tests read its plan). */
export function calendarSql(q: CalendarQuery): Sql {
  const range = sql`p.starts_at > ${lowerBound(q.from)} AND p.starts_at < ${q.to} AND p.ends_at > ${q.from}`;
  const holding = q.includeFreed ? sql`1` : sql`p.${HOLDING}`;
  const room = q.roomId === null ? sql`1` : sql`p.room_id = ${q.roomId}`;
  const doctor = q.doctorId === null ? sql`1` : sql`p.doctor_id = ${q.doctorId}`;
  // One room or one doctor: their own partial index is the narrower range. Every room: the covering index, named
  // because the planner rates it no better than procedures_starts (it cannot see the table lookups it saves).
  const index =
    q.includeFreed || q.roomId !== null || q.doctorId !== null ? sql`` : sql` INDEXED BY procedures_calendar`;
  return sql`SELECT p.id, p.course_id, p.patient_id, pa.mrn, pa.family_name, pa.given_name, pa.native_name,
      p.type_id, t.code, t.name, t.colour, p.sequence, p.starts_at, p.ends_at,
      p.room_id, r.name, p.doctor_id, d.display_name, p.status, p.reason, p.version
    FROM procedures p${index}
    JOIN patients pa ON pa.id = p.patient_id
    JOIN procedure_types t ON t.id = p.type_id
    JOIN rooms r ON r.id = p.room_id
    JOIN accounts d ON d.id = p.doctor_id
    WHERE ${range} AND ${holding} AND ${room} AND ${doctor}
    ORDER BY p.starts_at, p.id`;
}

/**
 * Bookings overlapping [from, to), optionally of one room or one doctor; freed ones only when asked. What a calendar
 * shows and nothing more (the completion record is read with the booking, `findProcedure`), as arrays: a week of all
 * rooms at the 10-year size is 500+ bookings, read from the covering index of migration 0090 without the table.
 */
export function calendar(db: ReadableDB, q: CalendarQuery): CalendarBooking[] {
  const rows = arrays<CalendarRow>(db, calendarSql(q));
  return rows.map((r) => ({
    id: r[0],
    courseId: r[1],
    patient: { id: r[2], mrn: r[3], familyName: r[4], givenName: r[5], nativeName: r[6] },
    typeId: r[7],
    typeCode: r[8],
    typeName: r[9],
    colour: r[10],
    sequence: r[11],
    startsAt: r[12],
    endsAt: r[13],
    roomId: r[14],
    roomName: r[15],
    doctorId: r[16],
    doctorName: r[17],
    status: r[18],
    reason: r[19],
    version: r[20],
  }));
}

/** A clinic day and the instants it spans, [from, to). */
export interface DayRange {
  day: string;
  from: string;
  to: string;
}

/**
 * The occupancy statement (tests read its plan): one range of the covering calendar index per day, grouped by room in
 * SQLite, so a busy week crosses into JavaScript as a few hundred small rows instead of ~1,900 bookings.
 */
export function occupancySql(days: readonly DayRange[]): Sql {
  const values = new Sql(
    days.map(() => '(?, ?, ?)').join(', '),
    days.flatMap((d) => [d.day, d.from, d.to]),
  );
  return sql`WITH d(day, lo, hi) AS (VALUES ${values})
    SELECT d.day, p.room_id, count(*),
      CAST(round(sum(unixepoch(p.ends_at) - unixepoch(p.starts_at)) / 60.0) AS INTEGER),
      min(p.starts_at), max(p.ends_at)
    FROM d JOIN procedures p INDEXED BY procedures_calendar ON p.starts_at >= d.lo AND p.starts_at < d.hi
    WHERE p.${HOLDING}
    GROUP BY d.day, p.room_id
    ORDER BY d.day, p.room_id`;
}

type OccupancyRow = [day: string, roomId: number, bookings: number, minutes: number, first: string, last: string];

/** Per room and day, the holding bookings that start that day: how many, their minutes, first start and last end. */
export function occupancy(db: ReadableDB, days: readonly DayRange[]): RoomDayLoad[] {
  if (days.length === 0) return [];
  return arrays<OccupancyRow>(db, occupancySql(days)).map((r) => ({
    day: r[0],
    roomId: r[1],
    bookings: r[2],
    minutes: r[3],
    firstStart: r[4],
    lastEnd: r[5],
  }));
}

/** Completed procedures whose lot starts with `lot` (case-insensitive): one range on the lot index. */
export function byLot(db: ReadableDB, lot: string, limit = 1000): LotUse[] {
  const lo = lot.trim().toLowerCase();
  return lotUses(
    all<ProcedureRow>(
      db,
      sql`${SELECT} WHERE p.lot_number IS NOT NULL AND lower(p.lot_number) >= ${lo} AND lower(p.lot_number) < ${prefixEnd(lo)}
        ORDER BY p.performed_start DESC, p.id DESC LIMIT ${limit}`,
    ),
  );
}

const lotUses = (rows: ProcedureRow[]): LotUse[] =>
  rows.flatMap((r) => {
    const p = joined(r);
    if (p.completion === null) return [];
    const { id, courseId, patient, sequence, typeName, typeCode, doctorName, completion } = p;
    return [{ procedureId: id, courseId, patient, sequence, typeName, typeCode, doctorName, completion }];
  });

export interface WardFacts {
  allergies: string | null;
  comorbidities: string;
  comorbidities_other: string | null;
}
/** The holding bookings of a clinic day, by room then time, with the course's allergies and the patient's conditions. */
export function wardRows(db: ReadableDB, from: string, to: string): { procedure: Procedure; facts: WardFacts }[] {
  const list = procedures(
    db,
    sql`p.starts_at >= ${from} AND p.starts_at < ${to} AND p.${HOLDING}`,
    sql`r.name COLLATE NOCASE, p.starts_at, p.id`,
  );
  const facts = factsOf(
    db,
    list.map((p) => p.id),
  );
  return list.map((procedure) => ({ procedure, facts: facts.get(procedure.id) ?? NO_FACTS }));
}

const NO_FACTS: WardFacts = { allergies: null, comorbidities: '[]', comorbidities_other: null };

/** The ward facts of these bookings in one read (a read per booking was eighty on a full day). */
function factsOf(db: ReadableDB, ids: readonly number[]): Map<number, WardFacts> {
  if (ids.length === 0) return new Map();
  const rows = all<WardFacts & { id: number }>(
    db,
    sql`SELECT p.id, c.allergies, pa.comorbidities, pa.comorbidities_other FROM procedures p
        JOIN courses c ON c.id = p.course_id JOIN patients pa ON pa.id = p.patient_id
        WHERE p.id IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`,
  );
  return new Map(rows.map(({ id, ...facts }) => [id, facts]));
}

/** Holding bookings starting in [from, to), optionally of one doctor (home screens). */
const agendaWhere = (from: string, to: string, doctorId: number | null) =>
  sql`p.starts_at >= ${from} AND p.starts_at < ${to} AND p.${HOLDING}
      AND ${doctorId === null ? sql`1` : sql`p.doctor_id = ${doctorId}`}`;

/** The holding bookings starting in [from, to) (a doctor's own when given), the first `limit` of them when given. */
export const agendaProcedures = (
  db: ReadableDB,
  from: string,
  to: string,
  doctorId: number | null,
  limit: number | null = null,
): Procedure[] =>
  procedures(
    db,
    agendaWhere(from, to, doctorId),
    limit === null ? sql`p.starts_at, p.id` : sql`p.starts_at, p.id LIMIT ${limit}`,
  );

/** How many bookings agendaProcedures would list without its limit. */
export const countAgendaProcedures = (db: ReadableDB, from: string, to: string, doctorId: number | null): number =>
  get<{ n: number }>(db, sql`SELECT count(*) AS n FROM procedures p WHERE ${agendaWhere(from, to, doctorId)}`)?.n ?? 0;

/**
 * Patients who received a lot starting with `text`, their latest use each: the global search's lot hits, as you type.
 * Every lot starts with a product's letters ("MSC-2026-0042"), so "m" matches most uses of ten years; sorting them all
 * by date took seconds at a million procedures. So the uses are read in the lot index's own order, a window of
 * `limit * 8` of them: the latest lots first (lot numbers carry the year and period) and within a lot the uses written
 * last; only the `limit` patients picked from it are read whole. Typed in full, a lot shows its latest patients; the lot
 * page (byLot) lists every use.
 */
export function lotHits(db: ReadableDB, text: string, limit: number): LotUse[] {
  const lo = text.trim().toLowerCase();
  if (lo === '') return [];
  // Most of what is typed (names, phone digits, MRNs) starts no lot: one index entry says so (~7 µs), where the page's
  // statement costs ~65 µs even with nothing to read, on every search as you type.
  const any = get<{ x: number }>(
    db,
    sql`SELECT 1 AS x FROM procedures WHERE lot_number IS NOT NULL AND lower(lot_number) >= ${lo}
          AND lower(lot_number) < ${prefixEnd(lo)} LIMIT 1`,
  );
  if (!any) return [];
  const rows = all<ProcedureRow>(
    db,
    sql`${SELECT} WHERE p.id IN (
          SELECT x.id FROM (
            SELECT id FROM procedures WHERE lot_number IS NOT NULL AND lower(lot_number) >= ${lo}
               AND lower(lot_number) < ${prefixEnd(lo)}
             ORDER BY lower(lot_number) DESC, id DESC LIMIT ${limit * 8}
          ) w JOIN procedures x ON x.id = w.id
          -- SQLite: the bare x.id comes from the row holding the max(), i.e. each patient's latest use.
          GROUP BY x.patient_id ORDER BY max(x.performed_start) DESC LIMIT ${limit})
        ORDER BY p.performed_start DESC, p.id DESC`,
  );
  return lotUses(rows);
}
