// The follow-up worklist in the core on real SQLite: month points' states and their edges (first and last day of a
// window, missed), a done assessment removing its point, attempts changing the row, lost to follow-up, month-end
// targets matching the JS schedule, roles and the audit entry.
import { describe, expect, it } from 'vitest';
import type { ContactAttempt, Course, FollowUpRow, FollowUpWorklist, Patient } from '../../db/contract';
import { courseSchedule } from '../../db/services/assessment-schedule';
import type { Core } from '../../db/services/core';
import { type Caller, PASSWORD, caller, patientInput } from './support';
import { courseInput, refusal, tempDirs, treatmentClinic } from './treatment-fixtures';

const dirs = tempDirs();

/** 03:00 UTC is 11:00 in Shanghai, the clinic's zone: the clinic's day is the date written. */
const at = (day: string) => `${day}T03:00:00.000Z`;

/** Discharges a course straight in the table (the course commands refuse dates in the future of the test clock). */
function discharge(core: Core, courseId: number, admittedOn: string, dischargedOn: string): void {
  core.db
    .prepare(`UPDATE courses SET status = 'discharged', admitted_on = ?, discharged_on = ? WHERE id = ?`)
    .run(admittedOn, dischargedOn, courseId);
}

async function signedIn(core: Core, username: string): Promise<Caller> {
  const c = caller(core);
  await c.ok('auth.signIn', { username, password: PASSWORD });
  return c;
}

/** The clinic's patient, discharged on 25 Oct 2026: the 1-month point's target is 25 Nov, window 18 Nov – 2 Dec. */
async function clinicWithDischarge() {
  const clinic = await treatmentClinic(dirs);
  const course = await clinic.coordinator.ok<Course>('courses.create', {
    patientId: clinic.patient.id,
    fields: courseInput({ plannedAdmission: '2026-10-05', plannedDischarge: '2026-10-25' }),
  });
  discharge(clinic.core, course.id, '2026-10-05', '2026-10-25');
  return { ...clinic, course };
}
type Clinic = Awaited<ReturnType<typeof clinicWithDischarge>>;

async function worklistOn(c: Clinic, day: string, input: Record<string, unknown> = {}): Promise<FollowUpWorklist> {
  c.clock.set(at(day));
  const who = await signedIn(c.core, 'coord');
  return who.ok<FollowUpWorklist>('followUps.worklist', input);
}

const m1 = (w: FollowUpWorklist): FollowUpRow | undefined => w.rows.find((r) => r.timePoint === 'm1');

describe('followUps.worklist states', () => {
  it('shows the 1-month point upcoming, due from the first day of its window, overdue to its last day, then missed', async () => {
    const c = await clinicWithDischarge();
    expect(m1(await worklistOn(c, '2026-11-03'))).toBeUndefined();
    expect(m1(await worklistOn(c, '2026-11-04'))?.state).toBe('upcoming');
    expect(m1(await worklistOn(c, '2026-11-17'))?.state).toBe('upcoming');
    const first = m1(await worklistOn(c, '2026-11-18'));
    expect(first).toMatchObject({ state: 'due', target: '2026-11-25', from: '2026-11-18', to: '2026-12-02' });
    expect(m1(await worklistOn(c, '2026-11-25'))?.state).toBe('due');
    expect(m1(await worklistOn(c, '2026-11-26'))?.state).toBe('overdue');
    expect(m1(await worklistOn(c, '2026-12-02'))?.state).toBe('overdue');
    // The day after the window closes the point leaves the open list and is found under "missed".
    expect(m1(await worklistOn(c, '2026-12-03'))).toBeUndefined();
    expect(m1(await worklistOn(c, '2026-12-03', { states: ['missed'] }))?.state).toBe('missed');
  });

  it('carries the contact details, the preferred language and the country', async () => {
    const c = await clinicWithDischarge();
    const row = m1(await worklistOn(c, '2026-11-25'));
    expect(row).toMatchObject({
      patientId: c.patient.id,
      familyName: c.patient.familyName,
      givenName: c.patient.givenName,
      mrn: c.patient.mrn,
      phone: c.patient.phone,
      email: c.patient.email,
      country: c.patient.nationality,
      language: c.patient.languages[0] ?? null,
      courseId: c.course.id,
      dischargedOn: '2026-10-25',
      lastAttempt: null,
    });
  });

  it('drops a point once an assessment is attached to it', async () => {
    const c = await clinicWithDischarge();
    expect(m1(await worklistOn(c, '2026-11-25'))).toBeDefined();
    const doctor = await signedIn(c.core, 'doctor');
    await doctor.ok('assessments.start', {
      patientId: c.patient.id,
      courseId: c.course.id,
      timePoint: 'm1',
      instrument: { id: 'mrs' },
      mode: 'phone',
    });
    const after = await worklistOn(c, '2026-11-25', { states: ['overdue', 'due', 'upcoming', 'missed', 'lost'] });
    expect(m1(after)).toBeUndefined();
  });

  it('sorts overdue before due before upcoming and filters by time point; pages with a total', async () => {
    const c = await clinicWithDischarge();
    // A second patient discharged earlier: their 1-month point is overdue on 25 Nov.
    const other = await c.coordinator.ok<Patient>(
      'patients.create',
      patientInput({ familyName: 'Okafor', givenName: 'Ada', email: 'ada@example.org', phone: '+234 803 000 0000' }),
    );
    const course = await c.coordinator.ok<Course>('courses.create', {
      patientId: other.id,
      fields: courseInput({ plannedAdmission: '2026-10-01', plannedDischarge: '2026-10-20' }),
    });
    discharge(c.core, course.id, '2026-10-01', '2026-10-20');
    const w = await worklistOn(c, '2026-11-25');
    expect(w.rows.map((r) => [r.patientId, r.state])).toEqual([
      [other.id, 'overdue'],
      [c.patient.id, 'due'],
    ]);
    const page = await worklistOn(c, '2026-11-25', { limit: 1, offset: 1 });
    expect(page.total).toBe(2);
    expect(page.rows.map((r) => r.patientId)).toEqual([c.patient.id]);
    expect((await worklistOn(c, '2026-11-25', { offset: 5 })).total).toBe(2);
    expect((await worklistOn(c, '2026-11-25', { timePoint: 'm3' })).rows).toEqual([]);
  });

  it('computes month-end targets and windows exactly as the JS schedule does', async () => {
    const c = await treatmentClinic(dirs);
    const discharges = ['2026-01-31', '2025-03-31', '2024-02-29', '2025-08-30', '2025-12-31', '2025-05-31'];
    for (const day of discharges) {
      const p = await c.coordinator.ok<Patient>('patients.create', patientInput({ familyName: `P${day}` }));
      const course = await c.coordinator.ok<Course>('courses.create', {
        patientId: p.id,
        fields: courseInput({ plannedAdmission: '2020-01-01', plannedDischarge: day }),
      });
      discharge(c.core, course.id, '2020-01-01', day);
      // Every point has closed by mid-2028: all are missed, so all are listed.
      c.clock.set(at('2028-06-01'));
      const who = await signedIn(c.core, 'coord');
      const w = await who.ok<FollowUpWorklist>('followUps.worklist', { states: ['missed'], limit: 200 });
      const rows = w.rows.filter((r) => r.courseId === course.id);
      const js = courseSchedule({ id: course.id, admission: '2020-01-01', discharge: day, procedures: [] });
      const expected = js
        .filter((pt) => ['m1', 'm3', 'm6', 'm12'].includes(pt.timePoint))
        .map((pt) => ({ timePoint: pt.timePoint, target: pt.target, from: pt.from, to: pt.to }))
        .sort((a, b) => a.timePoint.localeCompare(b.timePoint));
      const got = rows
        .map((r) => ({ timePoint: r.timePoint, target: r.target, from: r.from, to: r.to }))
        .sort((a, b) => a.timePoint.localeCompare(b.timePoint));
      expect(got).toEqual(expected);
      c.clock.set(at('2026-11-25'));
    }
  });
});

describe('followUps.recordAttempt', () => {
  it('records an attempt through the kernel with an audit entry, and the row shows it as the last attempt', async () => {
    const c = await clinicWithDischarge();
    const who = await signedIn(c.core, 'coord');
    c.clock.set(at('2026-11-25'));
    const attempt = await who.ok<ContactAttempt>('followUps.recordAttempt', {
      courseId: c.course.id,
      timePoint: 'm1',
      outcome: 'no_answer',
      note: '  Rang twice  ',
      nextTryOn: '2026-11-27',
    });
    expect(attempt).toMatchObject({
      patientId: c.patient.id,
      outcome: 'no_answer',
      note: 'Rang twice',
      nextTryOn: '2026-11-27',
      byId: c.ids.coordinator,
      byName: 'Chen Coordinator',
      at: at('2026-11-25'),
    });
    const audit = c.core.db
      .prepare(`SELECT actor_id, entity, entity_id FROM audit_log WHERE action = 'followUps.recordAttempt'`)
      .all();
    expect(audit).toEqual([{ actor_id: c.ids.coordinator, entity: 'follow_up_contact', entity_id: attempt.id }]);
    const row = m1(await worklistOn(c, '2026-11-25'));
    expect(row?.lastAttempt).toEqual(attempt);
    expect(row?.state).toBe('due');
    expect(await who.ok('followUps.attempts', { patientId: c.patient.id })).toEqual([attempt]);
  });

  it('lost to follow-up takes the point off the open list until a later attempt reaches the patient', async () => {
    const c = await clinicWithDischarge();
    c.clock.set(at('2026-11-26'));
    const doctor = await signedIn(c.core, 'doctor');
    await doctor.ok('followUps.recordAttempt', {
      courseId: c.course.id,
      timePoint: 'm1',
      outcome: 'lost_to_follow_up',
    });
    expect(m1(await worklistOn(c, '2026-11-26'))).toBeUndefined();
    expect(m1(await worklistOn(c, '2026-11-26', { states: ['lost'] }))?.state).toBe('lost');
    // Still lost after the window closes: not counted among the missed-and-not-arranged.
    expect(m1(await worklistOn(c, '2026-12-10', { states: ['missed'] }))).toBeUndefined();
    c.clock.set(at('2026-11-27'));
    const again = await signedIn(c.core, 'doctor');
    await again.ok('followUps.recordAttempt', { courseId: c.course.id, timePoint: 'm1', outcome: 'reached' });
    expect(m1(await worklistOn(c, '2026-11-27'))?.state).toBe('overdue');
  });

  it('refuses an admin, a next try in the past, a procedure on a month point and an undischarged course', async () => {
    const c = await clinicWithDischarge();
    const input = { courseId: c.course.id, timePoint: 'm1', outcome: 'refused' };
    expect((await refusal(c.admin, 'followUps.recordAttempt', input)).code).toBe('FORBIDDEN');
    expect((await refusal(c.admin, 'followUps.worklist', {})).code).toBe('FORBIDDEN');
    const past = await refusal(c.coordinator, 'followUps.recordAttempt', { ...input, nextTryOn: '2026-11-24' });
    expect(past.details?.fields).toEqual([{ path: 'nextTryOn', message: 'The next try cannot be before today' }]);
    const proc = await refusal(c.coordinator, 'followUps.recordAttempt', { ...input, procedureId: 1 });
    expect(proc.details?.fields?.[0]?.path).toBe('procedureId');
    const planned = await c.coordinator.ok<Course>('courses.create', {
      patientId: c.patient.id,
      fields: courseInput({ plannedAdmission: '2026-12-20', plannedDischarge: '2027-01-10' }),
    });
    const early = await refusal(c.coordinator, 'followUps.recordAttempt', { ...input, courseId: planned.id });
    expect(early.details?.fields?.[0]?.message).toBe('Follow-ups are arranged for discharged courses');
    expect((await refusal(c.coordinator, 'followUps.recordAttempt', { ...input, courseId: 999 })).code).toBe(
      'NOT_FOUND',
    );
  });

  it('keeps attempts as written: the table refuses an edit or a delete', async () => {
    const c = await clinicWithDischarge();
    const a = await c.coordinator.ok<ContactAttempt>('followUps.recordAttempt', {
      courseId: c.course.id,
      timePoint: 'm1',
      outcome: 'reached',
    });
    expect(() => c.core.db.prepare(`UPDATE follow_up_contacts SET outcome = 'refused' WHERE id = ?`).run(a.id)).toThrow(
      /never edited/,
    );
    expect(() => c.core.db.prepare('DELETE FROM follow_up_contacts WHERE id = ?').run(a.id)).toThrow(/never deleted/);
  });
});
