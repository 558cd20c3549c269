// The clinic's numbers through the API on real SQLite, against a tiny clinic worked by hand: patients treated, courses,
// procedures by clinic-local month, the funnel with median first response, AE rates with denominators, follow-up
// completeness per month point (windows from the worklist's SQL), the period filter, roles and the empty clinic.
import { describe, expect, it } from 'vitest';
import type { ClinicNumbers } from '../../db/contract';
import type { Core } from '../../db/services/core';
import { fixedClock, makeCore } from './support';
import { type Ward, addCourse, newPatient, ward } from './treatment-support';

const insert = (core: Core, text: string, ...values: unknown[]): number =>
  Number(core.db.prepare(text).run(...values).lastInsertRowid);

/** Clinic-local (UTC+8) `YYYY-MM-DD hh:mm` as a UTC instant. */
const local = (day: string, hhmm: string): string => new Date(Date.parse(`${day}T${hhmm}:00+08:00`)).toISOString();

function procedure(w: Ward, courseId: number, patientId: number, typeId: number, startsAt: string, status: string) {
  const ends = new Date(Date.parse(startsAt) + 3_600_000).toISOString();
  return insert(
    w.core,
    `INSERT INTO procedures (course_id, patient_id, type_id, starts_at, ends_at, room_id, doctor_id, status, lot_number,
       created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    courseId,
    patientId,
    typeId,
    startsAt,
    ends,
    w.rooms[0],
    w.ids.doctor,
    status,
    status === 'completed' ? 'LOT-1' : null,
    startsAt,
    startsAt,
  );
}

function adverseEvent(w: Ward, patientId: number, procedureId: number | null, grade: number, onset: string) {
  insert(
    w.core,
    `INSERT INTO adverse_events (patient_id, procedure_id, onset_on, description, category, grade, serious, relatedness,
       outcome, status, resolved_on, reported_by, reported_at, updated_at)
     VALUES (?, ?, ?, 'd', 'fever', ?, 0, 'possible', 'recovered', 'resolved', ?, ?, ?, ?)`,
    patientId,
    procedureId,
    onset,
    grade,
    onset,
    w.ids.doctor,
    `${onset}T00:00:00.000Z`,
    `${onset}T00:00:00.000Z`,
  );
}

interface Inq {
  channel: string;
  country: string | null;
  receivedAt: string;
  firstContactAt: string | null;
  status: string;
  patientId?: number | null;
  wasAccepted?: boolean;
}

function inquiry(w: Ward, q: Inq) {
  const id = insert(
    w.core,
    `INSERT INTO inquiries (received_at, channel, contact_name, contact_relation, country, patient_name, patient_sex,
       diagnosis, consent_contact, consent_data_processing, status, first_contact_at, patient_id, created_at, updated_at)
     VALUES (?, ?, 'c', 'self', ?, 'p', 'male', 'ischemic', 1, 1, ?, ?, ?, ?, ?)`,
    q.receivedAt,
    q.channel,
    q.country,
    q.status,
    q.firstContactAt,
    q.patientId ?? null,
    q.receivedAt,
    q.receivedAt,
  );
  if (q.wasAccepted) {
    insert(
      w.core,
      `INSERT INTO inquiry_status_changes (inquiry_id, at, from_status, to_status) VALUES (?, ?, 'under_review', 'accepted')`,
      id,
      q.receivedAt,
    );
  }
}

const hoursAfter = (iso: string, h: number) => new Date(Date.parse(iso) + h * 3_600_000).toISOString();

/**
 * Patients A, B, C. A: LP + IV completed in October, two events on the LP (grades 1, 2), discharged 10 Oct with its
 * 1-month assessment. B: LP completed 10 Nov, an LP cancelled at 00:30 on 1 Nov clinic time (31 Oct in UTC), an IV
 * no-show, a grade-3 event linked to nothing; discharged 30 Sep, no assessment. C: an LP scheduled in December.
 * Today is 3 Dec 2026.
 */
async function tinyClinic() {
  const clock = fixedClock('2026-12-03T03:00:00.000Z');
  const core = makeCore({ clock });
  const w = await ward(core);
  const [lp = 0, iv = 0] = w.types;
  const [a, b, c] = [await newPatient(w), await newPatient(w), await newPatient(w)];
  const ca = addCourse(core, a.id, {
    status: 'discharged',
    plannedAdmission: '2026-10-01',
    plannedDischarge: '2026-10-10',
    admittedOn: '2026-10-01',
    dischargedOn: '2026-10-10',
  });
  const cb = addCourse(core, b.id, {
    status: 'discharged',
    plannedAdmission: '2026-09-20',
    plannedDischarge: '2026-09-30',
    admittedOn: '2026-09-20',
    dischargedOn: '2026-09-30',
  });
  const cc = addCourse(core, c.id, {
    status: 'planned',
    plannedAdmission: '2026-12-15',
    plannedDischarge: '2026-12-25',
  });
  const aLp = procedure(w, ca, a.id, lp, local('2026-10-05', '10:00'), 'completed');
  procedure(w, ca, a.id, iv, local('2026-10-06', '10:00'), 'completed');
  procedure(w, cb, b.id, lp, local('2026-11-10', '10:00'), 'completed');
  procedure(w, cb, b.id, lp, local('2026-11-01', '00:30'), 'cancelled');
  procedure(w, cb, b.id, iv, local('2026-11-13', '10:00'), 'no_show');
  procedure(w, cc, c.id, lp, local('2026-12-20', '10:00'), 'scheduled');
  adverseEvent(w, a.id, aLp, 1, '2026-10-05');
  adverseEvent(w, a.id, aLp, 2, '2026-10-06');
  adverseEvent(w, b.id, null, 3, '2026-11-15');
  insert(
    core,
    `INSERT INTO assessments (patient_id, course_id, time_point, instrument_id, instrument_version, mode, assessor_id,
       assessed_on, created_by, created_at) VALUES (?, ?, 'm1', 'mrs', 1, 'phone', ?, '2026-11-11', ?, ?)`,
    a.id,
    ca,
    w.ids.doctor,
    w.ids.doctor,
    '2026-11-11T03:00:00.000Z',
  );
  const r1 = '2026-11-02T00:00:00.000Z';
  const r2 = '2026-11-03T00:00:00.000Z';
  const r3 = '2026-11-04T00:00:00.000Z';
  inquiry(w, {
    channel: 'web_form',
    country: 'RU',
    receivedAt: r1,
    firstContactAt: hoursAfter(r1, 2),
    status: 'converted',
    patientId: a.id,
  });
  inquiry(w, {
    channel: 'phone',
    country: 'RU',
    receivedAt: r2,
    firstContactAt: hoursAfter(r2, 30),
    status: 'declined',
    wasAccepted: true,
  });
  inquiry(w, {
    channel: 'web_form',
    country: 'CN',
    receivedAt: r3,
    firstContactAt: hoursAfter(r3, 10),
    status: 'contacted',
  });
  inquiry(w, {
    channel: 'web_form',
    country: null,
    receivedAt: '2026-11-05T00:00:00.000Z',
    firstContactAt: null,
    status: 'new',
  });
  return { w, types: { lp, iv } };
}

const numbers = (w: Ward, input: Record<string, unknown> = {}) =>
  w.coordinator.ok<ClinicNumbers>('reports.clinicNumbers', input);

describe('reports.clinicNumbers on a tiny clinic', () => {
  it('counts patients treated, courses by status and procedures by clinic-local month', async () => {
    const { w, types } = await tinyClinic();
    const n = await numbers(w);
    expect(n.today).toBe('2026-12-03');
    expect(n.patientsTreated).toBe(2);
    expect(n.courses).toEqual([
      { status: 'planned', count: 1 },
      { status: 'admitted', count: 0 },
      { status: 'discharged', count: 2 },
      { status: 'cancelled', count: 0 },
    ]);
    const z = { scheduled: 0, completed: 0, cancelled: 0, postponed: 0, noShow: 0 };
    expect(n.proceduresByMonth).toEqual([
      { month: '2026-10', typeId: types.lp, ...z, completed: 1 },
      { month: '2026-10', typeId: types.iv, ...z, completed: 1 },
      // 00:30 on 1 Nov at the clinic is 31 Oct in UTC: it belongs to November.
      { month: '2026-11', typeId: types.lp, ...z, completed: 1, cancelled: 1 },
      { month: '2026-11', typeId: types.iv, ...z, noShow: 1 },
      { month: '2026-12', typeId: types.lp, ...z, scheduled: 1 },
    ]);
  });

  it('walks the funnel by channel and country with the median first response and the share within 24 h', async () => {
    const { w } = await tinyClinic();
    const f = (await numbers(w)).funnel;
    // Responses after 2, 30 and 10 hours; one never answered.
    expect(f.total).toEqual({
      inquiries: 4,
      contacted: 3,
      accepted: 2,
      treated: 1,
      answered: 3,
      within24h: 2,
      medianResponseHours: 10,
    });
    expect(f.byChannel.find((c) => c.channel === 'web_form')).toMatchObject({
      inquiries: 3,
      contacted: 2,
      accepted: 1,
      treated: 1,
      answered: 2,
      within24h: 2,
      medianResponseHours: 6,
    });
    expect(f.byChannel.find((c) => c.channel === 'phone')).toMatchObject({ inquiries: 1, medianResponseHours: 30 });
    expect(f.byChannel.find((c) => c.channel === 'referral')).toMatchObject({
      inquiries: 0,
      medianResponseHours: null,
    });
    expect(f.byCountry.map((c) => [c.kind, c.country, c.inquiries, c.medianResponseHours])).toEqual([
      ['country', 'RU', 2, 16],
      ['country', 'CN', 1, 10],
      ['unknown', null, 1, null],
    ]);
  });

  it('rates adverse events per procedure type and per grade with their denominators', async () => {
    const { w, types } = await tinyClinic();
    const ae = (await numbers(w)).adverseEvents;
    expect(ae.byType.find((t) => t.typeId === types.lp)).toEqual({
      typeId: types.lp,
      procedures: 2,
      events: 2,
      byGrade: [1, 1, 0, 0, 0],
    });
    expect(ae.byType.find((t) => t.typeId === types.iv)).toMatchObject({ procedures: 1, events: 0 });
    expect(ae.byGrade).toEqual([
      { grade: 1, events: 1, patients: 1 },
      { grade: 2, events: 1, patients: 1 },
      { grade: 3, events: 1, patients: 1 },
      { grade: 4, events: 0, patients: 0 },
      { grade: 5, events: 0, patients: 0 },
    ]);
    expect(ae.unlinked).toBe(1);
  });

  it('counts follow-up completeness over the windows that have closed', async () => {
    const { w } = await tinyClinic();
    const fu = (await numbers(w)).followUp;
    // A's 1-month window (target 10 Nov) and B's (target 30 Oct) have closed; only A's was assessed.
    expect(fu).toEqual([
      { timePoint: 'm1', closed: 2, done: 1, open: 0 },
      { timePoint: 'm3', closed: 0, done: 0, open: 2 },
      { timePoint: 'm6', closed: 0, done: 0, open: 2 },
      { timePoint: 'm12', closed: 0, done: 0, open: 2 },
    ]);
  });

  it('keeps to the period, in clinic-local days', async () => {
    const { w, types } = await tinyClinic();
    const n = await numbers(w, { from: '2026-11-01', to: '2026-11-30' });
    expect(n.patientsTreated).toBe(1);
    expect(n.proceduresByMonth.map((m) => [m.month, m.typeId])).toEqual([
      ['2026-11', types.lp],
      ['2026-11', types.iv],
    ]);
    expect(n.adverseEvents.byType.find((t) => t.typeId === types.lp)).toMatchObject({ procedures: 1, events: 0 });
    expect(n.adverseEvents.byGrade.find((g) => g.grade === 3)).toMatchObject({ events: 1, patients: 1 });
    expect(n.followUp[0]).toEqual({ timePoint: 'm1', closed: 1, done: 1, open: 0 });
    expect(n.funnel.total.inquiries).toBe(4);
    const october = await numbers(w, { from: '2026-10-01', to: '2026-10-31' });
    expect(october.funnel.total.inquiries).toBe(0);
    expect(october.courses.find((c) => c.status === 'discharged')?.count).toBe(1);
  });

  it('refuses a period that ends before it starts; doctors may read it too', async () => {
    const { w } = await tinyClinic();
    const bad = await w.coordinator.call('reports.clinicNumbers', { from: '2026-11-30', to: '2026-11-01' });
    expect(bad.ok ? null : bad.error.code).toBe('VALIDATION');
    expect((await w.doctor.call('reports.clinicNumbers', {})).ok).toBe(true);
  });

  it('answers for an empty clinic with zeros, every status, channel, grade and point present', async () => {
    const w = await ward(makeCore({ clock: fixedClock('2026-12-03T03:00:00.000Z') }));
    const n = await numbers(w);
    expect(n.patientsTreated).toBe(0);
    expect(n.proceduresByMonth).toEqual([]);
    expect(n.funnel.byChannel).toHaveLength(6);
    expect(n.funnel.byCountry).toEqual([]);
    expect(n.adverseEvents.byType.map((t) => t.procedures)).toEqual([0, 0, 0]);
    expect(n.followUp.map((f) => f.closed)).toEqual([0, 0, 0, 0]);
  });
});
