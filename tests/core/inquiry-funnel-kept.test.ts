// The inquiry funnel's kept rows (migration 0310: a row per inquiry, counts per UTC month) stay equal to their rebuild
// from the inquiries, their status history and the treated spans after every write a clinic makes through the core
// commands — create, edit, status changes, conversion, a completed procedure that makes the patient treated, a patient
// merge — and the clinic numbers from them equal the by-row figures after each.
import { beforeEach, describe, expect, it } from 'vitest';
import type { ConversionDraft, ConversionResult, Inquiry, Patient, Procedure } from '../../db/contract';
import * as repo from '../../db/repos/clinic-numbers';
import { clinicNumbersWith } from '../../db/services/clinic-numbers';
import {
  REBUILD_INQUIRY_FUNNEL,
  REBUILD_INQUIRY_FUNNEL_HOURS,
  REBUILD_INQUIRY_FUNNEL_MONTHS,
} from '../../db/sqlite/migrations/0310-inquiry-funnel';
import { baselineClinicNumbers } from '../bench/clinic-numbers-baseline';
import { fixedClock, inquiryInput, makeCore } from './support';
import { type Ward, addConsent, addCourse, at, ward } from './treatment-support';

const PERIODS = [
  { from: null, to: null },
  { from: '2026-01-01', to: '2026-12-31' },
  { from: '2026-10-15', to: '2026-11-24' },
  { from: '2026-11-24', to: '2026-11-24' },
] as const;

let w: Ward;
beforeEach(async () => {
  w = await ward(makeCore({ clock: fixedClock('2026-12-02T00:00:00.000Z') }), 2);
});

const dump = () =>
  ['inquiry_funnel', 'inquiry_funnel_months', 'inquiry_response_hours'].map((t) =>
    w.core.db.prepare(`SELECT * FROM ${t} ORDER BY 1, 2, 3, 4`).all(),
  );

/** The kept rows equal their rebuild (done in a savepoint and rolled back), and the numbers equal the by-row ones. */
function expectKept(step: string): void {
  const kept = dump();
  w.core.db.exec('SAVEPOINT rebuild');
  w.core.db.exec(REBUILD_INQUIRY_FUNNEL + REBUILD_INQUIRY_FUNNEL_MONTHS + REBUILD_INQUIRY_FUNNEL_HOURS);
  const rebuilt = dump();
  w.core.db.exec('ROLLBACK TO rebuild; RELEASE rebuild');
  expect({ step, kept }).toEqual({ step, kept: rebuilt });
  for (const p of PERIODS)
    expect({ step, p, n: clinicNumbersWith(w.core, p, repo) }).toEqual({
      step,
      p,
      n: baselineClinicNumbers(w.core, p),
    });
}

const move = (i: Inquiry, to: string, by = w.coordinator) =>
  by.ok<Inquiry>('inquiries.changeStatus', {
    id: i.id,
    version: i.version,
    to,
    reason: ['declined', 'closed'].includes(to) ? 'Not a candidate' : null,
  });

describe('the inquiry funnel kept by triggers', () => {
  it('equals its rebuild and the by-row funnel after every kind of inquiry write', async () => {
    const made: Inquiry[] = [];
    for (const [receivedAt, channel, country] of [
      ['2026-11-24T09:30:00.000Z', 'web_form', 'KZ'],
      ['2026-10-31T17:10:00.000Z', 'phone', 'CN'],
      ['2026-11-23T16:20:00.000Z', 'email', null],
      ['2025-12-31T23:50:00.000Z', 'referral', 'RU'],
    ] as const)
      made.push(await w.coordinator.ok<Inquiry>('inquiries.create', inquiryInput({ receivedAt, channel, country })));
    expect(w.core.db.prepare('SELECT count(*) AS n FROM inquiry_funnel').get()).toEqual({ n: 4 });
    expectKept('created');

    // An edit that moves the inquiry to another month, channel and country.
    const [a, b, c, d] = made as [Inquiry, Inquiry, Inquiry, Inquiry];
    const edited = await w.coordinator.ok<Inquiry>('inquiries.update', {
      id: b.id,
      version: b.version,
      fields: { ...inquiryInput({ receivedAt: '2026-11-01T02:00:00.000Z', channel: 'walk_in', country: 'TH' }) },
    });
    expectKept('edited');

    // Status changes: contacted (a first contact), under review, accepted; another declined after review.
    let x = await move(a, 'contacted');
    expectKept('contacted');
    x = await move(x, 'under_review');
    x = await move(x, 'accepted', w.doctor);
    expectKept('accepted');
    let y = await move(edited, 'contacted');
    y = await move(y, 'under_review');
    await move(y, 'declined', w.doctor);
    expectKept('declined');
    await move(c, 'closed');
    expectKept('closed');

    // Converted to a new patient (the inquiry links to them), who then has a procedure completed: treated.
    const draft = await w.coordinator.ok<ConversionDraft>('patients.conversionDraft', { inquiryId: x.id });
    const converted = await w.coordinator.ok<ConversionResult>('patients.convertInquiry', {
      inquiryId: x.id,
      version: x.version,
      target: { kind: 'new', fields: draft.fields },
    });
    expectKept('converted');
    const course = addCourse(w.core, converted.patient.id);
    addConsent(w.core, course, w.ids.coordinator);
    const booked = await w.coordinator.ok<Procedure>('procedures.book', {
      courseId: course,
      typeId: w.types[0],
      startsAt: at(2, '09:00'),
      endsAt: at(2, '10:00'),
      roomId: w.rooms[0] ?? 0,
      doctorId: w.ids.doctor,
    });
    expectKept('booked');
    await w.doctor.ok<Procedure>('procedures.complete', {
      id: booked.id,
      version: booked.version,
      product: 'UC-MSC',
      lotNumber: 'LOT-A17',
      dose: 50,
      doseUnit: 'million_cells',
      route: 'intrathecal',
      performedStart: booked.startsAt,
      performedEnd: booked.endsAt,
      notes: null,
    });
    expect(w.core.db.prepare('SELECT treated FROM inquiry_funnel WHERE inquiry_id = ?').get(x.id)).toEqual({
      treated: 1,
    });
    expectKept('treated');

    // The treated patient merged into another: the inquiry and the procedure move to the survivor, still treated.
    let z = await move(d, 'contacted');
    z = await move(z, 'under_review');
    z = await move(z, 'accepted', w.doctor);
    const draft2 = await w.coordinator.ok<ConversionDraft>('patients.conversionDraft', { inquiryId: z.id });
    const survivor = await w.coordinator.ok<ConversionResult>('patients.convertInquiry', {
      inquiryId: z.id,
      version: z.version,
      target: { kind: 'new', fields: { ...draft2.fields, familyName: 'Other' } },
    });
    expectKept('second patient');
    const merged = await w.doctor.ok<Patient>('patients.merge', {
      survivorId: survivor.patient.id,
      survivorVersion: survivor.patient.version,
      mergedId: converted.patient.id,
      mergedVersion: (
        w.core.db.prepare('SELECT version FROM patients WHERE id = ?').get(converted.patient.id) as { version: number }
      ).version,
    });
    expect(merged.id).toBe(survivor.patient.id);
    expect(
      w.core.db
        .prepare('SELECT inquiry_id, treated FROM inquiry_funnel WHERE inquiry_id IN (?, ?) ORDER BY 1')
        .all(x.id, z.id),
    ).toEqual([
      { inquiry_id: Math.min(x.id, z.id), treated: 1 },
      { inquiry_id: Math.max(x.id, z.id), treated: 1 },
    ]);
    expectKept('merged');

    // No command deletes an inquiry or rewrites its history; a restore or repair might: the rows follow too.
    w.core.db.prepare("DELETE FROM inquiry_status_changes WHERE inquiry_id = ? AND to_status = 'accepted'").run(z.id);
    w.core.db.prepare("UPDATE inquiries SET status = 'closed' WHERE id = ?").run(z.id);
    expectKept('history rewritten');
    w.core.db.pragma('foreign_keys = OFF');
    w.core.db.prepare('DELETE FROM inquiry_status_changes WHERE inquiry_id = ?').run(c.id);
    w.core.db.prepare('DELETE FROM inquiries WHERE id = ?').run(c.id);
    w.core.db.pragma('foreign_keys = ON');
    expectKept('deleted');
  });
});
