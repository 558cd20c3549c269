// Core tests on real SQLite: booking without clashes, transplant numbers, status changes, completion and consent,
// the calendar, lots, the ward list, the agenda and the patient's courses.
import { beforeEach, describe, expect, it } from 'vitest';
import type {
  BookingClash,
  CourseDetail,
  Envelope,
  LotUse,
  Procedure,
  SearchResults,
  RoomDayLoad,
  TreatmentAgenda,
  WardList,
} from '../../db/contract';
import { HOLDING_SQL, calendarSql, occupancySql } from '../../db/repos/procedures';
import { dayStart } from '../../db/services/treatment-views';
import { planOf, statementsOf } from './plans';
import { fixedClock, makeCore } from './support';
import { type Ward, addConsent, addCourse, at, book, bookInput, newPatient, ward } from './treatment-support';

let w: Ward;
let courseA: number;
let courseB: number;
let patientA: number;

beforeEach(async () => {
  w = await ward(makeCore({ clock: fixedClock('2026-12-02T00:00:00.000Z') }), 3);
  const a = await newPatient(w);
  const b = await newPatient(w);
  patientA = a.id;
  courseA = addCourse(w.core, a.id, { allergies: 'Penicillin' });
  courseB = addCourse(w.core, b.id);
});

const errorOf = (r: Envelope<unknown>) => {
  if (r.ok) throw new Error('expected a refusal');
  return r.error;
};
const refusal = async (method: string, input: unknown, by = w.coordinator) => errorOf(await by.call(method, input));
const seqs = (core = w.core, course = courseA) =>
  (
    core.db.prepare('SELECT id, sequence FROM procedures WHERE course_id = ? ORDER BY id').all(course) as {
      id: number;
      sequence: number | null;
    }[]
  ).map((r) => r.sequence);

describe('booking and its clashes', () => {
  it('books a slot with transplant #1 and every name the calendar shows', async () => {
    const p = await book(w, {
      courseId: courseA,
      startsAt: '2026-12-02T01:00:00Z',
      endsAt: at(2, '10:00'),
      roomId: w.rooms[0] ?? 0,
      doctorId: w.ids.doctor,
    });
    expect(p).toMatchObject({
      courseId: courseA,
      sequence: 1,
      status: 'scheduled',
      startsAt: '2026-12-02T01:00:00.000Z',
      roomName: 'Room 1',
      doctorName: 'Dr. Daria',
      typeCode: 'lumbar_puncture',
      completion: null,
      version: 1,
    });
    expect(p.patient.id).toBe(patientA);
  });

  const first = () => ({ startsAt: at(2, '09:00'), endsAt: at(2, '10:00'), roomId: w.rooms[0] ?? 0 });
  const cases = [
    { kind: 'room', other: () => ({ courseId: courseB, roomId: w.rooms[0] ?? 0, doctorId: w.ids.doctor2 }) },
    { kind: 'doctor', other: () => ({ courseId: courseB, roomId: w.rooms[1] ?? 0, doctorId: w.ids.doctor }) },
    { kind: 'patient', other: () => ({ courseId: courseA, roomId: w.rooms[1] ?? 0, doctorId: w.ids.doctor2 }) },
  ] as const;
  for (const c of cases) {
    it(`refuses a one-minute overlap of the same ${c.kind}, names the clashing booking, and allows touching`, async () => {
      const held = await book(w, { courseId: courseA, doctorId: w.ids.doctor, ...first() });
      const late = { ...c.other(), startsAt: at(2, '09:59'), endsAt: at(2, '11:00') };
      const error = await refusal('procedures.book', bookInput(w, late));
      expect(error.code).toBe('CONFLICT');
      expect(error.details?.reason).toBe('booking_clash');
      const clash = error.details?.['clash'] as BookingClash;
      expect(clash).toMatchObject({
        kind: c.kind,
        procedureId: held.id,
        roomName: 'Room 1',
        doctorName: 'Dr. Daria',
        startsAt: at(2, '09:00'),
        endsAt: at(2, '10:00'),
      });
      expect(clash.patient.id).toBe(patientA);
      expect(error.message).toContain(held.patient.mrn);
      expect(error.message).toContain('Room 1');
      const early = { ...c.other(), startsAt: at(2, '08:00'), endsAt: at(2, '09:01') };
      expect((await refusal('procedures.book', bookInput(w, early))).details?.reason).toBe('booking_clash');
      const inside = { ...c.other(), startsAt: at(2, '09:15'), endsAt: at(2, '09:30') };
      expect((await refusal('procedures.book', bookInput(w, inside))).details?.reason).toBe('booking_clash');
      await book(w, { ...c.other(), startsAt: at(2, '10:00'), endsAt: at(2, '11:00') });
      await book(w, { ...c.other(), startsAt: at(2, '08:00'), endsAt: at(2, '09:00') });
    });
  }

  for (const [to, reason] of [
    ['cancelled', 'Fever'],
    ['postponed', 'Lab results late'],
    ['no_show', null],
  ] as const) {
    it(`frees the slot when a booking is ${to}`, async () => {
      const held = await book(w, { courseId: courseA, doctorId: w.ids.doctor, ...first() });
      await w.coordinator.ok('procedures.transition', { id: held.id, version: held.version, to, reason });
      const again = await book(w, { courseId: courseB, doctorId: w.ids.doctor, ...first() });
      expect(again.sequence).toBe(1);
    });
  }

  it('refuses an end before (or at) the start, and a booking over 12 hours, on endsAt', async () => {
    const base = { courseId: courseA, roomId: w.rooms[0], doctorId: w.ids.doctor };
    for (const [startsAt, endsAt] of [
      [at(2, '10:00'), at(2, '09:00')],
      [at(2, '10:00'), at(2, '10:00')],
      [at(2, '06:00'), at(2, '18:01')],
    ]) {
      const error = await refusal('procedures.book', bookInput(w, { ...base, startsAt, endsAt } as never));
      expect(error.code).toBe('VALIDATION');
      expect(error.details?.fields?.[0]?.path).toBe('endsAt');
    }
    await book(w, { ...base, startsAt: at(2, '06:00'), endsAt: at(2, '18:00') } as never);
  });

  it("refuses a booking outside the course's dates in clinic days, naming the dates", async () => {
    const base = { courseId: courseA, roomId: w.rooms[0] ?? 0, doctorId: w.ids.doctor };
    // 2026-12-11 00:30 in Shanghai is still 12-10 in UTC: the clinic's day decides.
    for (const [startsAt, endsAt] of [
      [at(11, '00:30'), at(11, '01:30')],
      [at(10, '23:30'), at(11, '00:30')],
      [at(1, '07:00'), at(1, '09:00')].map((s, i) => (i === 0 ? at(0, '23:00') : s)),
    ] as [string, string][]) {
      const error = await refusal('procedures.book', bookInput(w, { ...base, startsAt, endsAt }));
      expect(error.code).toBe('VALIDATION');
      expect(error.details?.fields).toEqual([
        { path: 'startsAt', message: "Outside the course's dates (2026-12-01 to 2026-12-10)" },
      ]);
    }
    await book(w, { ...base, startsAt: at(10, '23:00'), endsAt: at(11, '00:00') });
    await book(w, { ...base, startsAt: at(1, '00:00'), endsAt: at(1, '01:00') });
    // Once admitted or discharged, the actual days count.
    w.core.db.prepare("UPDATE courses SET admitted_on = '2026-12-03' WHERE id = ?").run(courseB);
    const early = { ...base, courseId: courseB, startsAt: at(2, '12:00'), endsAt: at(2, '13:00') };
    const error = await refusal('procedures.book', bookInput(w, early));
    expect(error.details?.fields?.[0]?.message).toBe("Outside the course's dates (2026-12-03 to 2026-12-10)");
  });

  it('refuses a retired room, a non-doctor, a retired type and a closed course', async () => {
    const slot = { courseId: courseA, startsAt: at(2, '09:00'), endsAt: at(2, '10:00'), roomId: w.rooms[0] ?? 0 };
    w.core.db.prepare('UPDATE rooms SET active = 0 WHERE id = ?').run(w.rooms[2]);
    const retired = await refusal(
      'procedures.book',
      bookInput(w, { ...slot, roomId: w.rooms[2] ?? 0, doctorId: w.ids.doctor }),
    );
    expect(retired.details?.fields?.[0]).toEqual({ path: 'roomId', message: 'Pick an active room' });
    const coord = await refusal('procedures.book', bookInput(w, { ...slot, doctorId: w.ids.coordinator }));
    expect(coord.details?.fields?.[0]).toEqual({ path: 'doctorId', message: 'Pick an active doctor' });
    w.core.db.prepare('UPDATE procedure_types SET active = 0 WHERE id = ?').run(w.types[1]);
    const type = await refusal('procedures.book', { ...slot, doctorId: w.ids.doctor, typeId: w.types[1] });
    expect(type.details?.fields?.[0]?.path).toBe('typeId');
    for (const status of ['cancelled', 'discharged']) {
      w.core.db.prepare('UPDATE courses SET status = ? WHERE id = ?').run(status, courseA);
      const closed = await refusal('procedures.book', bookInput(w, { ...slot, doctorId: w.ids.doctor }));
      expect(closed.code).toBe('CONFLICT');
    }
    const missing = await refusal('procedures.book', bookInput(w, { ...slot, courseId: 999, doctorId: w.ids.doctor }));
    expect(missing.code).toBe('NOT_FOUND');
    expect(w.core.db.prepare('SELECT count(*) AS n FROM procedures').get()).toEqual({ n: 0 });
  });
});

describe('moving, status changes and transplant numbers', () => {
  const slotAt = (day: number, from: string, to: string, room = 0) => ({
    courseId: courseA,
    startsAt: at(day, from),
    endsAt: at(day, to),
    roomId: w.rooms[room] ?? 0,
    doctorId: w.ids.doctor,
  });

  it('keeps numbers gap-free after a cancellation and after a move that reorders', async () => {
    const p1 = await book(w, slotAt(3, '09:00', '10:00'));
    const p3 = await book(w, slotAt(7, '09:00', '10:00'));
    const p2 = await book(w, slotAt(5, '09:00', '10:00'));
    expect(seqs()).toEqual([1, 3, 2]);
    const cancelled = await w.coordinator.ok<Procedure>('procedures.transition', {
      id: p1.id,
      version: p1.version,
      to: 'cancelled',
      reason: 'Fever',
    });
    expect(cancelled).toMatchObject({ status: 'cancelled', reason: 'Fever', sequence: null });
    expect(seqs()).toEqual([null, 2, 1]);
    const moved = await w.coordinator.ok<Procedure>('procedures.move', {
      id: p3.id,
      version: p3.version,
      ...slotAt(4, '14:00', '15:30', 1),
    });
    expect(moved).toMatchObject({ sequence: 1, roomName: 'Room 2', version: 2 });
    expect(seqs()).toEqual([null, 1, 2]);
    expect(p2.id).toBeGreaterThan(0);
  });

  it('numbers a booking made in time order as it is inserted: no other row of the course is written', async () => {
    await book(w, slotAt(3, '09:00', '10:00'));
    const ran = await statementsOf(w.core.db, () => book(w, slotAt(5, '09:00', '10:00')));
    expect(ran.filter((r) => /^\s*(WITH[\s\S]*)?UPDATE procedures/i.test(r.sql))).toEqual([]);
    expect(seqs()).toEqual([1, 2]);
    // Numbers that are not 1…n (a repair, an import) are not trusted: the course is renumbered as before.
    w.core.db.prepare('UPDATE procedures SET sequence = 7 WHERE course_id = ?').run(courseA);
    await book(w, slotAt(7, '09:00', '10:00'));
    expect(seqs()).toEqual([1, 2, 3]);
  });

  it('moves within its own slot, refuses a move onto another booking, and refuses stale versions', async () => {
    const mine = await book(w, slotAt(3, '09:00', '10:00'));
    const other = await book(w, { ...slotAt(3, '11:00', '12:00'), courseId: courseB });
    const longer = await w.coordinator.ok<Procedure>('procedures.move', {
      id: mine.id,
      version: mine.version,
      ...slotAt(3, '09:30', '11:00'),
    });
    expect(longer.endsAt).toBe(at(3, '11:00'));
    const onto = await refusal('procedures.move', {
      id: mine.id,
      version: longer.version,
      ...slotAt(3, '10:00', '11:01'),
    });
    expect(onto.details?.['clash']).toMatchObject({ kind: 'room', procedureId: other.id });
    const stale = await refusal('procedures.move', {
      id: mine.id,
      version: mine.version,
      ...slotAt(4, '09:00', '10:00'),
    });
    expect(stale.details?.reason).toBe('stale_version');
    const backwards = await refusal('procedures.move', {
      id: mine.id,
      version: longer.version,
      ...slotAt(3, '09:00', '08:00'),
    });
    expect(backwards.details?.fields?.[0]?.path).toBe('endsAt');
  });

  it('walks every transition of the lifecycle and refuses the rest', async () => {
    const p = await book(w, slotAt(3, '09:00', '10:00'));
    const noReason = await refusal('procedures.transition', { id: p.id, version: 1, to: 'cancelled', reason: null });
    expect(noReason.details?.fields?.[0]?.path).toBe('reason');
    const postponedNoReason = await refusal('procedures.transition', {
      id: p.id,
      version: 1,
      to: 'postponed',
      reason: '',
    });
    expect(postponedNoReason.code).toBe('VALIDATION');
    const completing = await refusal('procedures.transition', { id: p.id, version: 1, to: 'completed', reason: null });
    expect(completing).toMatchObject({ code: 'INVALID_TRANSITION', details: { command: 'procedures.complete' } });
    const same = await refusal('procedures.transition', { id: p.id, version: 1, to: 'scheduled', reason: null });
    expect(same.code).toBe('INVALID_TRANSITION');
    for (const to of ['cancelled', 'postponed', 'no_show'] as const) {
      const q = await book(w, slotAt(4, '09:00', '10:00'));
      const done = await w.doctor.ok<Procedure>('procedures.transition', { id: q.id, version: 1, to, reason: 'Why' });
      expect(done).toMatchObject({ status: to, sequence: null, version: 2 });
      for (const next of ['scheduled', 'cancelled', 'postponed', 'no_show'] as const) {
        if (next === to) continue;
        const again = await refusal('procedures.transition', { id: q.id, version: 2, to: next, reason: 'x' });
        expect(again.code).toBe('INVALID_TRANSITION');
      }
      const move = await refusal('procedures.move', { id: q.id, version: 2, ...slotAt(5, '09:00', '10:00') });
      expect(move.code).toBe('INVALID_TRANSITION');
    }
  });
});

describe('completion and the consent rule', () => {
  const completion = (p: Procedure, lotNumber = 'LOT-A17') => ({
    id: p.id,
    version: p.version,
    product: 'UC-MSC',
    lotNumber,
    dose: 50,
    doseUnit: 'million_cells',
    route: 'intrathecal',
    performedStart: p.startsAt,
    performedEnd: p.endsAt,
    notes: null,
  });
  const scheduled = (course = courseA, day = 3) =>
    book(w, {
      courseId: course,
      startsAt: at(day, '09:00'),
      endsAt: at(day, '10:00'),
      roomId: w.rooms[0] ?? 0,
      doctorId: w.ids.doctor,
    });

  it('refuses without a treatment consent: none, withdrawn, another type, or one for another course', async () => {
    const p = await scheduled();
    const none = await refusal('procedures.complete', completion(p), w.doctor);
    expect(none).toMatchObject({ code: 'CONFLICT', details: { reason: 'no_treatment_consent' } });
    expect(none.message).toMatch(/treatment consent/);
    addConsent(w.core, courseA, w.ids.coordinator, { withdrawnOn: '2026-12-01' });
    addConsent(w.core, courseA, w.ids.coordinator, { type: 'data_use' });
    addConsent(w.core, courseB, w.ids.coordinator);
    const still = await refusal('procedures.complete', completion(p), w.doctor);
    expect(still.details?.reason).toBe('no_treatment_consent');
    addConsent(w.core, courseA, w.ids.coordinator);
    const done = await w.doctor.ok<Procedure>('procedures.complete', completion(p));
    expect(done).toMatchObject({ status: 'completed', sequence: 1, version: 2 });
    expect(done.completion).toMatchObject({ lotNumber: 'LOT-A17', dose: 50, completedById: w.ids.doctor });
    const twice = await refusal('procedures.complete', completion(done), w.doctor);
    expect(twice.code).toBe('INVALID_TRANSITION');
    const cancel = await refusal('procedures.transition', { id: p.id, version: 2, to: 'cancelled', reason: 'x' });
    expect(cancel.code).toBe('INVALID_TRANSITION');
  });

  it('is for doctors only, needs the patient admitted, and an end after the start', async () => {
    const p = await scheduled(courseB);
    addConsent(w.core, courseB, w.ids.coordinator);
    const coord = await refusal('procedures.complete', completion(p), w.coordinator);
    expect(coord.code).toBe('FORBIDDEN');
    w.core.db.prepare("UPDATE courses SET status = 'planned' WHERE id = ?").run(courseB);
    const planned = await refusal('procedures.complete', completion(p), w.doctor);
    expect(planned).toMatchObject({ code: 'INVALID_TRANSITION', details: { courseStatus: 'planned' } });
    w.core.db.prepare("UPDATE courses SET status = 'discharged' WHERE id = ?").run(courseB);
    const backwards = await refusal('procedures.complete', { ...completion(p), performedEnd: p.startsAt }, w.doctor);
    expect(backwards.details?.fields?.[0]?.path).toBe('performedEnd');
    // Recorded after discharge (late paperwork) is allowed.
    await w.doctor.ok('procedures.complete', completion(p));
  });

  it('finds who received a lot: byLot lists every use, the global search one per patient', async () => {
    addConsent(w.core, courseA, w.ids.coordinator);
    addConsent(w.core, courseB, w.ids.coordinator);
    for (const [course, day, lot] of [
      [courseA, 3, 'LOT-A17'],
      [courseA, 5, 'lot-a17'],
      [courseB, 4, 'LOT-A17'],
      [courseB, 6, 'LOT-B02'],
    ] as const) {
      await w.doctor.ok('procedures.complete', completion(await scheduled(course, day), lot));
    }
    const uses = await w.coordinator.ok<LotUse[]>('procedures.byLot', { lot: 'lot-a17' });
    expect(uses.map((u) => u.completion.performedStart)).toEqual([at(5, '09:00'), at(4, '09:00'), at(3, '09:00')]);
    const prefix = await w.coordinator.ok<LotUse[]>('procedures.byLot', { lot: 'LOT-' });
    expect(prefix).toHaveLength(4);
    const found = await w.coordinator.ok<SearchResults>('search.global', { text: 'LOT-A1' });
    expect(found.lots.map((l) => l.patient.id).sort()).toEqual([patientA, uses[1]?.patient.id].sort());
    expect(found.lots.find((l) => l.patient.id === patientA)?.completion.performedStart).toBe(at(5, '09:00'));
    expect((await w.coordinator.ok<SearchResults>('search.global', { text: 'LOT-C' })).lots).toEqual([]);
  });
});

describe('calendar, ward list, agenda and the patient page', () => {
  beforeEach(async () => {
    const mk = (course: number, day: number, from: string, to: string, room: number, doctor: number) =>
      book(w, {
        courseId: course,
        startsAt: at(day, from),
        endsAt: at(day, to),
        roomId: w.rooms[room] ?? 0,
        doctorId: doctor,
      });
    await mk(courseA, 2, '09:00', '10:00', 1, w.ids.doctor);
    await mk(courseB, 2, '08:00', '09:30', 0, w.ids.doctor2);
    await mk(courseA, 3, '23:30', '23:59', 0, w.ids.doctor);
    const freed = await mk(courseB, 2, '11:00', '12:00', 0, w.ids.doctor2);
    await w.coordinator.ok('procedures.transition', { id: freed.id, version: 1, to: 'no_show', reason: null });
  });

  it('returns bookings overlapping [from, to), by room or doctor, freed ones when asked', async () => {
    const range = { from: at(2, '09:00'), to: at(2, '12:00') };
    const all = await w.coordinator.ok<Procedure[]>('procedures.calendar', range);
    expect(all.map((p) => p.startsAt)).toEqual([at(2, '08:00'), at(2, '09:00')]);
    const room1 = await w.coordinator.ok<Procedure[]>('procedures.calendar', { ...range, roomId: w.rooms[0] });
    expect(room1.map((p) => p.startsAt)).toEqual([at(2, '08:00')]);
    const doc = await w.coordinator.ok<Procedure[]>('procedures.calendar', { ...range, doctorId: w.ids.doctor });
    expect(doc.map((p) => p.startsAt)).toEqual([at(2, '09:00')]);
    const freed = await w.coordinator.ok<Procedure[]>('procedures.calendar', { ...range, includeFreed: true });
    expect(freed.map((p) => p.status)).toEqual(['scheduled', 'scheduled', 'no_show']);
    const touching = await w.coordinator.ok<Procedure[]>('procedures.calendar', {
      from: at(2, '10:00'),
      to: at(2, '11:00'),
    });
    expect(touching).toEqual([]);
  });

  it('sums each room per clinic day for the all-rooms week: holding bookings on their start day', async () => {
    await book(w, {
      courseId: courseA,
      startsAt: at(2, '14:00'),
      endsAt: at(2, '15:00'),
      roomId: w.rooms[0] ?? 0,
      doctorId: w.ids.doctor,
    });
    const week = await w.coordinator.ok<RoomDayLoad[]>('procedures.occupancy', { from: '2026-11-30', days: 7 });
    expect(week).toEqual([
      {
        day: '2026-12-02',
        roomId: w.rooms[0],
        bookings: 2,
        minutes: 150,
        firstStart: at(2, '08:00'),
        lastEnd: at(2, '15:00'),
      },
      {
        day: '2026-12-02',
        roomId: w.rooms[1],
        bookings: 1,
        minutes: 60,
        firstStart: at(2, '09:00'),
        lastEnd: at(2, '10:00'),
      },
      {
        day: '2026-12-03',
        roomId: w.rooms[0],
        bookings: 1,
        minutes: 29,
        firstStart: at(3, '23:30'),
        lastEnd: at(3, '23:59'),
      },
    ]);
    // The clinic's day, not UTC's: 23:30 in Shanghai on the 3rd is still the 3rd.
    const third = await w.coordinator.ok<RoomDayLoad[]>('procedures.occupancy', { from: '2026-12-03', days: 1 });
    expect(third.map((r) => [r.day, r.bookings])).toEqual([['2026-12-03', 1]]);
    expect(await w.coordinator.ok('procedures.occupancy', { from: '2026-12-04' })).toEqual([]);
  });

  it('prints a clinic day by room then time, with allergies and conditions', async () => {
    const list = await w.coordinator.ok<WardList>('procedures.wardList', { day: '2026-12-02' });
    expect(list).toMatchObject({ day: '2026-12-02', timeZone: 'Asia/Shanghai' });
    expect(list.rows.map((r) => [r.procedure.roomName, r.procedure.startsAt])).toEqual([
      ['Room 1', at(2, '08:00')],
      ['Room 2', at(2, '09:00')],
    ]);
    expect(list.rows[1]).toMatchObject({ allergies: 'Penicillin', conditions: ['hypertension'] });
    const late = await w.coordinator.ok<WardList>('procedures.wardList', { day: '2026-12-03' });
    expect(late.rows.map((r) => r.procedure.startsAt)).toEqual([at(3, '23:30')]);
  });

  it("gives today's and tomorrow's work, a doctor's own when asked", async () => {
    w.core.db
      .prepare("UPDATE courses SET status = 'planned', planned_admission = '2026-12-03' WHERE id = ?")
      .run(courseB);
    const agenda = await w.coordinator.ok<TreatmentAgenda>('treatment.agenda', {});
    expect(agenda).toMatchObject({ today: '2026-12-02', tomorrow: '2026-12-03' });
    expect(agenda.procedures).toHaveLength(3);
    expect(agenda.admissions.map((a) => a.course.id)).toEqual([courseB]);
    expect(agenda.totals).toEqual({ today: 2, tomorrow: 1, admissions: 1, discharges: 0 });
    const mine = await w.doctor2.ok<TreatmentAgenda>('treatment.agenda', { mine: true });
    expect(mine.procedures.map((p) => p.doctorName)).toEqual(['Dr. Ming']);
    // Today's panels ask for each list's first rows: each day keeps its first booking, the totals stay whole.
    const first = await w.coordinator.ok<TreatmentAgenda>('treatment.agenda', { firstRows: 1 });
    expect(first.procedures.map((p) => p.id)).toEqual([agenda.procedures[0]?.id, agenda.procedures[2]?.id]);
    expect(first.totals).toEqual(agenda.totals);
    expect(first.admissions.map((a) => a.course.id)).toEqual([courseB]);
  });

  it("shows a patient's courses with consents, procedures and whether one may be completed", async () => {
    const second = addCourse(w.core, patientA, {
      status: 'planned',
      plannedAdmission: '2027-05-01',
      plannedDischarge: '2027-05-09',
    });
    addConsent(w.core, courseA, w.ids.coordinator);
    addConsent(w.core, second, w.ids.coordinator, { withdrawnOn: '2027-04-01' });
    const detail = await w.coordinator.ok<CourseDetail[]>('courses.forPatient', { patientId: patientA });
    expect(
      detail.map((d) => [d.course.id, d.course.number, d.hasTreatmentConsent, d.procedures.length, d.consents.length]),
    ).toEqual([
      [courseA, 1, true, 2, 1],
      [second, 2, false, 0, 1],
    ]);
    // The patient is read once for the page and shared by its procedures: the same fields a joined read gives.
    const patient = w.core.db
      .prepare(
        `SELECT id, mrn, family_name AS familyName, given_name AS givenName, native_name AS nativeName
           FROM patients WHERE id = ?`,
      )
      .get(patientA);
    expect(detail[0]?.procedures.map((p) => p.patient)).toEqual([patient, patient]);
  });
});

describe('the conflict query', () => {
  it('states the partial indexes condition word for word and range-scans them', () => {
    const sqls = w.core.db
      .prepare("SELECT sql FROM sqlite_master WHERE name IN ('procedures_room', 'procedures_doctor')")
      .all() as { sql: string }[];
    for (const s of sqls) expect(s.sql).toContain(`WHERE ${HOLDING_SQL}`);
    const plan = w.core.db
      .prepare(
        `EXPLAIN QUERY PLAN SELECT id FROM procedures p WHERE p.room_id = 1 AND p.${HOLDING_SQL}
         AND p.starts_at > '2026' AND p.starts_at < '2027'`,
      )
      .all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toContain('procedures_room');
  });

  it('writes a booking into the row and five indexes, and numbers it from the course index', () => {
    // Each index a scheduled booking enters is one more page in the booking's commit (migration 0190).
    const indexes = w.core.db
      .prepare(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'procedures' AND sql IS NOT NULL",
      )
      .all() as { name: string; sql: string }[];
    const entered = indexes.filter((i) => !/WHERE/.test(i.sql) || i.sql.includes(`WHERE ${HOLDING_SQL}`));
    expect(entered.map((i) => i.name).sort()).toEqual([
      'procedures_calendar',
      'procedures_course',
      'procedures_doctor',
      'procedures_patient',
      'procedures_room',
    ]);
    const next = planOf(
      w.core.db,
      `SELECT count(*), count(DISTINCT sequence), min(sequence), max(sequence), max(starts_at >= ?) FROM procedures
        WHERE course_id = ? AND ${HOLDING_SQL}`,
      ['2026-12-05T09:00:00.000Z', courseA],
    ).join(' | ');
    expect(next).toMatch(/SEARCH procedures USING INDEX procedures_course \(course_id=\?\)/);
  });

  it('reads a week of every room from the covering calendar index alone, freed bookings too', () => {
    const index = w.core.db.prepare("SELECT sql FROM sqlite_master WHERE name = 'procedures_calendar'").get() as {
      sql: string;
    };
    // Every status (0190): it is also the index of every booking by time, so a booking writes one index fewer.
    expect(index.sql).not.toContain('WHERE');
    const plan = (q: Parameters<typeof calendarSql>[0]) => {
      const s = calendarSql(q);
      const rows = w.core.db.prepare(`EXPLAIN QUERY PLAN ${s.text}`).all(...s.values) as { detail: string }[];
      return rows.map((r) => r.detail).join(' | ');
    };
    const week = { from: '2026-01-01T00:00:00.000Z', to: '2026-01-08T00:00:00.000Z', includeFreed: false };
    expect(plan({ ...week, roomId: null, doctorId: null })).toMatch(
      /SEARCH p USING COVERING INDEX procedures_calendar/,
    );
    expect(plan({ ...week, roomId: 1, doctorId: null })).toContain('procedures_room');
    expect(plan({ ...week, roomId: null, doctorId: 1 })).toContain('procedures_doctor');
    expect(plan({ ...week, roomId: null, doctorId: null, includeFreed: true })).toMatch(
      /SEARCH p USING COVERING INDEX procedures_calendar/,
    );
  });

  it('sums the occupancy of a week from one range of the covering index per day, never the table', () => {
    const days = [1, 2, 3, 4, 5, 6, 7].map((d) => ({
      day: `2026-01-0${d}`,
      from: `2026-01-0${d}T00:00:00.000Z`,
      to: `2026-01-0${d + 1}T00:00:00.000Z`,
    }));
    const s = occupancySql(days);
    const plan = (w.core.db.prepare(`EXPLAIN QUERY PLAN ${s.text}`).all(...s.values) as { detail: string }[])
      .map((r) => r.detail)
      .join(' | ');
    expect(plan).toMatch(/SEARCH p USING COVERING INDEX procedures_calendar \(starts_at>\? AND starts_at<\?\)/);
    expect(plan).not.toMatch(/SCAN p\b/);
  });

  it('finds the UTC start of a clinic day across a daylight-saving change', () => {
    expect(dayStart('2026-12-02', 'Asia/Shanghai')).toBe('2026-12-01T16:00:00.000Z');
    expect(dayStart('2026-03-08', 'America/New_York')).toBe('2026-03-08T05:00:00.000Z');
    expect(dayStart('2026-03-09', 'America/New_York')).toBe('2026-03-09T04:00:00.000Z');
  });
});
