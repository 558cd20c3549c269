// Every list a screen opens reads its big table through the index meant for it, at the planner's view of a 10-year
// clinic: no full scan, and no sort of every matching row (EXPLAIN QUERY PLAN of the statements each call runs).
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SIZE, seedClinic } from '../../db/seed/generate';
import { CAPPED_COUNT_SQL } from '../../db/repos/seek';
import type { Core } from '../../db/services/core';
import { atScale, planOf, slowSteps, statementsOf } from './plans';
import { type Caller, caller, fixedClock, makeCore } from './support';

/** The 10-year size from issue #13 (courses and the rest follow from patients). */
export const TEN_YEARS = {
  patients: 100_000,
  inquiries: 300_000,
  procedures: 1_000_000,
  item_scores: 5_000_000,
  audit_log: 1_000_000,
  courses: 40_000,
  assessments: 400_000,
  assessment_versions: 450_000,
  adverse_events: 20_000,
  follow_up_contacts: 100_000,
  follow_up_points: 160_000,
  attachments: 50_000,
  consents: 80_000,
};

interface Case {
  name: string;
  as: 'coordinator' | 'admin';
  method: string;
  input: unknown;
  /** An index the plan must use. */
  index: RegExp;
  /** Tables or CTEs (by their alias in the SQL) that may be read whole: small ones, or a CTE of one page. */
  scannable?: string[];
  /** A sort of the matching rows is allowed when they are few by construction (≤ 1,000 search hits, one patient). */
  sorts?: 'allowed';
  /** With sorts allowed elsewhere: the plans that read this index must not sort (the long range read in list order). */
  inOrder?: RegExp;
}

let core: Core;
const as: Record<Case['as'], Caller> = {} as Record<Case['as'], Caller>;

beforeAll(async () => {
  core = makeCore({ clock: fixedClock('2026-11-25T03:00:00.000Z') });
  await seedClinic(core, DEMO_SIZE);
  as.coordinator = caller(core);
  await as.coordinator.ok('auth.signIn', { username: 'coord.li', password: 'demo-coord-2026' });
  as.admin = caller(core);
  await as.admin.ok('auth.signIn', { username: 'admin', password: 'demo-admin-2026' });
  atScale(core.db, TEN_YEARS);
}, 60_000);

/** The plans of the reads a call made (its writes, e.g. the audit entry of a view, are single-row by id). */
async function plansOf(c: Case): Promise<{ sql: string; plan: string[] }[]> {
  const ran = await statementsOf(core.db, () => as[c.as].ok(c.method, c.input));
  return ran
    .filter((r) => /^\s*(SELECT|WITH)/i.test(r.sql))
    .map((r) => ({ sql: r.sql, plan: planOf(core.db, r.sql, r.params) }));
}

const cursorOf = async (input: Record<string, unknown>) =>
  (await as.coordinator.ok<{ next: string | null }>('patients.list', { ...input, limit: 2 })).next;

describe('list query plans at the 10-year size', () => {
  const sortIndex = {
    createdAt: /patients_created/,
    name: /patients_name/,
    mrn: /patients_mrn_live/,
    birthDate: /patients_birth_(asc|desc)/,
  } as const;
  for (const sort of ['createdAt', 'name', 'mrn', 'birthDate'] as const) {
    for (const direction of ['asc', 'desc'] as const) {
      it(`patients.list by ${sort} ${direction}, first and a later page`, async () => {
        const after = await cursorOf({ sort, direction });
        expect(after).not.toBeNull();
        for (const input of [
          { sort, direction },
          { sort, direction, after },
        ]) {
          await check({
            name: 'patients.list',
            as: 'coordinator',
            method: 'patients.list',
            input,
            index: sortIndex[sort],
          });
        }
      });
    }
  }

  const cases: Case[] = [
    {
      name: 'patients.list searched (at most 1,000 hits, sorted)',
      as: 'coordinator',
      method: 'patients.list',
      input: { text: 'li', sort: 'name', direction: 'asc' },
      index: /patients_|sqlite_autoindex/,
      sorts: 'allowed',
    },
    {
      name: 'adverseEvents.open',
      as: 'coordinator',
      method: 'adverseEvents.open',
      input: {},
      index: /adverse_events_open/,
    },
    {
      name: 'adverseEvents.forPatient',
      as: 'coordinator',
      method: 'adverseEvents.forPatient',
      input: { patientId: 3 },
      index: /adverse_events_patient/,
      sorts: 'allowed',
    },
    { name: 'audit.list', as: 'admin', method: 'audit.list', input: {}, index: /audit_log_at/ },
    {
      name: 'audit.list, a later page',
      as: 'admin',
      method: 'audit.list',
      input: { beforeId: 40 },
      index: /audit_log_at \(at<\?\)/,
    },
    {
      name: 'audit.list by user in a date range, a later page',
      as: 'admin',
      method: 'audit.list',
      input: { actorId: 2, from: '2026-11-01', to: '2026-11-30', beforeId: 40 },
      index: /audit_log_actor/,
    },
    { name: 'audit.list by user', as: 'admin', method: 'audit.list', input: { actorId: 2 }, index: /audit_log_actor/ },
    {
      name: 'audit.list by action',
      as: 'admin',
      method: 'audit.list',
      input: { action: 'patients.create' },
      index: /audit_log_action/,
    },
    {
      name: 'audit.list one patient (the entries of one patient, sorted)',
      as: 'admin',
      method: 'audit.list',
      input: { patientId: 3 },
      index: /audit_log_entity/,
      sorts: 'allowed',
    },
    {
      name: 'audit.list one day',
      as: 'admin',
      method: 'audit.list',
      input: { from: '2026-11-20', to: '2026-11-20' },
      index: /audit_log_at/,
    },
    {
      name: 'audit.actions (one seek per action)',
      as: 'admin',
      method: 'audit.actions',
      input: {},
      index: /audit_log_action \(action>\?\)/,
      scannable: ['a'],
    },
    {
      name: 'procedures.byLot',
      as: 'coordinator',
      method: 'procedures.byLot',
      input: { lot: 'LOT' },
      index: /procedures_lot/,
      sorts: 'allowed',
    },
    // The home screens' agenda: two clinic days of bookings through the start index, the due stays through their own
    // indexes and read in one statement each (not one read per course), the patients by id. Two days of bookings: only
    // bookings that start at the same minute are put in id order (the calendar index goes on by end, not id).
    {
      name: 'treatment.agenda',
      as: 'coordinator',
      method: 'treatment.agenda',
      input: {},
      index: /procedures_(starts|calendar) \(starts_at>\? AND starts_at<\?\)/,
      sorts: 'allowed',
    },
    // As Today asks for it: each list's first rows, and the counts of the same ranges through the same indexes.
    {
      name: 'treatment.agenda (first rows)',
      as: 'coordinator',
      method: 'treatment.agenda',
      input: { firstRows: 1 },
      index: /procedures_(starts|calendar) \(starts_at>\? AND starts_at<\?\)/,
      sorts: 'allowed',
    },
    // One clinic day of holding bookings, sorted by room (a day's few dozen); the ward facts in one read by id.
    {
      name: 'procedures.wardList',
      as: 'coordinator',
      method: 'procedures.wardList',
      input: { day: '2026-11-25' },
      index: /procedures_(starts|calendar) \(starts_at>\? AND starts_at<\?\)/,
      sorts: 'allowed',
    },
    // A week of all rooms from the covering index (a sort of the same start's few bookings by id only).
    {
      name: 'procedures.calendar (week)',
      as: 'coordinator',
      method: 'procedures.calendar',
      input: { from: '2026-11-23T00:00:00.000Z', to: '2026-11-29T23:59:59.999Z' },
      index: /COVERING INDEX procedures_calendar \(starts_at>\? AND starts_at<\?\)/,
      sorts: 'allowed',
    },
    {
      name: 'attachments.list',
      as: 'coordinator',
      method: 'attachments.list',
      input: { owner: { kind: 'patient', id: 3 } },
      index: /attachments_patient/,
      sorts: 'allowed',
    },
    {
      name: 'courses.forPatient',
      as: 'coordinator',
      method: 'courses.forPatient',
      input: { patientId: 3 },
      index: /courses_patient/,
      sorts: 'allowed',
    },
    // The kept points (0240): every state read down follow_up_points_pending in list order, the promised later
    // calls by their day; the page's outer query reads only the page (`fp`).
    ...(
      [
        ['open states', {}],
        ['open states, page 3', { offset: 100 }],
        ['missed', { states: ['missed'] }],
        ['missed, page 3', { states: ['missed'], offset: 100 }],
        ['lost', { states: ['lost'] }],
        ['every state, one month point', { states: ['overdue', 'due', 'upcoming', 'missed', 'lost'], timePoint: 'm3' }],
      ] as const
    ).map(([name, input]): Case => ({
      name: `followUps.worklist (${name})`,
      as: 'coordinator',
      method: 'followUps.worklist',
      input,
      index: name.startsWith('missed')
        ? /follow_up_points_pending \(lost=\? AND to_day<\?\)/
        : /follow_up_points_pending \(lost=\?/,
      scannable: ['fp'],
      // Sorted: an open state's points (windows within 60 days of today) and the promised later calls (few).
      sorts: 'allowed',
      // Not sorted: the missed ones (every point of ten years whose window closed), read newest first as stored.
      inOrder: /follow_up_points_pending \(lost=\? AND to_day<\?\)/,
    })),
  ];
  for (const c of cases) it(c.name, () => check(c));
});

async function check(c: Case): Promise<void> {
  const plans = await plansOf(c);
  expect(plans.length, c.name).toBeGreaterThan(0);
  for (const { sql, plan } of plans) {
    // A capped count may walk its table: it stops after COUNT_CAP + 1 rows.
    if (sql.startsWith(CAPPED_COUNT_SQL)) continue;
    const slow = slowSteps(plan, { scannable: c.scannable ?? [], ...(c.sorts ? { sorts: c.sorts } : {}) });
    expect(slow, `${c.name}: ${sql.replace(/\s+/g, ' ').slice(0, 300)}\n${plan.join('\n')}`).toEqual([]);
  }
  const { inOrder } = c;
  if (inOrder) {
    for (const { plan } of plans.filter((p) => p.plan.some((d) => inOrder.test(d)))) {
      expect(
        plan.filter((d) => d.includes('TEMP B-TREE')),
        `${c.name}:\n${plan.join('\n')}`,
      ).toEqual([]);
    }
  }
  expect(
    plans.some(({ plan }) => plan.some((d) => c.index.test(d))),
    `${c.name} uses ${String(c.index)}:\n${plans.map((p) => p.plan.join(' | ')).join('\n')}`,
  ).toBe(true);
}
