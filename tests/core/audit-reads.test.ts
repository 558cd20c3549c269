// Reads of patient data are audited by id only (an inquiry opened, a ward list printed, an export), a failed sign-in
// records the name tried, and the admin reads the log by user, patient, action and date.
import { beforeEach, describe, expect, it } from 'vitest';
import type { AuditPage, Inquiry, Patient } from '../../db/contract';
import { type Caller, PASSWORD, auditCount, caller, fixedClock, inquiryInput, makeCore } from './support';
import { type Ward, addConsent, addCourse, at, book, newPatient, ward } from './treatment-support';

let w: Ward;
let admin: Caller;
beforeEach(async () => {
  w = await ward(makeCore({ clock: fixedClock('2026-12-02T00:00:00.000Z') }));
  admin = caller(w.core);
  await admin.ok('auth.signIn', { username: 'admin', password: PASSWORD });
});

interface Row {
  action: string;
  actor_id: number | null;
  entity: string;
  entity_id: number | null;
  before_json: string | null;
  after_json: string | null;
}
const last = (): Row =>
  w.core.db
    .prepare('SELECT action, actor_id, entity, entity_id, before_json, after_json FROM audit_log ORDER BY id DESC')
    .get() as Row;

describe('reads of patient data', () => {
  it('records opening an inquiry like opening a patient, by id only', async () => {
    const inquiry = await w.coordinator.ok<Inquiry>('inquiries.create', inquiryInput());
    await w.doctor.ok('inquiries.get', { id: inquiry.id });
    expect(last()).toEqual({
      action: 'inquiries.view',
      actor_id: w.ids.doctor,
      entity: 'inquiry',
      entity_id: inquiry.id,
      before_json: null,
      after_json: null,
    });
    const patient = await newPatient(w);
    await w.doctor.ok('patients.get', { id: patient.id });
    expect(last()).toMatchObject({ action: 'patients.view', entity_id: patient.id, after_json: null });
    // A refused read records nothing.
    const count = auditCount(w.core);
    expect((await w.doctor.call('inquiries.get', { id: 999 })).ok).toBe(false);
    expect(auditCount(w.core)).toBe(count);
  });

  it('records a printed ward list with the day and the patients on it, by id', async () => {
    const p: Patient = await newPatient(w);
    const course = addCourse(w.core, p.id);
    addConsent(w.core, course, w.ids.doctor);
    await book(w, {
      courseId: course,
      startsAt: at(2, '09:00'),
      endsAt: at(2, '10:00'),
      roomId: w.rooms[0] ?? 0,
      doctorId: w.ids.doctor,
    });
    await w.coordinator.ok('audit.recordPrint', { document: 'wardList', day: '2026-12-02' });
    const row = last();
    expect(row).toMatchObject({ action: 'procedures.wardList.print', actor_id: w.ids.coordinator });
    expect(JSON.parse(row.after_json ?? 'null')).toEqual({ day: '2026-12-02', patientIds: [p.id] });
    expect(row.after_json).not.toContain(p.familyName);
  });

  it('records a printed patient summary on that patient, and a printed outcomes report, with no values', async () => {
    const p: Patient = await newPatient(w);
    await w.doctor.ok('audit.recordPrint', { document: 'patientSummary', patientId: p.id });
    expect(last()).toMatchObject({ action: 'patients.summary.print', entity: 'patient', entity_id: p.id });
    expect(last()).toMatchObject({ actor_id: w.ids.doctor, after_json: null });
    await w.doctor.ok('audit.recordPrint', { document: 'outcomes' });
    expect(last()).toMatchObject({ action: 'reports.outcomes.print', entity: 'report', entity_id: null });
    // A summary of no such patient is refused, and recorded as nothing.
    const count = auditCount(w.core);
    const r = await w.doctor.call('audit.recordPrint', { document: 'patientSummary', patientId: 999_999 });
    expect(r.ok ? 'ok' : r.error.code).toBe('NOT_FOUND');
    expect(auditCount(w.core)).toBe(count);
  });

  it('records the name tried by a failed sign-in with an unknown username', async () => {
    const r = await caller(w.core).call('auth.signIn', { username: 'no-such-user', password: 'wrong-password-1' });
    expect(r.ok).toBe(false);
    expect(last()).toMatchObject({ action: 'auth.signInFailed', actor_id: null, entity_id: null });
    expect(JSON.parse(last().after_json ?? 'null')).toMatchObject({ username: 'no-such-user' });
  });
});

describe('the admin reads the log', () => {
  it('filters by user, patient, action and date, page by page', async () => {
    const p = await newPatient(w);
    for (let i = 0; i < 3; i += 1) await w.doctor.ok('patients.get', { id: p.id });
    await w.coordinator.ok('patients.get', { id: p.id });
    const byDoctor = await admin.ok<AuditPage>('audit.list', { actorId: w.ids.doctor, limit: 2 });
    expect(byDoctor.entries.map((e) => e.action)).toEqual(['patients.view', 'patients.view']);
    expect(byDoctor.nextBeforeId).not.toBeNull();
    const rest = await admin.ok<AuditPage>('audit.list', { actorId: w.ids.doctor, beforeId: byDoctor.nextBeforeId });
    expect(rest.entries.map((e) => e.action)).toEqual(['patients.view', 'auth.signIn']);
    expect(rest.nextBeforeId).toBeNull();

    const ofPatient = await admin.ok<AuditPage>('audit.list', { patientId: p.id });
    expect(ofPatient.entries.map((e) => [e.action, e.actorName])).toEqual([
      ['patients.view', 'Chen Coordinator'],
      ['patients.view', 'Dr. Daria'],
      ['patients.view', 'Dr. Daria'],
      ['patients.view', 'Dr. Daria'],
      ['patients.create', 'Chen Coordinator'],
    ]);
    // Field names only, never their values.
    expect(ofPatient.entries.at(-1)?.changed).toContain('familyName');
    expect(JSON.stringify(ofPatient)).not.toContain(p.familyName);

    const views = await admin.ok<AuditPage>('audit.list', {
      action: 'patients.view',
      from: '2026-12-02',
      to: '2026-12-02',
    });
    expect(views.entries).toHaveLength(4);
    const earlier = await admin.ok<AuditPage>('audit.list', { from: '2026-11-01', to: '2026-12-01' });
    expect(earlier.entries).toEqual([]);
    expect((await w.doctor.call('audit.list', {})).ok).toBe(false);
  });

  it('exports CSV, and the export is itself recorded', async () => {
    const p = await newPatient(w);
    await w.doctor.ok('patients.get', { id: p.id });
    const out = await admin.ok<{ csv: string; rows: number }>('audit.exportCsv', { patientId: p.id });
    expect(out.rows).toBe(2);
    const lines = out.csv.split(/\r?\n/);
    expect(lines[0]).toBe('\uFEFFid,at,user_id,user,action,entity,entity_id,fields,hash');
    expect(lines[1]).toContain('patients.view');
    expect(out.csv).not.toContain(p.familyName);
    expect(last()).toMatchObject({ action: 'audit.exportCsv', entity: 'audit_log' });
    expect(JSON.parse(last().after_json ?? 'null')).toMatchObject({ patientId: p.id, rows: 2 });
  });

  it('verifies the whole chain on demand and shows the status', async () => {
    const status = await admin.ok<{ state: string; mode: string; checkedEntries: number }>('audit.verify', {});
    expect(status).toMatchObject({ state: 'ok', mode: 'full' });
    expect(status.checkedEntries).toBe(auditCount(w.core) - 1);
    expect(await admin.ok('audit.status', {})).toEqual(status);
    expect(last()).toMatchObject({ action: 'audit.verify', actor_id: w.ids.admin });
  });
});
