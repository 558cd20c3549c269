// Adverse events in the core on real SQLite: each field rule by name, the open → resolved / fatal lifecycle, grade 5
// only by marking fatal, who may write and read, the clinic-wide open list, and a merge moving a patient's events.
import { describe, expect, it } from 'vitest';
import { type AdverseEvent, type AdverseEventFieldsInput, type Course, type Patient } from '../../db/contract';
import { patientInput } from './support';
import { NOW, TODAY, courseInput, insertProcedure, refusal, tempDirs, treatmentClinic } from './treatment-fixtures';

const dirs = tempDirs();

/** A patient with a course and a completed transplant on 2026-11-21 (10:00 in Shanghai). */
async function clinic() {
  const c = await treatmentClinic(dirs);
  const course = await c.coordinator.ok<Course>('courses.create', { patientId: c.patient.id, fields: courseInput() });
  const procedureId = insertProcedure(c.core, {
    courseId: course.id,
    startsAt: '2026-11-21T02:00:00.000Z',
    endsAt: '2026-11-21T03:00:00.000Z',
    status: 'completed',
    sequence: 1,
    doctorId: c.ids.doctor,
  });
  return { ...c, course, procedureId };
}
type Clinic = Awaited<ReturnType<typeof clinic>>;

const headache = (c: Clinic, over: Partial<AdverseEventFieldsInput> = {}): AdverseEventFieldsInput => ({
  procedureId: c.procedureId,
  onsetOn: '2026-11-22',
  description: 'Postural headache after the lumbar puncture',
  category: 'post_lp_headache',
  categoryOther: null,
  grade: 2,
  serious: false,
  relatedness: 'probable',
  actionTaken: 'Bed rest, fluids, paracetamol',
  outcome: 'recovering',
  followUpOn: null,
  ...over,
});

const record = (c: Clinic, over: Partial<AdverseEventFieldsInput> = {}) =>
  c.doctor.ok<AdverseEvent>('adverseEvents.record', { patientId: c.patient.id, fields: headache(c, over) });

async function fieldOf(c: Clinic, method: string, body: unknown) {
  const e = await refusal(c.doctor, method, body);
  expect(e.code).toBe('VALIDATION');
  return e.details?.fields?.map((f) => `${f.path}: ${f.message}`);
}

const recordRefused = (c: Clinic, over: Partial<AdverseEventFieldsInput>) =>
  fieldOf(c, 'adverseEvents.record', { patientId: c.patient.id, fields: headache(c, over) });

describe('recording an adverse event', () => {
  it('keeps every field, names the procedure and the reporter, and writes an audit entry', async () => {
    const c = await clinic();
    const e = await record(c);
    expect(e).toMatchObject({
      status: 'open',
      grade: 2,
      serious: false,
      category: 'post_lp_headache',
      relatedness: 'probable',
      outcome: 'recovering',
      resolvedOn: null,
      reportedAt: NOW,
      version: 1,
      patient: { id: c.patient.id },
      procedure: { id: c.procedureId, sequence: 1, courseId: c.course.id },
    });
    expect(e.reportedByName).not.toBe('');
    const audit = c.core.db.prepare("SELECT entity_id FROM audit_log WHERE action = 'adverseEvents.record'").all() as {
      entity_id: number;
    }[];
    expect(audit).toEqual([{ entity_id: e.id }]);
    expect(await c.coordinator.ok('adverseEvents.get', { id: e.id })).toEqual(e);
  });

  it('asks a follow-up date for grade 3 or higher and for a serious event', async () => {
    const c = await clinic();
    const need = ['followUpOn: Required for grade 3 or higher, or a serious event'];
    expect(await recordRefused(c, { grade: 3 })).toEqual(need.map((m) => `fields.${m}`));
    expect(await recordRefused(c, { grade: 1, serious: true })).toEqual(need.map((m) => `fields.${m}`));
    const ok = await record(c, { grade: 3, followUpOn: '2026-11-29' });
    expect(ok.followUpOn).toBe('2026-11-29');
    expect(await recordRefused(c, { grade: 2, followUpOn: '2026-11-20' })).toEqual([
      'fields.followUpOn: Must not be before the onset',
    ]);
  });

  it('refuses an onset in the future or before the linked procedure', async () => {
    const c = await clinic();
    expect(await recordRefused(c, { onsetOn: '2026-11-26' })).toEqual(['onsetOn: The onset date is in the future']);
    expect(await recordRefused(c, { onsetOn: '2026-11-20' })).toEqual(['onsetOn: Must not be before the procedure']);
    // The clinic's today itself is fine.
    expect((await record(c, { onsetOn: TODAY })).onsetOn).toBe(TODAY);
  });

  it("refuses another patient's procedure, and one that does not exist", async () => {
    const c = await clinic();
    const other = await c.coordinator.ok<Patient>('patients.create', patientInput({ familyName: 'Other' }));
    const course = await c.coordinator.ok<Course>('courses.create', { patientId: other.id, fields: courseInput() });
    const theirs = insertProcedure(c.core, {
      courseId: course.id,
      startsAt: '2026-11-21T02:00:00.000Z',
      endsAt: '2026-11-21T03:00:00.000Z',
      doctorId: c.ids.doctor,
      roomId: 1,
    });
    const msg = ["procedureId: Pick one of this patient's procedures"];
    expect(await recordRefused(c, { procedureId: theirs })).toEqual(msg);
    expect(await recordRefused(c, { procedureId: 99999 })).toEqual(msg);
    expect((await record(c, { procedureId: null })).procedure).toBeNull();
  });

  it('needs the other category named, and takes grade 5 only from Mark fatal', async () => {
    const c = await clinic();
    expect(await recordRefused(c, { category: 'other' })).toEqual(['fields.categoryOther: Say which other event']);
    expect(await recordRefused(c, { grade: 5, followUpOn: '2026-11-30' })).toEqual([
      'fields.grade: Grade 5 is recorded by Mark fatal',
    ]);
    const other = await record(c, { category: 'other', categoryOther: 'Rash at the puncture site' });
    expect(other.categoryOther).toBe('Rash at the puncture site');
    // The other text is dropped with the category: no stale "other" on a fever.
    const fever = await record(c, { category: 'fever', categoryOther: 'left over' });
    expect(fever.categoryOther).toBeNull();
  });

  it('lets only a doctor write; coordinators read; admins neither', async () => {
    const c = await clinic();
    const body = { patientId: c.patient.id, fields: headache(c) };
    expect((await refusal(c.coordinator, 'adverseEvents.record', body)).code).toBe('FORBIDDEN');
    const e = await record(c);
    const resolve = { id: e.id, version: e.version, resolvedOn: TODAY };
    expect((await refusal(c.coordinator, 'adverseEvents.resolve', resolve)).code).toBe('FORBIDDEN');
    expect((await refusal(c.coordinator, 'adverseEvents.markFatal', { ...resolve, diedOn: TODAY })).code).toBe(
      'FORBIDDEN',
    );
    expect((await refusal(c.admin, 'adverseEvents.forPatient', { patientId: c.patient.id })).code).toBe('FORBIDDEN');
    expect(await c.coordinator.ok('adverseEvents.forPatient', { patientId: c.patient.id })).toHaveLength(1);
  });
});

describe('updating, resolving and marking fatal', () => {
  it('updates an open event with its version, and refuses a stale one', async () => {
    const c = await clinic();
    const e = await record(c);
    const up = await c.doctor.ok<AdverseEvent>('adverseEvents.update', {
      id: e.id,
      version: e.version,
      fields: headache(c, { grade: 3, followUpOn: '2026-11-28' }),
    });
    expect(up).toMatchObject({ grade: 3, followUpOn: '2026-11-28', version: 2 });
    const stale = await refusal(c.doctor, 'adverseEvents.update', {
      id: e.id,
      version: e.version,
      fields: headache(c),
    });
    expect(stale).toMatchObject({ code: 'CONFLICT', details: { reason: 'stale_version', currentVersion: 2 } });
  });

  it('resolves with a date not before the onset nor in the future; then it is read-only', async () => {
    const c = await clinic();
    const e = await record(c);
    const at = (resolvedOn: string) => ({ id: e.id, version: e.version, resolvedOn });
    expect(await fieldOf(c, 'adverseEvents.resolve', at('2026-11-21'))).toEqual([
      'resolvedOn: Must not be before the onset',
    ]);
    expect(await fieldOf(c, 'adverseEvents.resolve', at('2026-11-26'))).toEqual([
      'resolvedOn: A resolution cannot be in the future',
    ]);
    expect(await fieldOf(c, 'adverseEvents.resolve', { id: e.id, version: e.version })).toEqual([
      'resolvedOn: Required',
    ]);
    const done = await c.doctor.ok<AdverseEvent>('adverseEvents.resolve', {
      ...at('2026-11-24'),
      outcome: 'recovered',
    });
    expect(done).toMatchObject({ status: 'resolved', resolvedOn: '2026-11-24', outcome: 'recovered', grade: 2 });
    const again = await refusal(c.doctor, 'adverseEvents.markFatal', { id: e.id, version: 2, diedOn: TODAY });
    expect(again).toMatchObject({
      code: 'INVALID_TRANSITION',
      details: { entity: 'adverseEvents', from: 'resolved', to: 'fatal' },
    });
    const edit = await refusal(c.doctor, 'adverseEvents.update', { id: e.id, version: 2, fields: headache(c) });
    expect(edit).toMatchObject({ code: 'CONFLICT', details: { entity: 'adverseEvents', status: 'resolved' } });
  });

  it('marks fatal: grade 5, outcome fatal and the day of death, together', async () => {
    const c = await clinic();
    const e = await record(c, { grade: 4, followUpOn: '2026-11-26', category: 'seizure' });
    const early = await fieldOf(c, 'adverseEvents.markFatal', { id: e.id, version: 1, diedOn: '2026-11-01' });
    expect(early).toEqual(['diedOn: Must not be before the onset']);
    const dead = await c.doctor.ok<AdverseEvent>('adverseEvents.markFatal', { id: e.id, version: 1, diedOn: TODAY });
    expect(dead).toMatchObject({ status: 'fatal', grade: 5, outcome: 'fatal', resolvedOn: TODAY, version: 2 });
    // The table holds the same rule: no write path can make a grade-5 event that is not fatal.
    expect(() => c.core.db.prepare("UPDATE adverse_events SET status = 'resolved' WHERE id = ?").run(e.id)).toThrow(
      /CHECK/,
    );
  });
});

describe('reading', () => {
  it("lists the clinic's open events highest grade first, and a patient's open ones before the closed", async () => {
    const c = await clinic();
    const mild = await record(c, { grade: 1 });
    const severe = await record(c, { grade: 3, followUpOn: '2026-11-30', category: 'fever', procedureId: null });
    const closed = await record(c, { grade: 2 });
    await c.doctor.ok('adverseEvents.resolve', { id: closed.id, version: 1, resolvedOn: TODAY });
    const open = await c.doctor.ok<AdverseEvent[]>('adverseEvents.open', {});
    expect(open.map((e) => e.id)).toEqual([severe.id, mild.id]);
    const mine = await c.coordinator.ok<AdverseEvent[]>('adverseEvents.forPatient', { patientId: c.patient.id });
    expect(mine.map((e) => e.id)).toEqual([severe.id, mild.id, closed.id]);
  });

  it("moves the merged patient's events to the survivor", async () => {
    const c = await clinic();
    const e = await record(c);
    const survivor = await c.coordinator.ok<Patient>('patients.create', patientInput({ familyName: 'Survivor' }));
    const merged = await c.coordinator
      .ok<Patient>('patients.get', { id: c.patient.id })
      .then((d) => (d as unknown as { patient: Patient }).patient);
    await c.doctor.ok('patients.merge', {
      survivorId: survivor.id,
      survivorVersion: survivor.version,
      mergedId: merged.id,
      mergedVersion: merged.version,
    });
    const moved = await c.doctor.ok<AdverseEvent>('adverseEvents.get', { id: e.id });
    expect(moved.patient.id).toBe(survivor.id);
    expect(await c.doctor.ok('adverseEvents.forPatient', { patientId: survivor.id })).toHaveLength(1);
  });
});
