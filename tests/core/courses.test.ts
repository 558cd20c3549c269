// Treatment courses in the core: creation and numbering, every lifecycle step and refusal, the cancel cascade over the
// course's bookings, the consent rules, roles, and the audit trail, on real SQLite.
import { describe, expect, it } from 'vitest';
import type { Attachment, Consent, Course, Patient } from '../../db/contract';
import { hasTreatmentConsent } from '../../db/repos/consents';
import { type Caller, auditCount, patientInput } from './support';
import {
  TODAY,
  courseInput,
  insertProcedure,
  procedureState,
  treatmentClinic,
  refusal,
  tempDirs,
} from './treatment-fixtures';

const dirs = tempDirs();

async function withCourse() {
  const clinic = await treatmentClinic(dirs);
  const course = await clinic.coordinator.ok<Course>('courses.create', {
    patientId: clinic.patient.id,
    fields: courseInput(),
  });
  return { ...clinic, course };
}

const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% signed consent\n%%EOF\n');
const attach = (c: Caller, patientId: number, kind = 'consent') =>
  c.ok<Attachment>('attachments.add', {
    owner: { kind: 'patient', id: patientId },
    kind,
    fileName: 'consent.pdf',
    mime: 'application/pdf',
    contentBase64: pdf.toString('base64'),
    note: null,
  });

describe('creating and editing a course', () => {
  it('creates a planned course and numbers a patient’s stays by planned admission', async () => {
    const { coordinator, doctor, patient, course } = await withCourse();
    expect(course).toMatchObject({
      patientId: patient.id,
      status: 'planned',
      number: 1,
      admittedOn: null,
      dischargedOn: null,
      cancelReason: null,
      plannedRoutes: ['intrathecal'],
      version: 1,
    });
    // An earlier stay entered later becomes #1; the first one moves to #2.
    const earlier = await doctor.ok<Course>('courses.create', {
      patientId: patient.id,
      fields: courseInput({ plannedAdmission: '2025-10-01', plannedDischarge: '2025-10-20' }),
    });
    expect(earlier.number).toBe(1);
    const again = await coordinator.ok<Course>('courses.update', {
      id: course.id,
      version: course.version,
      fields: courseInput({ notes: 'Second stay' }),
    });
    expect(again).toMatchObject({ number: 2, notes: 'Second stay', version: 2 });
  });

  it('drops the form’s draft with the save it became: a new course’s by patient, an edit’s by course', async () => {
    const { coordinator, patient } = await withCourse();
    const keep = (formKey: string) =>
      coordinator.ok('drafts.save', { formKey, data: { notes: 'typed' }, baseVersion: null });
    const kept = async () => (await coordinator.ok<{ formKey: string }[]>('drafts.mine', {})).map((d) => d.formKey);
    await keep(`courseNew:${patient.id}`);
    const made = await coordinator.ok<Course>('courses.create', { patientId: patient.id, fields: courseInput() });
    await keep(`course:${made.id}`);
    expect(await kept()).toEqual([`course:${made.id}`]);
    await coordinator.ok<Course>('courses.update', { id: made.id, version: 1, fields: courseInput({ notes: 'x' }) });
    expect(await kept()).toEqual([]);
  });

  it('refuses a discharge planned before the admission, and an unknown or merged patient', async () => {
    const { core, coordinator, patient } = await withCourse();
    const e = await refusal(coordinator, 'courses.create', {
      patientId: patient.id,
      fields: courseInput({ plannedAdmission: '2026-12-10', plannedDischarge: '2026-12-01' }),
    });
    expect(e.code).toBe('VALIDATION');
    expect(e.details?.fields).toEqual([
      { path: 'fields.plannedDischarge', message: 'Must not be before the admission' },
    ]);
    expect((await refusal(coordinator, 'courses.create', { patientId: 999, fields: courseInput() })).code).toBe(
      'NOT_FOUND',
    );
    const other = await coordinator.ok<Patient>('patients.create', patientInput({ passportNumber: 'N7654321' }));
    const [survivor, merged] = [patient, other];
    await coordinator.ok('patients.merge', {
      survivorId: survivor.id,
      survivorVersion: survivor.version,
      mergedId: merged.id,
      mergedVersion: merged.version,
    });
    const m = await refusal(coordinator, 'courses.create', { patientId: merged.id, fields: courseInput() });
    expect(m).toMatchObject({ code: 'CONFLICT', details: { reason: 'merged' } });
    expect(core.db.prepare('SELECT count(*) AS n FROM courses WHERE patient_id = ?').get(merged.id)).toEqual({ n: 0 });
  });

  it('refuses new dates that would leave a booked procedure outside the stay, and edits of a closed course', async () => {
    const { core, coordinator, course, ids } = await withCourse();
    // 2026-12-01 09:00 in Shanghai.
    insertProcedure(core, {
      courseId: course.id,
      startsAt: '2026-12-01T01:00:00.000Z',
      endsAt: '2026-12-01T02:00:00.000Z',
      doctorId: ids.doctor,
    });
    const late = await refusal(coordinator, 'courses.update', {
      id: course.id,
      version: 1,
      fields: courseInput({ plannedAdmission: '2026-12-02', plannedDischarge: '2026-12-20' }),
    });
    expect(late.details?.fields).toEqual([
      { path: 'plannedAdmission', message: 'A procedure booked in this course is before this date' },
    ]);
    const early = await refusal(coordinator, 'courses.update', {
      id: course.id,
      version: 1,
      fields: courseInput({ plannedDischarge: '2026-11-30' }),
    });
    expect(early.details?.fields).toEqual([
      { path: 'plannedDischarge', message: 'A procedure booked in this course is after this date' },
    ]);
    // The booking's clinic-local day (Dec 1) is what counts, not its UTC day.
    insertProcedure(core, {
      courseId: course.id,
      startsAt: '2026-12-09T17:00:00.000Z',
      endsAt: '2026-12-09T18:00:00.000Z',
      doctorId: ids.doctor,
    });
    const byDay = await refusal(coordinator, 'courses.update', {
      id: course.id,
      version: 1,
      fields: courseInput({ plannedDischarge: '2026-12-09' }),
    });
    expect(byDay.details?.fields?.[0]?.path).toBe('plannedDischarge');
    const cancelled = await coordinator.ok<Course>('courses.transition', {
      id: course.id,
      version: 1,
      to: 'cancelled',
      reason: 'Family postponed the trip',
    });
    const closed = await refusal(coordinator, 'courses.update', {
      id: course.id,
      version: cancelled.version,
      fields: courseInput(),
    });
    expect(closed.code).toBe('CONFLICT');
  });

  it('refuses a stale version with the current one', async () => {
    const { coordinator, course } = await withCourse();
    await coordinator.ok('courses.update', { id: course.id, version: 1, fields: courseInput({ notes: 'x' }) });
    const e = await refusal(coordinator, 'courses.update', { id: course.id, version: 1, fields: courseInput() });
    expect(e).toMatchObject({ code: 'CONFLICT', details: { reason: 'stale_version', currentVersion: 2 } });
  });
});

describe('the course lifecycle', () => {
  it('admits on the clinic’s today by default and discharges on a given day', async () => {
    const { coordinator, doctor, course } = await withCourse();
    const admitted = await coordinator.ok<Course>('courses.transition', {
      id: course.id,
      version: 1,
      to: 'admitted',
      reason: null,
    });
    expect(admitted).toMatchObject({ status: 'admitted', admittedOn: TODAY, dischargedOn: null, version: 2 });
    const discharged = await doctor.ok<Course>('courses.transition', {
      id: course.id,
      version: 2,
      to: 'discharged',
      reason: null,
      on: TODAY,
    });
    expect(discharged).toMatchObject({ status: 'discharged', admittedOn: TODAY, dischargedOn: TODAY });
  });

  it('records an admission day given in the past, and refuses one in the future', async () => {
    const { coordinator, course } = await withCourse();
    const future = await refusal(coordinator, 'courses.transition', {
      id: course.id,
      version: 1,
      to: 'admitted',
      reason: null,
      on: '2026-11-26',
    });
    expect(future.details?.fields).toEqual([{ path: 'on', message: 'An admission cannot be in the future' }]);
    const admitted = await coordinator.ok<Course>('courses.transition', {
      id: course.id,
      version: 1,
      to: 'admitted',
      reason: null,
      on: '2026-11-21',
    });
    expect(admitted.admittedOn).toBe('2026-11-21');
  });

  it('refuses a discharge before the admission or in the future', async () => {
    const { coordinator, course } = await withCourse();
    await coordinator.ok('courses.transition', {
      id: course.id,
      version: 1,
      to: 'admitted',
      reason: null,
      on: '2026-11-22',
    });
    const before = await refusal(coordinator, 'courses.transition', {
      id: course.id,
      version: 2,
      to: 'discharged',
      reason: null,
      on: '2026-11-21',
    });
    expect(before).toMatchObject({ code: 'VALIDATION' });
    expect(before.details?.fields).toEqual([{ path: 'on', message: 'A discharge cannot be before the admission' }]);
    const future = await refusal(coordinator, 'courses.transition', {
      id: course.id,
      version: 2,
      to: 'discharged',
      reason: null,
      on: '2026-12-01',
    });
    expect(future.details?.fields).toEqual([{ path: 'on', message: 'A discharge cannot be in the future' }]);
  });

  it.each([
    ['planned', 'discharged', ['admitted', 'cancelled']],
    ['planned', 'planned', ['admitted', 'cancelled']],
    ['admitted', 'cancelled', ['discharged']],
    ['admitted', 'planned', ['discharged']],
    ['discharged', 'admitted', []],
    ['cancelled', 'admitted', []],
  ] as const)('refuses %s → %s, naming what is allowed', async (from, to, allowed) => {
    const { coordinator, course } = await withCourse();
    let version = 1;
    const step = async (next: string, reason: string | null = null) =>
      (version = (await coordinator.ok<Course>('courses.transition', { id: course.id, version, to: next, reason }))
        .version);
    if (from === 'admitted' || from === 'discharged') await step('admitted');
    if (from === 'discharged') await step('discharged');
    if (from === 'cancelled') await step('cancelled', 'Visa refused');
    const e = await refusal(coordinator, 'courses.transition', { id: course.id, version, to, reason: 'why' });
    expect(e.code).toBe('INVALID_TRANSITION');
    expect(e.details).toMatchObject({ entity: 'courses', from, to, allowed });
  });

  it('needs a reason to cancel', async () => {
    const { coordinator, course } = await withCourse();
    const e = await refusal(coordinator, 'courses.transition', {
      id: course.id,
      version: 1,
      to: 'cancelled',
      reason: null,
    });
    expect(e.code).toBe('VALIDATION');
    expect(e.details?.fields).toEqual([{ path: 'reason', message: 'Say why (cancelled)' }]);
  });

  it('cancels the course’s still-scheduled procedures with the same reason, in the same transaction', async () => {
    const { core, coordinator, course, ids, patient } = await withCourse();
    const other = await coordinator.ok<Course>('courses.create', {
      patientId: patient.id,
      fields: courseInput({ plannedAdmission: '2027-06-01', plannedDischarge: '2027-06-20' }),
    });
    const slot = (day: string, h: number) => ({
      startsAt: `2026-${day}T0${h}:00:00.000Z`,
      endsAt: `2026-${day}T0${h + 1}:00:00.000Z`,
      doctorId: ids.doctor,
    });
    const done = insertProcedure(core, { courseId: course.id, ...slot('11-21', 1), status: 'completed', sequence: 1 });
    const first = insertProcedure(core, { courseId: course.id, ...slot('11-28', 1), sequence: 2 });
    const second = insertProcedure(core, { courseId: course.id, ...slot('12-02', 1), sequence: 3 });
    const noShow = insertProcedure(core, { courseId: course.id, ...slot('11-23', 1), status: 'no_show' });
    const elsewhere = insertProcedure(core, {
      courseId: other.id,
      startsAt: '2027-06-02T01:00:00.000Z',
      endsAt: '2027-06-02T02:00:00.000Z',
      doctorId: ids.doctor,
      sequence: 1,
    });
    const audits = auditCount(core);
    const cancelled = await coordinator.ok<Course>('courses.transition', {
      id: course.id,
      version: 1,
      to: 'cancelled',
      reason: 'Fever on arrival',
    });
    expect(cancelled).toMatchObject({ status: 'cancelled', cancelReason: 'Fever on arrival', admittedOn: null });
    for (const id of [first, second]) {
      expect(procedureState(core, id)).toEqual({
        status: 'cancelled',
        reason: 'Fever on arrival',
        sequence: null,
        version: 2,
      });
    }
    expect(procedureState(core, done)).toMatchObject({ status: 'completed', sequence: 1, version: 1 });
    expect(procedureState(core, noShow)).toMatchObject({ status: 'no_show', reason: null, version: 1 });
    expect(procedureState(core, elsewhere)).toMatchObject({ status: 'scheduled', sequence: 1, version: 1 });
    // One entry for the course, one per freed booking.
    expect(auditCount(core)).toBe(audits + 3);
    const entry = core.db
      .prepare("SELECT after_json AS after FROM audit_log WHERE action = 'courses.transition' AND entity = 'course'")
      .get() as { after: string };
    expect(JSON.parse(entry.after)).toMatchObject({ status: 'cancelled', cancelledProcedures: [first, second] });
  });

  it('renumbers what the course still holds gap-free once its scheduled bookings are cancelled', async () => {
    const { core, coordinator, course, ids } = await withCourse();
    const slot = (day: string) => ({
      courseId: course.id,
      startsAt: `2026-${day}T01:00:00.000Z`,
      endsAt: `2026-${day}T02:00:00.000Z`,
      doctorId: ids.doctor,
    });
    // A scheduled #1 that never happened, a completed #2 after it (recorded late), a scheduled #3.
    const skipped = insertProcedure(core, { ...slot('11-21'), sequence: 1 });
    const done = insertProcedure(core, { ...slot('11-22'), status: 'completed', sequence: 2 });
    const later = insertProcedure(core, { ...slot('11-23'), sequence: 3 });
    await coordinator.ok<Course>('courses.transition', { id: course.id, version: 1, to: 'cancelled', reason: 'Fever' });
    expect(procedureState(core, skipped)).toMatchObject({ status: 'cancelled', sequence: null });
    expect(procedureState(core, later)).toMatchObject({ status: 'cancelled', sequence: null });
    // The completed transplant is now the course's #1; a renumbering is not an edit, so its version stays.
    expect(procedureState(core, done)).toEqual({ status: 'completed', reason: null, sequence: 1, version: 1 });
  });

  it('leaves the bookings untouched when the cancellation is refused', async () => {
    const { core, coordinator, course, ids } = await withCourse();
    const booked = insertProcedure(core, {
      courseId: course.id,
      startsAt: '2026-11-28T01:00:00.000Z',
      endsAt: '2026-11-28T02:00:00.000Z',
      doctorId: ids.doctor,
    });
    await refusal(coordinator, 'courses.transition', { id: course.id, version: 1, to: 'cancelled', reason: null });
    await refusal(coordinator, 'courses.transition', { id: course.id, version: 9, to: 'cancelled', reason: 'x' });
    expect(procedureState(core, booked)).toMatchObject({ status: 'scheduled', version: 1 });
  });
});

describe('roles', () => {
  it.each(['coordinator', 'doctor'] as const)('lets a %s run every course and consent command', async (role) => {
    const clinic = await treatmentClinic(dirs);
    const c = clinic[role];
    const course = await c.ok<Course>('courses.create', { patientId: clinic.patient.id, fields: courseInput() });
    await c.ok('courses.update', { id: course.id, version: 1, fields: courseInput({ notes: 'ok' }) });
    await c.ok('courses.transition', { id: course.id, version: 2, to: 'admitted', reason: null });
    const consent = await c.ok<Consent>('consents.record', {
      courseId: course.id,
      type: 'treatment',
      givenOn: TODAY,
      takenById: clinic.ids[role],
    });
    await c.ok('consents.withdraw', { id: consent.id, version: 1, withdrawnOn: TODAY });
  });

  it('keeps an admin (who runs the system, not the ward) out of courses and consents', async () => {
    const { admin, patient, course, ids } = await withCourse();
    const calls: [string, unknown][] = [
      ['courses.create', { patientId: patient.id, fields: courseInput() }],
      ['courses.update', { id: course.id, version: 1, fields: courseInput() }],
      ['courses.transition', { id: course.id, version: 1, to: 'admitted', reason: null }],
      ['consents.record', { courseId: course.id, type: 'treatment', givenOn: TODAY, takenById: ids.doctor }],
      ['consents.withdraw', { id: 1, version: 1, withdrawnOn: TODAY }],
    ];
    for (const [method, input] of calls) expect((await refusal(admin, method, input)).code).toBe('FORBIDDEN');
  });
});

describe('consents', () => {
  it('records a consent with its scanned form and who took it', async () => {
    const { core, coordinator, patient, course, ids } = await withCourse();
    const form = await attach(coordinator, patient.id);
    expect(hasTreatmentConsent(core.db, course.id)).toBe(false);
    const consent = await coordinator.ok<Consent>('consents.record', {
      courseId: course.id,
      type: 'treatment',
      givenOn: '2026-11-20',
      takenById: ids.doctor,
      attachmentId: form.id,
    });
    expect(consent).toMatchObject({
      courseId: course.id,
      type: 'treatment',
      givenOn: '2026-11-20',
      takenById: ids.doctor,
      takenByName: 'Dr. Daria',
      withdrawnOn: null,
      attachmentId: form.id,
      attachmentName: 'consent.pdf',
    });
    expect(hasTreatmentConsent(core.db, course.id)).toBe(true);
  });

  it('counts only a treatment consent of this very course that is not withdrawn', async () => {
    const { core, coordinator, patient, course, ids } = await withCourse();
    const other = await coordinator.ok<Course>('courses.create', {
      patientId: patient.id,
      fields: courseInput({ plannedAdmission: '2027-06-01', plannedDischarge: '2027-06-20' }),
    });
    const record = (courseId: number, type: string) =>
      coordinator.ok<Consent>('consents.record', { courseId, type, givenOn: TODAY, takenById: ids.coordinator });
    await record(other.id, 'treatment');
    await record(course.id, 'data_use');
    expect(hasTreatmentConsent(core.db, course.id)).toBe(false);
    const treatment = await record(course.id, 'treatment');
    expect(hasTreatmentConsent(core.db, course.id)).toBe(true);
    const withdrawn = await coordinator.ok<Consent>('consents.withdraw', {
      id: treatment.id,
      version: 1,
      withdrawnOn: TODAY,
      note: 'Changed their mind',
    });
    expect(withdrawn).toMatchObject({ withdrawnOn: TODAY, version: 2 });
    expect(hasTreatmentConsent(core.db, course.id)).toBe(false);
    expect(hasTreatmentConsent(core.db, other.id)).toBe(true);
  });

  it('refuses a form of another patient, a form not filed as consent, and a removed one', async () => {
    const { coordinator, patient, course, ids } = await withCourse();
    const stranger = await coordinator.ok<Patient>('patients.create', patientInput({ familyName: 'Ivanova' }));
    const theirs = await attach(coordinator, stranger.id);
    const report = await attach(coordinator, patient.id, 'scan_report');
    const removed = await attach(coordinator, patient.id);
    await coordinator.ok('attachments.remove', { id: removed.id });
    const input = (attachmentId: number) => ({
      courseId: course.id,
      type: 'treatment',
      givenOn: TODAY,
      takenById: ids.doctor,
      attachmentId,
    });
    const fields = async (attachmentId: number) =>
      (await refusal(coordinator, 'consents.record', input(attachmentId))).details?.fields;
    expect(await fields(theirs.id)).toEqual([
      { path: 'attachmentId', message: "Pick one of this patient's attachments" },
    ]);
    expect(await fields(report.id)).toEqual([
      { path: 'attachmentId', message: 'Pick an attachment filed as a consent form' },
    ]);
    expect(await fields(removed.id)).toEqual([
      { path: 'attachmentId', message: "Pick one of this patient's attachments" },
    ]);
    expect(await fields(9999)).toEqual([{ path: 'attachmentId', message: "Pick one of this patient's attachments" }]);
  });

  it('refuses a consent taken by an admin or an inactive account, dated in the future, or for no course', async () => {
    const { admin, coordinator, course, ids } = await withCourse();
    const input = (over: Record<string, unknown>) => ({
      courseId: course.id,
      type: 'treatment',
      givenOn: TODAY,
      takenById: ids.doctor,
      ...over,
    });
    const taker = [{ path: 'takenById', message: 'Pick an active coordinator or doctor' }];
    expect((await refusal(coordinator, 'consents.record', input({ takenById: ids.admin }))).details?.fields).toEqual(
      taker,
    );
    expect((await refusal(coordinator, 'consents.record', input({ takenById: 999 }))).details?.fields).toEqual(taker);
    await admin.ok('accounts.update', { id: ids.doctor, displayName: 'Dr. Daria', role: 'doctor', active: false });
    expect((await refusal(coordinator, 'consents.record', input({}))).details?.fields).toEqual(taker);
    expect(
      (await refusal(coordinator, 'consents.record', input({ takenById: ids.coordinator, givenOn: '2026-11-26' })))
        .details?.fields,
    ).toEqual([{ path: 'givenOn', message: 'A consent cannot be dated in the future' }]);
    expect((await refusal(coordinator, 'consents.record', input({ courseId: 999 }))).code).toBe('NOT_FOUND');
  });

  it('refuses a withdrawal before the consent, in the future, twice, or on a stale version', async () => {
    const { coordinator, course, ids } = await withCourse();
    const consent = await coordinator.ok<Consent>('consents.record', {
      courseId: course.id,
      type: 'photo_video',
      givenOn: '2026-11-20',
      takenById: ids.coordinator,
    });
    const withdraw = (withdrawnOn: string, version = 1) =>
      refusal(coordinator, 'consents.withdraw', { id: consent.id, version, withdrawnOn });
    expect((await withdraw('2026-11-19')).details?.fields).toEqual([
      { path: 'withdrawnOn', message: 'A withdrawal cannot be before the consent was given' },
    ]);
    expect((await withdraw('2026-11-26')).details?.fields).toEqual([
      { path: 'withdrawnOn', message: 'A withdrawal cannot be in the future' },
    ]);
    await coordinator.ok('consents.withdraw', { id: consent.id, version: 1, withdrawnOn: '2026-11-20' });
    expect((await withdraw('2026-11-21', 2)).code).toBe('CONFLICT');
    expect((await withdraw('2026-11-21', 1)).details).toMatchObject({ reason: 'stale_version' });
    expect((await refusal(coordinator, 'consents.withdraw', { id: 999, version: 1, withdrawnOn: TODAY })).code).toBe(
      'NOT_FOUND',
    );
  });

  it('writes an audit entry per command without the patient’s details', async () => {
    const { core, coordinator, course, ids } = await withCourse();
    await coordinator.ok('consents.record', {
      courseId: course.id,
      type: 'data_use',
      givenOn: TODAY,
      takenById: ids.coordinator,
    });
    const rows = core.db
      .prepare('SELECT action, entity, before_json, after_json AS after FROM audit_log ORDER BY id')
      .all() as {
      action: string;
      entity: string;
      after: string | null;
    }[];
    expect(rows.map((r) => r.action)).toEqual(expect.arrayContaining(['courses.create', 'consents.record']));
    const text = JSON.stringify(rows.filter((r) => r.entity === 'course' || r.entity === 'consent'));
    expect(text).not.toContain('Sokolov');
    expect(text).not.toContain('N1234567');
  });
});
