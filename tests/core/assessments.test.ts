// Assessments in the core on real SQLite: the follow-up windows and their edges, the schedule moving with the course's
// dates, who may enter and sign, autosave, signing rules, read-only signed versions, amendments and stored totals.
import { describe, expect, it } from 'vitest';
import {
  type Assessment,
  type AuditPage,
  BARTHEL_V1,
  type Course,
  type DraftSaved,
  type HistoryPoint,
  NIHSS_V1,
  type ScheduledPoint,
} from '../../db/contract';
import {
  addMonths,
  courseSchedule,
  findPoint,
  insideWindow,
  windowAround,
  windowState,
} from '../../db/services/assessment-schedule';
import type { Core } from '../../db/services/core';
import { type Caller, PASSWORD, auditCount, caller } from './support';
import { courseInput, insertProcedure, refusal, tempDirs, treatmentClinic } from './treatment-fixtures';

const dirs = tempDirs();

/** A clinic whose patient has a planned course (20 Nov – 10 Dec 2026) with a transplant booked on 2 Dec. */
async function clinicWithCourse() {
  const clinic = await treatmentClinic(dirs);
  const course = await clinic.coordinator.ok<Course>('courses.create', {
    patientId: clinic.patient.id,
    fields: courseInput(),
  });
  // 02:00 UTC is 10:00 in Shanghai: the clinic-local day is 2 Dec.
  const procedureId = insertProcedure(clinic.core, {
    courseId: course.id,
    startsAt: '2026-12-02T02:00:00.000Z',
    endsAt: '2026-12-02T03:00:00.000Z',
    doctorId: clinic.ids.doctor,
  });
  return { ...clinic, course, procedureId };
}

/** A fresh session (after the test clock jumps weeks ahead, the old ones have expired). */
async function signedIn(core: Core, username: string): Promise<Caller> {
  const c = caller(core);
  await c.ok('auth.signIn', { username, password: PASSWORD });
  return c;
}

type Clinic = Awaited<ReturnType<typeof clinicWithCourse>>;

const startInput = (c: Clinic, over: Record<string, unknown> = {}) => ({
  patientId: c.patient.id,
  courseId: c.course.id,
  timePoint: 'baseline',
  instrument: { id: 'nihss' },
  mode: 'in_person',
  ...over,
});

const start = (c: Clinic, over: Record<string, unknown> = {}) =>
  c.doctor.ok<Assessment>('assessments.start', startInput(c, over));

/** An autosave, then the whole record as the form reopens it. */
async function save(who: Caller, a: Assessment, values: Record<string, unknown>, notes: Record<string, unknown> = {}) {
  const saved = await who.ok<DraftSaved>('assessments.saveDraft', { id: a.id, version: a.version, values, notes });
  const read = await who.ok<Assessment>('assessments.get', { id: a.id });
  expect(read.version).toBe(saved.version);
  expect(last(read)).toMatchObject({ n: saved.n, sum: saved.sum, total: saved.total, complete: saved.complete });
  return read;
}

const NIHSS_CODES = NIHSS_V1.items.map((i) => i.code);
/** A full NIHSS: every item 1 except the level of consciousness items (0), total 12. */
const fullNihss = (): Record<string, number | string> =>
  Object.fromEntries(NIHSS_CODES.map((code) => [code, ['1a', '1b', '1c'].includes(code) ? 0 : 1]));

const last = (a: Assessment) => a.versions[a.versions.length - 1];

describe('time point windows', () => {
  const course = {
    id: 1,
    admission: '2026-11-20',
    discharge: '2026-12-10',
    procedures: [
      { id: 8, day: '2026-12-05' },
      { id: 7, day: '2026-12-02' },
    ],
  };

  it('derives baseline, after each procedure, discharge and 1–12 months from the course dates', () => {
    const s = courseSchedule(course);
    expect(s.map((p) => [p.timePoint, p.procedureId, p.from, p.target, p.to])).toEqual([
      ['baseline', null, '2026-11-02', '2026-12-02', '2026-12-02'],
      ['after_procedure', 7, '2026-12-02', '2026-12-02', '2026-12-09'],
      ['after_procedure', 8, '2026-12-05', '2026-12-05', '2026-12-12'],
      ['discharge', null, '2026-12-07', '2026-12-10', '2026-12-13'],
      ['m1', null, '2027-01-03', '2027-01-10', '2027-01-17'],
      ['m3', null, '2027-02-24', '2027-03-10', '2027-03-24'],
      ['m6', null, '2027-05-11', '2027-06-10', '2027-07-10'],
      ['m12', null, '2027-11-10', '2027-12-10', '2028-01-09'],
    ]);
  });

  it.each([
    ['2027-01-02', false],
    ['2027-01-03', true],
    ['2027-01-10', true],
    ['2027-01-17', true],
    ['2027-01-18', false],
  ])('one month after a 10 Dec discharge is ±7 days: %s inside is %s', (day, inside) => {
    expect(insideWindow(day, windowAround('m1', '2027-01-10'))).toBe(inside);
  });

  it.each([
    ['m3', 14],
    ['m6', 30],
    ['m12', 30],
  ] as const)('%s is ±%i days, edges included', (tp, days) => {
    const w = windowAround(tp, '2027-06-15');
    const at = (d: number) => new Date(Date.parse('2027-06-15T00:00:00Z') + d * 86_400_000).toISOString().slice(0, 10);
    expect([-days - 1, -days, days, days + 1].map((d) => insideWindow(at(d), w))).toEqual([false, true, true, false]);
  });

  it('counts calendar months, a missing day falling on the month’s last', () => {
    expect(addMonths('2027-01-31', 1)).toBe('2027-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-12-10', 12)).toBe('2027-12-10');
  });

  it('says where a point stands: upcoming, due up to the target, overdue, missed, done', () => {
    const w = windowAround('m1', '2027-01-10');
    expect(windowState(w, '2027-01-02', false)).toBe('upcoming');
    expect(windowState(w, '2027-01-03', false)).toBe('due');
    expect(windowState(w, '2027-01-10', false)).toBe('due');
    expect(windowState(w, '2027-01-11', false)).toBe('overdue');
    expect(windowState(w, '2027-01-17', false)).toBe('overdue');
    expect(windowState(w, '2027-01-18', false)).toBe('missed');
    expect(windowState(w, '2027-01-18', true)).toBe('done');
  });

  it('moves with the discharge date', () => {
    const later = courseSchedule({ ...course, discharge: '2026-12-20' });
    const m1 = findPoint(later, { courseId: 1, timePoint: 'm1', procedureId: null });
    expect(m1).toMatchObject({ from: '2027-01-13', target: '2027-01-20', to: '2027-01-27' });
  });
});

describe('the schedule of a patient', () => {
  it('lists the course’s points with their state and the assessments attached', async () => {
    const c = await clinicWithCourse();
    const before = await c.coordinator.ok<ScheduledPoint[]>('assessments.schedule', { patientId: c.patient.id });
    expect(before.map((p) => [p.timePoint, p.state])).toEqual([
      ['baseline', 'due'],
      ['after_procedure', 'upcoming'],
      ['discharge', 'upcoming'],
      ['m1', 'upcoming'],
      ['m3', 'upcoming'],
      ['m6', 'upcoming'],
      ['m12', 'upcoming'],
    ]);
    expect(before[1]?.procedureId).toBe(c.procedureId);
    const a = await start(c);
    const after = await c.coordinator.ok<ScheduledPoint[]>('assessments.schedule', { patientId: c.patient.id });
    expect(after[0]).toMatchObject({ timePoint: 'baseline', state: 'done', assessmentIds: [a.id] });
  });

  it('flags an assessment outside its window, and clears the flag when the discharge date moves', async () => {
    const c = await clinicWithCourse();
    // The clinic's today becomes 18 Jan 2027: one day past the 1-month window of a 10 Dec discharge.
    c.clock.set('2027-01-18T03:00:00.000Z');
    const doctor = await signedIn(c.core, 'doctor');
    const coordinator = await signedIn(c.core, 'coord');
    const a = await doctor.ok<Assessment>(
      'assessments.start',
      startInput(c, { timePoint: 'm1', instrument: { id: 'mrs' } }),
    );
    expect(a).toMatchObject({
      assessedOn: '2027-01-18',
      window: { from: '2027-01-03', target: '2027-01-10', to: '2027-01-17' },
      outsideWindow: true,
    });
    await coordinator.ok('courses.update', {
      id: c.course.id,
      version: c.course.version,
      fields: courseInput({ plannedDischarge: '2026-12-11' }),
    });
    const moved = await doctor.ok<Assessment>('assessments.get', { id: a.id });
    expect(moved.window).toEqual({ from: '2027-01-04', target: '2027-01-11', to: '2027-01-18' });
    expect(moved.outsideWindow).toBe(false);
  });

  it('attaches an after-procedure assessment to its procedure, and only that time point names one', async () => {
    const c = await clinicWithCourse();
    const a = await start(c, { timePoint: 'after_procedure', procedureId: c.procedureId, courseId: null });
    expect(a).toMatchObject({ courseId: c.course.id, procedureId: c.procedureId, outsideWindow: true });
    const none = await refusal(c.doctor, 'assessments.start', startInput(c, { timePoint: 'after_procedure' }));
    expect(none.details?.fields).toEqual([{ path: 'procedureId', message: 'Required' }]);
    const wrong = await refusal(c.doctor, 'assessments.start', startInput(c, { procedureId: c.procedureId }));
    expect(wrong.details?.fields?.[0]?.path).toBe('procedureId');
    const twice = await refusal(
      c.doctor,
      'assessments.start',
      startInput(c, { timePoint: 'after_procedure', procedureId: c.procedureId }),
    );
    expect(twice).toMatchObject({ code: 'CONFLICT', details: { reason: 'constraint', assessmentId: a.id } });
  });
});

describe('who enters and signs', () => {
  it('lets coordinators read but not enter, save, sign or amend scores', async () => {
    const c = await clinicWithCourse();
    expect((await refusal(c.coordinator, 'assessments.start', startInput(c))).code).toBe('FORBIDDEN');
    const a = await start(c);
    const ref = { id: a.id, version: a.version };
    expect((await refusal(c.coordinator, 'assessments.saveDraft', { ...ref, values: { '1a': 0 } })).code).toBe(
      'FORBIDDEN',
    );
    expect((await refusal(c.coordinator, 'assessments.sign', ref)).code).toBe('FORBIDDEN');
    expect((await refusal(c.coordinator, 'assessments.amend', { ...ref, reason: 'typo' })).code).toBe('FORBIDDEN');
    expect((await refusal(c.admin, 'assessments.get', { id: a.id })).code).toBe('FORBIDDEN');
    const read = await c.coordinator.ok<Assessment>('assessments.get', { id: a.id });
    expect(read).toMatchObject({ assessorId: c.ids.doctor, assessorName: 'Dr. Daria', mode: 'in_person' });
  });

  it('records a doctor as the assessor, never a coordinator', async () => {
    const c = await clinicWithCourse();
    const bad = await refusal(c.doctor, 'assessments.start', startInput(c, { assessorId: c.ids.coordinator }));
    expect(bad.details?.fields).toEqual([{ path: 'assessorId', message: 'Pick an active doctor' }]);
    const future = await refusal(c.doctor, 'assessments.start', startInput(c, { assessedOn: '2026-11-26' }));
    expect(future.details?.fields?.[0]?.path).toBe('assessedOn');
  });
});

describe('drafts save as you type', () => {
  it('keeps partial values across saves, clears with null, and shows the running sum', async () => {
    const c = await clinicWithCourse();
    const a = await start(c);
    expect(a.instrument).toEqual({ id: 'nihss', version: NIHSS_V1.version });
    expect(last(a)).toMatchObject({ n: 1, status: 'draft', values: {}, sum: 0, complete: false });
    const one = await save(c.doctor, a, { '1a': 1, '1b': 2 });
    const two = await save(c.doctor, one, { '2': 1, '1a': null });
    const read = await c.doctor.ok<Assessment>('assessments.get', { id: a.id });
    expect(last(read)?.values).toEqual({ '1b': 2, '2': 1 });
    expect(last(read)).toMatchObject({ sum: 3, total: null, complete: false });
    expect(last(read)?.missing).toHaveLength(NIHSS_CODES.length - 2);
    expect(read.version).toBe(two.version);
    const stale = await refusal(c.doctor, 'assessments.saveDraft', { id: a.id, version: one.version, values: {} });
    expect(stale).toMatchObject({ code: 'CONFLICT', details: { reason: 'stale_version' } });
  });

  it('refuses values the instrument does not allow and items it does not have', async () => {
    const c = await clinicWithCourse();
    const a = await start(c);
    const bad = await refusal(c.doctor, 'assessments.saveDraft', {
      id: a.id,
      version: a.version,
      values: { '1a': 4, zz: 0, '5a': 'UN' },
    });
    expect(bad.details?.fields).toEqual([
      { path: 'values.1a', message: 'Value not allowed' },
      { path: 'values.zz', message: 'Unknown item' },
    ]);
    expect(last(await c.doctor.ok<Assessment>('assessments.get', { id: a.id }))?.values).toEqual({});
  });

  it('audits each save by the items it touched, never their scores', async () => {
    const c = await clinicWithCourse();
    const a = await start(c);
    await save(c.doctor, a, { '1a': 3 });
    const row = c.core.db
      .prepare("SELECT after_json FROM audit_log WHERE action = 'assessments.saveDraft' ORDER BY id DESC LIMIT 1")
      .get() as { after_json: string };
    expect(JSON.parse(row.after_json)).toEqual({ n: 1, items: ['1a'], notes: [] });
  });
});

describe('signing', () => {
  it('refuses missing items with a field error naming each', async () => {
    const c = await clinicWithCourse();
    const a = await save(c.doctor, await start(c), { '1a': 0, '1b': 0 });
    const r = await refusal(c.doctor, 'assessments.sign', { id: a.id, version: a.version });
    expect(r.code).toBe('VALIDATION');
    const paths = (r.details?.fields ?? []).map((f) => f.path);
    expect(paths).toEqual(NIHSS_CODES.filter((x) => x !== '1a' && x !== '1b').map((x) => `values.${x}`));
  });

  it('signs an untestable NIHSS item only with its reason; the total leaves it out and is incomplete', async () => {
    const c = await clinicWithCourse();
    const a = await save(c.doctor, await start(c), { ...fullNihss(), '5a': 'UN' });
    const r = await refusal(c.doctor, 'assessments.sign', { id: a.id, version: a.version });
    expect(r.details?.fields).toEqual([{ path: 'notes.5a', message: 'Say why this item is untestable' }]);
    const noted = await save(c.doctor, a, {}, { '5a': 'Above-elbow amputation' });
    const signed = await c.doctor.ok<Assessment>('assessments.sign', { id: a.id, version: noted.version });
    const expected = NIHSS_V1.score({ ...fullNihss(), '5a': 'UN' });
    expect(last(signed)).toMatchObject({
      status: 'signed',
      total: expected.total,
      complete: false,
      notes: { '5a': 'Above-elbow amputation' },
      signedById: c.ids.doctor,
      signedByName: 'Dr. Daria',
    });
    expect(expected.total).toBe(11);
  });

  it('stores the instrument’s own total and subscores on the signed row', async () => {
    const c = await clinicWithCourse();
    const values = {
      feeding: 10,
      transfers: 10,
      grooming: 5,
      toilet: 5,
      bathing: 0,
      mobility: 15,
      stairs: 5,
      dressing: 5,
      bowels: 10,
      bladder: 5,
    };
    const a = await save(c.doctor, await start(c, { instrument: { id: 'barthel' } }), values);
    await c.doctor.ok('assessments.sign', { id: a.id, version: a.version });
    const row = c.core.db
      .prepare('SELECT total, sum, complete, subscores FROM assessment_versions WHERE assessment_id = ?')
      .get(a.id) as { total: number; sum: number; complete: number; subscores: string };
    const score = BARTHEL_V1.score(values);
    expect(score.total).toBe(70);
    expect(row).toEqual({ total: 70, sum: 70, complete: 1, subscores: JSON.stringify(score.subscores) });
    const history = await c.coordinator.ok<HistoryPoint[]>('assessments.forPatient', { patientId: c.patient.id });
    expect(history).toEqual([expect.objectContaining({ assessmentId: a.id, n: 1, total: 70, complete: true })]);
  });
});

describe('a signed version is read-only', () => {
  async function signedNihss(c: Clinic) {
    const a = await save(c.doctor, await start(c), fullNihss());
    return c.doctor.ok<Assessment>('assessments.sign', { id: a.id, version: a.version });
  }

  it('refuses another save or signature with signed_readonly', async () => {
    const c = await clinicWithCourse();
    const s = await signedNihss(c);
    const edit = await refusal(c.doctor, 'assessments.saveDraft', { id: s.id, version: s.version, values: { '2': 0 } });
    expect(edit).toMatchObject({ code: 'CONFLICT', details: { reason: 'signed_readonly' } });
    const again = await refusal(c.doctor, 'assessments.sign', { id: s.id, version: s.version });
    expect(again.details?.reason).toBe('signed_readonly');
  });

  it('is refused by the database itself, whoever writes', async () => {
    const c = await clinicWithCourse();
    const s = await signedNihss(c);
    const update = c.core.db.prepare("UPDATE assessment_versions SET item_values = '{}' WHERE assessment_id = ?");
    expect(() => update.run(s.id)).toThrow(/read-only/);
    expect(() => c.core.db.prepare('DELETE FROM assessment_versions WHERE assessment_id = ?').run(s.id)).toThrow(
      /read-only/,
    );
  });
});

describe('amendments', () => {
  it('open version 2 with a reason, and reports read the latest signed version', async () => {
    const c = await clinicWithCourse();
    const a = await save(c.doctor, await start(c), fullNihss());
    const v1 = await c.doctor.ok<Assessment>('assessments.sign', { id: a.id, version: a.version });
    const noReason = await refusal(c.doctor, 'assessments.amend', { id: a.id, version: v1.version, reason: ' ' });
    expect(noReason.details?.fields?.[0]?.path).toBe('reason');
    const amended = await c.doctor.ok<Assessment>('assessments.amend', {
      id: a.id,
      version: v1.version,
      reason: 'Item 4 was scored for the wrong side',
    });
    expect(amended.versions.map((v) => [v.n, v.status, v.amendReason])).toEqual([
      [1, 'signed', null],
      [2, 'draft', 'Item 4 was scored for the wrong side'],
    ]);
    expect(amended.versions[1]?.values).toEqual(fullNihss());
    expect(amended.latestSigned).toBe(1);
    const open = await refusal(c.doctor, 'assessments.amend', { id: a.id, version: amended.version, reason: 'again' });
    expect(open.code).toBe('CONFLICT');
    const whileDraft = await c.coordinator.ok<HistoryPoint[]>('assessments.forPatient', { patientId: c.patient.id });
    expect(whileDraft.map((h) => [h.n, h.total])).toEqual([[1, 12]]);
    const fixed = await save(c.doctor, amended, { '4': 0 });
    const v2 = await c.doctor.ok<Assessment>('assessments.sign', { id: a.id, version: fixed.version });
    expect(v2.latestSigned).toBe(2);
    expect(v2.versions.map((v) => v.total)).toEqual([12, 11]);
    const after = await c.coordinator.ok<HistoryPoint[]>('assessments.forPatient', { patientId: c.patient.id });
    expect(after).toEqual([expect.objectContaining({ assessmentId: a.id, n: 2, total: 11, outsideWindow: false })]);
  });
});

describe('reading an assessment', () => {
  it('records each opening by id only, found under the patient in the audit log; a refused read records nothing', async () => {
    const c = await clinicWithCourse();
    const a = await save(c.doctor, await start(c), fullNihss());
    const reads = () =>
      c.core.db
        .prepare('SELECT actor_id, entity, entity_id, before_json, after_json FROM audit_log WHERE action = ?')
        .all('assessments.view');
    const before = reads().length;
    await c.coordinator.ok('assessments.get', { id: a.id });
    const rows = reads();
    expect(rows).toHaveLength(before + 1);
    expect(rows[rows.length - 1]).toEqual({
      actor_id: c.ids.coordinator,
      entity: 'assessment',
      entity_id: a.id,
      before_json: null,
      after_json: null,
    });
    const count = auditCount(c.core);
    expect((await c.doctor.call('assessments.get', { id: 9999 })).ok).toBe(false);
    expect(auditCount(c.core)).toBe(count);
    const page = await c.admin.ok<AuditPage>('audit.list', { patientId: c.patient.id, action: 'assessments.view' });
    expect(page.entries.map((e) => [e.entity, e.entityId, e.actorId])).toContainEqual([
      'assessment',
      a.id,
      c.ids.coordinator,
    ]);
  });
});

describe('the patient page in one read', () => {
  it('answers what schedule and forPatient answer, drafts and amendments included', async () => {
    const c = await clinicWithCourse();
    const empty = await c.coordinator.ok<{ schedule: ScheduledPoint[]; points: HistoryPoint[] }>(
      'assessments.patientChart',
      { patientId: c.patient.id },
    );
    expect(empty.points).toEqual([]);
    expect(empty.schedule).toEqual(
      await c.coordinator.ok<ScheduledPoint[]>('assessments.schedule', { patientId: c.patient.id }),
    );
    // Signed then amended (an open draft of version 2), a draft, and one outside its window on the procedure.
    const nihss = await save(c.doctor, await start(c), fullNihss());
    const signed = await c.doctor.ok<Assessment>('assessments.sign', { id: nihss.id, version: nihss.version });
    await c.doctor.ok('assessments.amend', { id: nihss.id, version: signed.version, reason: 'Wrong side' });
    await start(c, { instrument: { id: 'barthel' } });
    const after = await start(c, {
      timePoint: 'after_procedure',
      procedureId: c.procedureId,
      instrument: { id: 'mrs' },
    });
    const mrs = await save(c.doctor, after, { grade: 3 });
    await c.doctor.ok('assessments.sign', { id: mrs.id, version: mrs.version });
    const chart = await c.coordinator.ok<{ schedule: ScheduledPoint[]; points: HistoryPoint[] }>(
      'assessments.patientChart',
      { patientId: c.patient.id },
    );
    const schedule = await c.coordinator.ok<ScheduledPoint[]>('assessments.schedule', { patientId: c.patient.id });
    const points = await c.coordinator.ok<HistoryPoint[]>('assessments.forPatient', { patientId: c.patient.id });
    expect(chart).toEqual({ schedule, points });
    expect(points.map((p) => [p.instrument.id, p.n, p.outsideWindow])).toEqual([
      ['mrs', 1, true],
      ['nihss', 1, false],
    ]);
    expect(schedule[0]?.assessmentIds).toHaveLength(2);
  });

  it('refuses an unknown patient as the schedule does', async () => {
    const c = await clinicWithCourse();
    const missing = await refusal(c.coordinator, 'assessments.patientChart', { patientId: 999_999 });
    const alone = await refusal(c.coordinator, 'assessments.schedule', { patientId: 999_999 });
    expect(missing).toEqual(alone);
    expect(missing.code).toBe('NOT_FOUND');
  });
});

describe('a sitting saved at once (assessments.saveDrafts)', () => {
  /** A NIHSS and a Barthel draft at the same time point, as a visit starts them. */
  async function twoDrafts(c: Clinic) {
    return [await start(c), await start(c, { instrument: { id: 'barthel' } })] as const;
  }
  const draftOf = (a: Assessment, values: Record<string, unknown>, version = a.version) => ({
    id: a.id,
    version,
    values,
  });
  const get = (c: Clinic, a: Assessment) => c.doctor.ok<Assessment>('assessments.get', { id: a.id });

  it('saves each draft as saveDraft would, in one transaction with one audit entry per assessment', async () => {
    const c = await clinicWithCourse();
    const [nihss, barthel] = await twoDrafts(c);
    const entries = auditCount(c.core);
    const saved = await c.doctor.ok<DraftSaved[]>('assessments.saveDrafts', {
      drafts: [draftOf(nihss, fullNihss()), draftOf(barthel, { feeding: 10, transfers: 5 })],
    });
    expect(saved.map((s) => [s.id, s.version, s.total, s.complete])).toEqual([
      [nihss.id, nihss.version + 1, 12, true],
      [barthel.id, barthel.version + 1, null, false],
    ]);
    expect(saved[1]).toMatchObject({ sum: 15, missing: BARTHEL_V1.items.slice(2).map((i) => i.code) });
    expect(last(await get(c, nihss))?.values).toEqual(fullNihss());
    expect(last(await get(c, barthel))?.values).toEqual({ feeding: 10, transfers: 5 });
    const rows = c.core.db
      .prepare("SELECT entity_id, at, after_json FROM audit_log WHERE action = 'assessments.saveDrafts' ORDER BY id")
      .all() as { entity_id: number; at: string; after_json: string }[];
    expect(rows.map((r) => [r.entity_id, JSON.parse(r.after_json)])).toEqual([
      [nihss.id, { n: 1, items: Object.keys(fullNihss()), notes: [] }],
      [barthel.id, { n: 1, items: ['feeding', 'transfers'], notes: [] }],
    ]);
    // One command: one instant for both, and nothing else written (the two reads above are views, after it).
    expect(rows[0]?.at).toBe(rows[1]?.at);
    expect(auditCount(c.core)).toBe(entries + 2 + 2);
  });

  it('saves all or none: a stale version, a refused value or a signed draft leaves every draft as it was', async () => {
    const c = await clinicWithCourse();
    const [nihss, barthel] = await twoDrafts(c);
    const good = draftOf(nihss, { '1a': 1 });
    const stale = await refusal(c.doctor, 'assessments.saveDrafts', {
      drafts: [good, draftOf(barthel, { feeding: 10 }, barthel.version + 5)],
    });
    expect(stale).toMatchObject({ code: 'CONFLICT', details: { reason: 'stale_version' } });
    const bad = await refusal(c.doctor, 'assessments.saveDrafts', {
      drafts: [good, draftOf(barthel, { feeding: 7 })],
    });
    expect(bad.details?.fields).toEqual([{ path: 'values.feeding', message: 'Value not allowed' }]);
    for (const a of [nihss, barthel]) {
      const read = await get(c, a);
      expect([read.version, last(read)?.values]).toEqual([a.version, {}]);
    }
    const signed = await c.doctor.ok<Assessment>('assessments.sign', {
      id: nihss.id,
      version: (await save(c.doctor, nihss, fullNihss())).version,
    });
    const readonly = await refusal(c.doctor, 'assessments.saveDrafts', {
      drafts: [draftOf(barthel, { feeding: 10 }), draftOf(signed, { '2': 0 })],
    });
    expect(readonly).toMatchObject({ code: 'CONFLICT', details: { reason: 'signed_readonly' } });
    expect((await get(c, barthel)).version).toBe(barthel.version);
  });

  it('is for doctors only, names each assessment once, and refuses one that does not exist', async () => {
    const c = await clinicWithCourse();
    const [nihss, barthel] = await twoDrafts(c);
    const drafts = [draftOf(nihss, { '1a': 0 }), draftOf(barthel, { feeding: 5 })];
    const entries = auditCount(c.core);
    expect((await refusal(c.coordinator, 'assessments.saveDrafts', { drafts })).code).toBe('FORBIDDEN');
    const twice = await refusal(c.doctor, 'assessments.saveDrafts', { drafts: [drafts[0], drafts[0]] });
    expect(twice.details?.fields).toEqual([{ path: 'drafts', message: 'Each assessment at most once per save' }]);
    expect((await refusal(c.doctor, 'assessments.saveDrafts', { drafts: [] })).code).toBe('VALIDATION');
    const missing = await refusal(c.doctor, 'assessments.saveDrafts', { drafts: [{ id: 9999, version: 1 }] });
    expect(missing.code).toBe('NOT_FOUND');
    // Refusals write nothing, not even a partial audit trail.
    expect(auditCount(c.core)).toBe(entries);
  });
});
