// Form drafts in the core: each account's own, saved, read back, discarded, size-limited, audited without content,
// kept across a restart, and gone when the form they belonged to is saved.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type Draft, type DraftSummary, type Inquiry, MAX_DRAFT_BYTES, type Patient } from '../../db/contract';
import { PASSWORD, caller, inquiryInput, makeCore, patientInput, staff } from './support';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

const SECRET = 'Nikolai Sokolov, left-sided weakness';
const typed = { patientName: SECRET, channel: 'phone', symptoms: ['walking'], consentContact: true };

describe('form drafts', () => {
  it('saves, reads back, replaces and discards a draft', async () => {
    const core = makeCore();
    const { coordinator } = await staff(core);
    expect(await coordinator.ok('drafts.get', { formKey: 'inquiry:new' })).toBeNull();

    const saved = await coordinator.ok<DraftSummary>('drafts.save', {
      formKey: 'inquiry:new',
      data: typed,
      baseVersion: null,
    });
    expect(saved).toMatchObject({ formKey: 'inquiry:new', baseVersion: null });
    const back = await coordinator.ok<Draft>('drafts.get', { formKey: 'inquiry:new' });
    expect(back.data).toEqual(typed);

    await coordinator.ok('drafts.save', {
      formKey: 'inquiry:new',
      data: { patientName: 'changed' },
      baseVersion: null,
    });
    await coordinator.ok('drafts.save', { formKey: 'patient:5', data: { givenName: 'N' }, baseVersion: 3 });
    expect((await coordinator.ok<Draft>('drafts.get', { formKey: 'inquiry:new' })).data).toEqual({
      patientName: 'changed',
    });
    const mine = await coordinator.ok<DraftSummary[]>('drafts.mine');
    expect(mine.map((d) => d.formKey).sort()).toEqual(['inquiry:new', 'patient:5']);
    expect(mine.find((d) => d.formKey === 'patient:5')?.baseVersion).toBe(3);

    await coordinator.ok('drafts.discard', { formKey: 'inquiry:new' });
    expect(await coordinator.ok('drafts.get', { formKey: 'inquiry:new' })).toBeNull();
    expect((await coordinator.ok<DraftSummary[]>('drafts.mine')).map((d) => d.formKey)).toEqual(['patient:5']);
  });

  it('keeps each account to its own drafts', async () => {
    const core = makeCore();
    const { coordinator, doctor, admin } = await staff(core);
    await coordinator.ok('drafts.save', { formKey: 'inquiry:new', data: typed, baseVersion: null });
    expect(await doctor.ok('drafts.get', { formKey: 'inquiry:new' })).toBeNull();
    expect(await doctor.ok('drafts.mine')).toEqual([]);
    // The doctor's discard of the same form key touches only the doctor's own (absent) draft.
    await doctor.ok('drafts.discard', { formKey: 'inquiry:new' });
    expect((await coordinator.ok<Draft>('drafts.get', { formKey: 'inquiry:new' })).data).toEqual(typed);
    // Admins fill in no records' forms; a signed-out caller gets nothing.
    expect((await admin.call('drafts.mine')).ok).toBe(false);
    const nobody = await caller(core).call('drafts.get', { formKey: 'inquiry:new' });
    expect(nobody.ok ? null : nobody.error.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a draft over the size limit and a form key it does not know', async () => {
    const core = makeCore();
    const { coordinator } = await staff(core);
    const big = await coordinator.call('drafts.save', {
      formKey: 'inquiry:new',
      data: { message: 'x'.repeat(MAX_DRAFT_BYTES) },
      baseVersion: null,
    });
    expect(big.ok ? null : big.error.code).toBe('VALIDATION');
    // Just under the limit is kept; multi-byte text counts by its bytes, not its characters.
    const fits = await coordinator.call('drafts.save', {
      formKey: 'inquiry:new',
      data: { m: 'x'.repeat(MAX_DRAFT_BYTES - 100) },
      baseVersion: null,
    });
    expect(fits.ok).toBe(true);
    const wide = await coordinator.call('drafts.save', {
      formKey: 'inquiry:new',
      data: { m: '脑'.repeat(MAX_DRAFT_BYTES / 2) },
      baseVersion: null,
    });
    expect(wide.ok ? null : wide.error.code).toBe('VALIDATION');
    for (const formKey of ['inquiry:0', 'accounts:new', 'inquiry:new; DROP', '']) {
      const r = await coordinator.call('drafts.save', { formKey, data: {}, baseVersion: null });
      expect(r.ok ? null : r.error.code, formKey).toBe('VALIDATION');
    }
    const notObject = await coordinator.call('drafts.save', { formKey: 'inquiry:new', data: ['a'], baseVersion: null });
    expect(notObject.ok).toBe(false);
  });

  it('audits a draft when it starts and when it is thrown away, not every autosave, never with what was typed', async () => {
    const core = makeCore();
    const { coordinator, ids } = await staff(core);
    // Five pauses in typing: one draft started.
    for (let i = 1; i <= 5; i += 1) {
      const data = { ...typed, message: `typed ${i}` };
      await coordinator.ok('drafts.save', { formKey: 'inquiry:new', data, baseVersion: null });
    }
    await coordinator.ok('drafts.discard', { formKey: 'inquiry:new' });
    // Nothing left to throw away: no entry.
    await coordinator.ok('drafts.discard', { formKey: 'inquiry:new' });
    const rows = core.db
      .prepare(
        "SELECT action, actor_id, entity, before_json, after_json FROM audit_log WHERE action LIKE 'drafts.%' ORDER BY id",
      )
      .all() as { action: string; actor_id: number; entity: string; before_json: string | null; after_json: string }[];
    expect(rows.map((r) => r.action)).toEqual(['drafts.save', 'drafts.discard']);
    for (const r of rows) {
      expect(r.actor_id).toBe(ids.coordinator);
      expect(r.before_json).toBeNull();
      expect(JSON.parse(r.after_json)).toEqual({ formKey: 'inquiry:new' });
    }
    const everything = JSON.stringify(core.db.prepare('SELECT * FROM audit_log').all());
    expect(everything).not.toContain('Sokolov');
  });

  it('survives closing and reopening the database file (a restart of the app)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'strokedesk-drafts-'));
    dirs.push(dir);
    const file = path.join(dir, 'strokedesk.db');
    const first = makeCore({ path: file });
    await staff(first);
    const coord = caller(first);
    await coord.ok('auth.signIn', { username: 'coord', password: PASSWORD });
    await coord.ok('drafts.save', { formKey: 'patient:new', data: typed, baseVersion: null });
    first.db.close();

    const second = makeCore({ path: file });
    const again = caller(second);
    await again.ok('auth.signIn', { username: 'coord', password: PASSWORD });
    expect((await again.ok<Draft>('drafts.get', { formKey: 'patient:new' })).data).toEqual(typed);
    second.db.close();
  });

  it('is discarded in the same transaction as the save of its form, and only that form', async () => {
    const core = makeCore();
    const { coordinator, doctor } = await staff(core);
    const keep = (formKey: string, baseVersion: number | null = null) =>
      coordinator.ok('drafts.save', { formKey, data: typed, baseVersion });
    const keys = async () => (await coordinator.ok<DraftSummary[]>('drafts.mine')).map((d) => d.formKey).sort();

    await keep('inquiry:new');
    await keep('patient:new');
    await doctor.ok('drafts.save', { formKey: 'inquiry:new', data: typed, baseVersion: null });
    const inquiry = await coordinator.ok<Inquiry>('inquiries.create', inquiryInput());
    expect(await keys()).toEqual(['patient:new']);
    // Another person's draft of the same form stays theirs.
    expect(await doctor.ok('drafts.get', { formKey: 'inquiry:new' })).not.toBeNull();

    await keep(`inquiry:${inquiry.id}`, inquiry.version);
    const refused = await coordinator.call('inquiries.update', {
      id: inquiry.id,
      version: inquiry.version + 1,
      fields: inquiryInput(),
    });
    expect(refused.ok).toBe(false);
    expect(await keys()).toEqual([`inquiry:${inquiry.id}`, 'patient:new']);
    await coordinator.ok('inquiries.update', {
      id: inquiry.id,
      version: inquiry.version,
      fields: inquiryInput({ message: 'x' }),
    });
    expect(await keys()).toEqual(['patient:new']);

    const patient = await coordinator.ok<Patient>('patients.create', patientInput());
    expect(await keys()).toEqual([]);
    await keep(`patient:${patient.id}`, patient.version);
    await coordinator.ok('patients.update', {
      id: patient.id,
      version: patient.version,
      fields: patientInput({ address: 'Astana' }),
    });
    expect(await keys()).toEqual([]);

    const second = await coordinator.ok<Inquiry>('inquiries.create', inquiryInput({ patientName: 'Anna Petrova' }));
    let current = second;
    for (const to of ['contacted', 'under_review'] as const) {
      current = await coordinator.ok<Inquiry>('inquiries.changeStatus', {
        id: current.id,
        version: current.version,
        to,
        reason: null,
      });
    }
    const move = { id: current.id, version: current.version, to: 'accepted', reason: null };
    const accepted = await doctor.ok<Inquiry>('inquiries.changeStatus', move);
    await keep(`convert:${second.id}`, accepted.version);
    await coordinator.ok('patients.convertInquiry', {
      inquiryId: second.id,
      version: accepted.version,
      target: {
        kind: 'new',
        fields: patientInput({ familyName: 'Petrova', givenName: 'Anna', passportNumber: 'P7654321' }),
      },
    });
    expect(await keys()).toEqual([]);
  });
});
