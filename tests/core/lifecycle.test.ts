// Lifecycles as data: the inquiry definition is what the core enforces, refusals carry it, and SQL's open states match it.
import { describe, expect, it } from 'vitest';
import {
  INQUIRY_LIFECYCLE,
  type Inquiry,
  type InquiryStatus,
  allowedTargets,
  defineLifecycle,
  forward,
  isOpen,
  needsReason,
} from '../../db/contract';
import { OPEN_STATUS_SQL as REPO_OPEN_SQL } from '../../db/repos/inquiries';
import type { Core } from '../../db/services/core';
import { OPEN_STATUS_SQL as MIGRATION_OPEN_SQL } from '../../db/sqlite/migrations/0010-initial';
import { inquiryInput, makeCore, patientInput, staff } from './support';

const LC = INQUIRY_LIFECYCLE;
const forceStatus = (core: Core, id: number, status: InquiryStatus) =>
  core.db.prepare('UPDATE inquiries SET status = ? WHERE id = ?').run(status, id);
const statusOf = (core: Core, id: number) =>
  (core.db.prepare('SELECT status FROM inquiries WHERE id = ?').get(id) as { status: string }).status;

describe('inquiry lifecycle definition', () => {
  it('answers the questions the screens ask', () => {
    expect(allowedTargets(LC, 'under_review', 'coordinator')).toEqual(['awaiting_records', 'closed']);
    expect(allowedTargets(LC, 'under_review', 'doctor')).toEqual([
      'accepted',
      'awaiting_records',
      'declined',
      'closed',
    ]);
    expect(allowedTargets(LC, 'accepted', 'doctor')).not.toContain('converted');
    expect(forward(LC, 'new')).toBe('contacted');
    expect(forward(LC, 'accepted')).toBeNull();
    expect(isOpen(LC, 'accepted')).toBe(true);
    expect(isOpen(LC, 'converted')).toBe(false);
    expect(needsReason(LC, 'declined')).toBe(true);
    expect(needsReason(LC, 'contacted')).toBe(false);
  });

  it('refuses a definition that names a state it does not have, or a forward step that is no transition', () => {
    const base = {
      entity: 'x',
      states: ['a', 'b'] as const,
      initial: 'a' as const,
      systemOnly: {},
      reasonRequired: [],
      doctorOnly: [],
      open: ['a' as const],
    };
    expect(() =>
      defineLifecycle<'a' | 'b'>({ ...base, transitions: { a: ['b'], b: [] }, forward: { a: 'b' } }),
    ).not.toThrow();
    expect(() => defineLifecycle<'a' | 'b'>({ ...base, transitions: { a: ['c' as 'b'], b: [] }, forward: {} })).toThrow(
      /unknown state 'c'/,
    );
    expect(() => defineLifecycle<'a' | 'b'>({ ...base, transitions: { a: [], b: [] }, forward: { a: 'b' } })).toThrow(
      /forward/,
    );
  });

  it('keeps the literal open states of migration 0010 equal to the ones the repo builds from the definition', () => {
    expect(REPO_OPEN_SQL).toBe(MIGRATION_OPEN_SQL);
    expect(MIGRATION_OPEN_SQL).toBe(`status IN (${LC.open.map((s) => `'${s}'`).join(', ')})`);
  });
});

describe('the core enforces the inquiry lifecycle', () => {
  it('allows every transition of the definition and nothing else, for a doctor and for a coordinator', async () => {
    const core = makeCore();
    const people = await staff(core);
    for (const role of ['doctor', 'coordinator'] as const) {
      for (const from of LC.states) {
        for (const to of LC.states) {
          if (from === to) continue;
          const created = await people[role].ok<Inquiry>('inquiries.create', inquiryInput());
          forceStatus(core, created.id, from);
          const r = await people[role].call('inquiries.changeStatus', {
            id: created.id,
            version: created.version,
            to,
            reason: 'Checked',
          });
          const chosen = LC.transitions[from].includes(to);
          const mayChoose = chosen && (role === 'doctor' || !LC.doctorOnly.includes(to));
          expect(r.ok, `${role}: ${from} → ${to}`).toBe(mayChoose);
          if (r.ok) {
            expect(statusOf(core, created.id)).toBe(to);
            continue;
          }
          expect(r.error.code).toBe(chosen ? 'FORBIDDEN' : 'INVALID_TRANSITION');
          expect(r.error.details).toMatchObject({
            entity: 'inquiries',
            from,
            to,
            allowed: allowedTargets(LC, from, role),
          });
          expect(statusOf(core, created.id)).toBe(from);
        }
      }
    }
  });

  it("offers each person only what they may choose now: never the current state, a system-only one or another role's", async () => {
    const core = makeCore();
    const { coordinator, doctor } = await staff(core);
    const created = await coordinator.ok<Inquiry>('inquiries.create', inquiryInput());
    const systemOnly = Object.keys(LC.systemOnly);
    for (const status of LC.states) {
      forceStatus(core, created.id, status);
      for (const [role, who] of [
        ['coordinator', coordinator],
        ['doctor', doctor],
      ] as const) {
        const { allowedTransitions } = await who.ok<{ allowedTransitions: InquiryStatus[] }>('inquiries.get', {
          id: created.id,
        });
        expect(allowedTransitions).toEqual(allowedTargets(LC, status, role));
        expect(allowedTransitions).not.toContain(status);
        expect(allowedTransitions.filter((to) => systemOnly.includes(to))).toEqual([]);
        if (role === 'coordinator') expect(allowedTransitions.filter((to) => LC.doctorOnly.includes(to))).toEqual([]);
      }
    }
  });

  it('refuses doctor-only targets to a coordinator, saying what the coordinator may choose instead', async () => {
    const core = makeCore();
    const { coordinator } = await staff(core);
    const created = await coordinator.ok<Inquiry>('inquiries.create', inquiryInput());
    forceStatus(core, created.id, 'under_review');
    for (const to of LC.doctorOnly) {
      const r = await coordinator.call('inquiries.changeStatus', {
        id: created.id,
        version: created.version,
        to,
        reason: 'x',
      });
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe('FORBIDDEN');
        expect(r.error.details).toEqual({
          entity: 'inquiries',
          from: 'under_review',
          to,
          allowed: ['awaiting_records', 'closed'],
        });
      }
    }
  });

  it('asks for a reason for every target that needs one, with the lifecycle details and the field', async () => {
    const core = makeCore();
    const { doctor } = await staff(core);
    for (const to of LC.reasonRequired) {
      const created = await doctor.ok<Inquiry>('inquiries.create', inquiryInput());
      const r = await doctor.call('inquiries.changeStatus', {
        id: created.id,
        version: created.version,
        to,
        reason: null,
      });
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe('VALIDATION');
        expect(r.error.details).toMatchObject({
          entity: 'inquiries',
          from: 'new',
          to,
          allowed: [...LC.transitions.new],
        });
        expect(r.error.details?.fields?.[0]?.path).toBe('reason');
      }
      expect(statusOf(core, created.id)).toBe('new');
    }
  });

  it('reaches a system-only state only through its command, never through changeStatus', async () => {
    const core = makeCore();
    const { doctor } = await staff(core);
    for (const [to, rule] of Object.entries(LC.systemOnly) as [
      InquiryStatus,
      { command: string; from: readonly InquiryStatus[] },
    ][]) {
      for (const from of rule.from) {
        const created = await doctor.ok<Inquiry>('inquiries.create', inquiryInput());
        forceStatus(core, created.id, from);
        const r = await doctor.call('inquiries.changeStatus', {
          id: created.id,
          version: created.version,
          to,
          reason: 'x',
        });
        expect(r.ok).toBe(false);
        if (!r.ok) {
          expect(r.error.code).toBe('INVALID_TRANSITION');
          expect(r.error.details).toMatchObject({ entity: 'inquiries', from, to, command: rule.command });
        }
        expect(statusOf(core, created.id)).toBe(from);
      }
    }
    // The command itself moves it, through the same transition: its step is on the inquiry's timeline.
    const created = await doctor.ok<Inquiry>('inquiries.create', inquiryInput());
    forceStatus(core, created.id, 'accepted');
    const input = { inquiryId: created.id, version: created.version, target: { kind: 'new', fields: patientInput() } };
    const done = await doctor.ok<{ inquiry: Inquiry }>('patients.convertInquiry', input);
    expect(done.inquiry.status).toBe('converted');
    const step = core.db
      .prepare('SELECT from_status, to_status FROM inquiry_status_changes WHERE inquiry_id = ? ORDER BY id DESC')
      .get(created.id);
    expect(step).toEqual({ from_status: 'accepted', to_status: 'converted' });
  });

  it('refuses conversion from a state the command does not start from, with the lifecycle details', async () => {
    const core = makeCore();
    const { doctor } = await staff(core);
    const created = await doctor.ok<Inquiry>('inquiries.create', inquiryInput());
    const r = await doctor.call('patients.convertInquiry', {
      inquiryId: created.id,
      version: created.version,
      target: { kind: 'existing', patientId: 1 },
    });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('INVALID_TRANSITION');
      expect(r.error.details).toMatchObject({ entity: 'inquiries', from: 'new', to: 'converted', allowed: [] });
    }
  });
});
