// The inquiry pipeline as the core enforces it: every transition, roles, reasons, versions, first contact, and the audit trail.
import { describe, expect, it } from 'vitest';
import {
  INQUIRY_STATUSES,
  INQUIRY_TRANSITIONS,
  type Inquiry,
  type InquiryDetail,
  type InquiryStatus,
} from '../../db/contract';
import { type Core } from '../../db/services/core';
import { auditCount, fixedClock, inquiryInput, makeCore, staff } from './support';

/** Puts an inquiry straight into a status (test set-up only), bypassing the pipeline it is about to test. */
function forceStatus(core: Core, id: number, status: InquiryStatus): void {
  core.db.prepare('UPDATE inquiries SET status = ? WHERE id = ?').run(status, id);
}

describe('inquiry pipeline', () => {
  it('allows exactly the transitions in the table, for every pair of statuses', async () => {
    const core = makeCore();
    const { doctor } = await staff(core);
    for (const from of INQUIRY_STATUSES) {
      for (const to of INQUIRY_STATUSES) {
        if (from === to) continue;
        const created = await doctor.ok<Inquiry>('inquiries.create', inquiryInput());
        forceStatus(core, created.id, from);
        const r = await doctor.call('inquiries.changeStatus', {
          id: created.id,
          version: created.version,
          to,
          reason: 'Checked by the test',
        });
        const legal = INQUIRY_TRANSITIONS[from].includes(to);
        expect(r.ok, `${from} → ${to}`).toBe(legal);
        if (!r.ok) {
          expect(r.error.code).toBe('INVALID_TRANSITION');
          expect(r.error.details?.allowed).toEqual([...INQUIRY_TRANSITIONS[from]]);
          const row = core.db.prepare('SELECT status FROM inquiries WHERE id = ?').get(created.id) as {
            status: string;
          };
          expect(row.status).toBe(from);
        }
      }
    }
  });

  it('never reaches converted by a status change', async () => {
    const core = makeCore();
    const { doctor } = await staff(core);
    const created = await doctor.ok<Inquiry>('inquiries.create', inquiryInput());
    forceStatus(core, created.id, 'accepted');
    const r = await doctor.call('inquiries.changeStatus', {
      id: created.id,
      version: created.version,
      to: 'converted',
      reason: null,
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/converting it into a patient/);
  });

  it('leaves accepting and declining to doctors', async () => {
    const core = makeCore();
    const { coordinator, doctor } = await staff(core);
    const created = await coordinator.ok<Inquiry>('inquiries.create', inquiryInput());
    forceStatus(core, created.id, 'under_review');
    for (const to of ['accepted', 'declined'] as const) {
      const r = await coordinator.call('inquiries.changeStatus', {
        id: created.id,
        version: created.version,
        to,
        reason: 'x',
      });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.code).toBe('FORBIDDEN');
    }
    const detail = await coordinator.ok<InquiryDetail>('inquiries.get', { id: created.id });
    expect(detail.allowedTransitions).toEqual(['awaiting_records', 'closed']);
    const accepted = await doctor.ok<Inquiry>('inquiries.changeStatus', {
      id: created.id,
      version: created.version,
      to: 'accepted',
      reason: null,
    });
    expect(accepted.status).toBe('accepted');
  });

  it('asks for a reason before declining or closing, naming the field', async () => {
    const core = makeCore();
    const { doctor } = await staff(core);
    const created = await doctor.ok<Inquiry>('inquiries.create', inquiryInput());
    for (const to of ['declined', 'closed'] as const) {
      const r = await doctor.call('inquiries.changeStatus', {
        id: created.id,
        version: created.version,
        to,
        reason: '   ',
      });
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe('VALIDATION');
        expect(r.error.details?.fields?.[0]?.path).toBe('reason');
      }
    }
    const closed = await doctor.ok<Inquiry>('inquiries.changeStatus', {
      id: created.id,
      version: created.version,
      to: 'closed',
      reason: 'No answer after three calls',
    });
    expect(closed.statusReason).toBe('No answer after three calls');
  });

  it('refuses a change made from a stale version, and changes nothing', async () => {
    const core = makeCore();
    const { coordinator } = await staff(core);
    const created = await coordinator.ok<Inquiry>('inquiries.create', inquiryInput());
    await coordinator.ok('inquiries.changeStatus', {
      id: created.id,
      version: created.version,
      to: 'contacted',
      reason: null,
    });
    const before = auditCount(core);
    const stale = await coordinator.call('inquiries.update', {
      id: created.id,
      version: created.version,
      fields: inquiryInput({ patientName: 'Someone Else' }),
    });
    expect(stale.ok).toBe(false);
    if (!stale.ok) expect(stale.error.code).toBe('CONFLICT');
    expect(auditCount(core)).toBe(before);
    const detail = await coordinator.ok<InquiryDetail>('inquiries.get', { id: created.id });
    expect(detail.inquiry.patientName).toBe('Nikolai Sokolov');
  });

  it('ends the wait for first contact with the first call, e-mail or message, not with a note', async () => {
    const clock = fixedClock('2026-11-24T12:00:00.000Z');
    const core = makeCore({ clock });
    const { coordinator } = await staff(core);
    const created = await coordinator.ok<Inquiry>(
      'inquiries.create',
      inquiryInput({ receivedAt: '2026-11-24T09:30:00.000Z' }),
    );
    await coordinator.ok('inquiries.addActivity', {
      id: created.id,
      kind: 'note',
      summary: 'Family prefers evenings',
      at: null,
    });
    let detail = await coordinator.ok<InquiryDetail>('inquiries.get', { id: created.id });
    expect(detail.inquiry.firstContactAt).toBeNull();
    expect(detail.inquiry.status).toBe('new');

    await coordinator.ok('inquiries.addActivity', {
      id: created.id,
      kind: 'call',
      summary: 'Called the daughter',
      at: '2026-11-24T11:00:00.000Z',
    });
    detail = await coordinator.ok<InquiryDetail>('inquiries.get', { id: created.id });
    expect(detail.inquiry.firstContactAt).toBe('2026-11-24T11:00:00.000Z');
    expect(detail.inquiry.status).toBe('contacted');
    const statusEntries = detail.timeline.filter((e) => e.type === 'status');
    expect(statusEntries.map((e) => (e.type === 'status' ? [e.from, e.to] : null))).toEqual([
      ['new', 'contacted'],
      [null, 'new'],
    ]);

    // A later e-mail does not move the first contact.
    await coordinator.ok('inquiries.addActivity', {
      id: created.id,
      kind: 'email',
      summary: 'Sent the overview',
      at: null,
    });
    detail = await coordinator.ok<InquiryDetail>('inquiries.get', { id: created.id });
    expect(detail.inquiry.firstContactAt).toBe('2026-11-24T11:00:00.000Z');
    expect(detail.timeline.map((e) => e.type)).toHaveLength(5);
  });

  it('refuses activities in the future or before the inquiry arrived', async () => {
    const core = makeCore({ clock: fixedClock('2026-11-24T12:00:00.000Z') });
    const { coordinator } = await staff(core);
    const created = await coordinator.ok<Inquiry>('inquiries.create', inquiryInput());
    for (const at of ['2026-11-25T12:00:00.000Z', '2026-11-01T12:00:00.000Z']) {
      const r = await coordinator.call('inquiries.addActivity', { id: created.id, kind: 'call', summary: 'x', at });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.details?.fields?.[0]?.path).toBe('at');
    }
  });

  it('writes one audit entry per command, in the same transaction, with before and after', async () => {
    const core = makeCore();
    const { coordinator, ids } = await staff(core);
    const start = auditCount(core);
    const created = await coordinator.ok<Inquiry>('inquiries.create', inquiryInput());
    const updated = await coordinator.ok<Inquiry>('inquiries.update', {
      id: created.id,
      version: created.version,
      fields: inquiryInput({ patientName: 'Nikolay Sokolov' }),
    });
    await coordinator.ok('inquiries.assign', {
      id: created.id,
      version: updated.version,
      ownerId: ids.coordinator,
      nextFollowUp: '2026-12-01',
    });
    expect(auditCount(core)).toBe(start + 3);
    const rows = core.db
      .prepare("SELECT action, actor_id, before_json, after_json FROM audit_log WHERE entity = 'inquiry' ORDER BY id")
      .all() as {
      action: string;
      actor_id: number;
      before_json: string | null;
      after_json: string | null;
    }[];
    expect(rows.map((r) => r.action)).toEqual(['inquiries.create', 'inquiries.update', 'inquiries.assign']);
    expect(rows.every((r) => r.actor_id === ids.coordinator)).toBe(true);
    expect(JSON.parse(rows[1]?.before_json ?? '{}')).toMatchObject({ patientName: 'Nikolai Sokolov' });
    expect(JSON.parse(rows[1]?.after_json ?? '{}')).toMatchObject({ patientName: 'Nikolay Sokolov' });
    expect(JSON.parse(rows[2]?.after_json ?? '{}')).toEqual({ ownerId: ids.coordinator, nextFollowUp: '2026-12-01' });

    // If the audit entry cannot be written, the change is not made either.
    core.db.exec(
      "CREATE TRIGGER refuse_audit BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'audit unavailable'); END",
    );
    const r = await coordinator.call('inquiries.create', inquiryInput({ patientName: 'Not Saved' }));
    expect(r.ok).toBe(false);
    const saved = core.db.prepare("SELECT count(*) AS n FROM inquiries WHERE patient_name = 'Not Saved'").get() as {
      n: number;
    };
    expect(saved.n).toBe(0);
  });

  it('keeps the audit log append-only', async () => {
    const core = makeCore();
    await staff(core);
    expect(() => core.db.prepare('UPDATE audit_log SET action = ?').run('x')).toThrow(/append-only/);
    expect(() => core.db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
  });
});

describe('inquiry fields', () => {
  it('round-trips every field through create and get', async () => {
    const core = makeCore();
    const { coordinator, ids } = await staff(core);
    const input = inquiryInput({
      ownerId: ids.coordinator,
      nextFollowUp: '2026-12-02',
      conditions: ['other', 'diabetes'],
      conditionsOther: 'Atrial fibrillation',
      messagingHandle: '@olga_s',
    });
    const created = await coordinator.ok<Inquiry>('inquiries.create', input);
    const detail = await coordinator.ok<InquiryDetail>('inquiries.get', { id: created.id });
    expect(detail.inquiry).toMatchObject({ ...input, ownerName: 'Chen Coordinator', status: 'new', version: 1 });
  });

  it.each([
    [{ contactEmail: null, contactPhone: null, messagingHandle: null }, 'contactEmail'],
    [{ contactEmail: 'not an address' }, 'contactEmail'],
    [{ patientBirthDate: '1958-02-30' }, 'patientBirthDate'],
    [{ strokeOnsetDate: '1950-01-01' }, 'strokeOnsetDate'],
    [{ conditions: ['other'], conditionsOther: null }, 'conditionsOther'],
    [{ patientAge: 130, patientBirthDate: null }, 'patientAge'],
    [{ contactName: '   ' }, 'contactName'],
    [{ country: 'Kazakhstan' }, 'country'],
  ])('refuses %j naming %s', async (patch, path) => {
    const core = makeCore();
    const { coordinator } = await staff(core);
    const r = await coordinator.call('inquiries.create', inquiryInput(patch as never));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('VALIDATION');
      expect(r.error.details?.fields?.map((f) => f.path)).toContain(path);
    }
  });

  it('refuses an owner who is not an active coordinator or doctor', async () => {
    const core = makeCore();
    const { coordinator, ids } = await staff(core);
    for (const ownerId of [ids.admin, 999]) {
      const r = await coordinator.call('inquiries.create', inquiryInput({ ownerId }));
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.details?.fields?.[0]?.path).toBe('ownerId');
    }
  });
});
