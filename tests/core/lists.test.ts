// The inquiry list and the coordinator's worklist: filters, sorting, search, pages and the clinic's day.
import { describe, expect, it } from 'vitest';
import { INQUIRY_SORTS, type Inquiry, type InquiryPage, type Worklist } from '../../db/contract';
import { worklistStatements } from '../../db/repos/inquiries';
import { fixedClock, inquiryInput, makeCore, staff } from './support';

// 02:00 UTC is already 10:00 on 25 November in Shanghai, the clinic's default time zone.
const NOW = '2026-11-25T02:00:00.000Z';

async function clinic() {
  const core = makeCore({ clock: fixedClock(NOW) });
  const people = await staff(core);
  const { coordinator, doctor, ids } = people;
  const make = (patch: Parameters<typeof inquiryInput>[0]) =>
    coordinator.ok<Inquiry>('inquiries.create', inquiryInput(patch));
  const a = await make({
    patientName: 'Wang Fang',
    contactName: 'Wang Lei',
    contactEmail: 'lei.wang@example.com',
    contactPhone: '+86 138 0013 8000',
    country: 'CN',
    channel: 'phone',
    ownerId: ids.coordinator,
    nextFollowUp: '2026-11-20',
    receivedAt: '2026-11-01T08:00:00.000Z',
  });
  const b = await make({
    patientName: 'Sergei Ivanov',
    contactName: 'Anna Ivanova',
    contactEmail: 'anna_100%@example.org',
    contactPhone: '+7 916 123 4567',
    country: 'RU',
    channel: 'email',
    ownerId: ids.doctor,
    nextFollowUp: '2026-11-25',
    receivedAt: '2026-11-10T08:00:00.000Z',
  });
  const c = await make({
    patientName: 'Mary Smith',
    contactName: 'Mary Smith',
    contactRelation: 'self',
    contactEmail: 'mary@example.net',
    contactPhone: null,
    country: 'US',
    channel: 'web_form',
    ownerId: null,
    nextFollowUp: null,
    receivedAt: '2026-11-23T08:00:00.000Z',
  });
  const d = await make({
    patientName: 'Closed Case',
    contactName: 'Someone',
    country: 'DE',
    channel: 'referral',
    ownerId: ids.coordinator,
    nextFollowUp: '2026-11-01',
    receivedAt: '2026-10-01T08:00:00.000Z',
  });
  await doctor.ok('inquiries.changeStatus', {
    id: d.id,
    version: d.version,
    to: 'closed',
    reason: 'Chose another clinic',
  });
  return { core, ...people, a, b, c, d };
}

const names = (page: InquiryPage) => page.rows.map((r) => r.patientName);

describe('inquiries.list', () => {
  it('filters by status, owner, channel, country and follow-up against the clinic day', async () => {
    const { coordinator, ids } = await clinic();
    const list = (q: object) => coordinator.ok<InquiryPage>('inquiries.list', q);
    expect((await list({})).today).toBe('2026-11-25');
    expect(names(await list({ statuses: ['closed'] }))).toEqual(['Closed Case']);
    expect(names(await list({ ownerId: ids.doctor }))).toEqual(['Sergei Ivanov']);
    expect(names(await list({ channel: 'web_form' }))).toEqual(['Mary Smith']);
    expect(names(await list({ country: 'CN' }))).toEqual(['Wang Fang']);
    // A closed inquiry's old follow-up date is not overdue.
    expect(names(await list({ followUp: 'overdue' }))).toEqual(['Wang Fang']);
    expect(names(await list({ followUp: 'today' }))).toEqual(['Sergei Ivanov']);
    expect(names(await list({ followUp: 'due', sort: 'nextFollowUp', direction: 'asc' }))).toEqual([
      'Wang Fang',
      'Sergei Ivanov',
    ]);
  });

  it('searches names, e-mail and phone digits whatever their formatting, with wildcards taken literally', async () => {
    const { coordinator } = await clinic();
    const search = async (text: string) => names(await coordinator.ok<InquiryPage>('inquiries.list', { text }));
    expect(await search('fang')).toEqual(['Wang Fang']);
    expect(await search('Ivanova')).toEqual(['Sergei Ivanov']);
    expect(await search('mary@exa')).toEqual(['Mary Smith']);
    expect(await search('0013')).toEqual(['Wang Fang']);
    expect(await search('916-123')).toEqual(['Sergei Ivanov']);
    expect(await search('100%')).toEqual(['Sergei Ivanov']);
    expect(await search('a_1')).toEqual(['Sergei Ivanov']);
    // One or two characters are the start of a name, never a wildcard.
    expect(await search('%')).toEqual([]);
    expect(await search('_')).toEqual([]);
    expect(await search('wa')).toEqual(['Wang Fang']);
    expect(await search('nobody-like-this')).toEqual([]);
  });

  it('sorts by every sort key both ways, and pages with a total', async () => {
    const { coordinator } = await clinic();
    for (const sort of INQUIRY_SORTS) {
      const asc = names(await coordinator.ok<InquiryPage>('inquiries.list', { sort, direction: 'asc' }));
      const desc = names(await coordinator.ok<InquiryPage>('inquiries.list', { sort, direction: 'desc' }));
      expect(asc).toHaveLength(4);
      expect(new Set(asc)).toEqual(new Set(desc));
      if (sort !== 'nextFollowUp' && sort !== 'country') expect(desc).toEqual([...asc].reverse());
    }
    expect(
      names(await coordinator.ok<InquiryPage>('inquiries.list', { sort: 'patientName', direction: 'asc' })),
    ).toEqual(['Closed Case', 'Mary Smith', 'Sergei Ivanov', 'Wang Fang']);
    // Empty follow-up dates go last both ways.
    expect(
      names(await coordinator.ok<InquiryPage>('inquiries.list', { sort: 'nextFollowUp', direction: 'desc' })).at(-1),
    ).toBe('Mary Smith');
    const page = await coordinator.ok<InquiryPage>('inquiries.list', {
      sort: 'receivedAt',
      direction: 'asc',
      limit: 2,
      offset: 2,
    });
    expect(page.total).toBe(4);
    expect(names(page)).toEqual(['Sergei Ivanov', 'Mary Smith']);
  });
});

describe('inquiries.worklist', () => {
  it('shows my overdue and due-today follow-ups, and new inquiries of mine or nobody awaiting a first contact', async () => {
    const { coordinator, doctor } = await clinic();
    const mine = await coordinator.ok<Worklist>('inquiries.worklist', { scope: 'mine' });
    expect(mine.today).toBe('2026-11-25');
    expect(mine.overdue.map((r) => r.patientName)).toEqual(['Wang Fang']);
    expect(mine.dueToday).toEqual([]);
    expect(mine.awaitingFirstContact.map((r) => r.patientName)).toEqual(['Wang Fang', 'Mary Smith']);

    const everyone = await coordinator.ok<Worklist>('inquiries.worklist', { scope: 'all' });
    expect(everyone.dueToday.map((r) => r.patientName)).toEqual(['Sergei Ivanov']);
    expect(everyone.awaitingFirstContact.map((r) => r.patientName)).toEqual([
      'Wang Fang',
      'Sergei Ivanov',
      'Mary Smith',
    ]);

    const doctors = await doctor.ok<Worklist>('inquiries.worklist', { scope: 'mine' });
    expect(doctors.dueToday.map((r) => r.patientName)).toEqual(['Sergei Ivanov']);
    expect(doctors.overdue).toEqual([]);
  });

  it("gives each panel's first rows only when asked (Today's opening), with the same totals", async () => {
    const { coordinator } = await clinic();
    const whole = await coordinator.ok<Worklist>('inquiries.worklist', { scope: 'all' });
    const first = await coordinator.ok<Worklist>('inquiries.worklist', { scope: 'all', firstRows: 1 });
    expect(whole.awaitingFirstContact).toHaveLength(3);
    expect(first.awaitingFirstContact).toEqual(whole.awaitingFirstContact.slice(0, 1));
    expect(first.dueToday).toEqual(whole.dueToday.slice(0, 1));
    expect(first.totals).toEqual(whole.totals);
    expect(first.totals.awaitingFirstContact).toBe(3);
    for (const firstRows of [0, 51]) {
      const refused = await coordinator.call('inquiries.worklist', { scope: 'all', firstRows });
      expect(refused.ok ? null : refused.error.code).toBe('VALIDATION');
    }
  });
});

describe('inquiries.worklist: what is due', () => {
  it("carries the last activity (kind, excerpt, time) and the lifecycle's next step on each row", async () => {
    const { coordinator, a } = await clinic();
    await coordinator.ok('inquiries.addActivity', {
      id: a.id,
      kind: 'note',
      summary: 'Older note',
      at: '2026-11-21T01:00:00.000Z',
    });
    const long = `Called the son;\n   he will send the MRI ${'and the discharge letter '.repeat(10)}`;
    await coordinator.ok('inquiries.addActivity', {
      id: a.id,
      kind: 'call',
      summary: long,
      at: '2026-11-24T01:00:00.000Z',
    });
    const w = await coordinator.ok<Worklist>('inquiries.worklist', { scope: 'mine' });
    const row = w.overdue[0];
    expect(row?.patientName).toBe('Wang Fang');
    expect(row?.lastActivity?.kind).toBe('call');
    expect(row?.lastActivity?.at).toBe('2026-11-24T01:00:00.000Z');
    expect(row?.lastActivity?.excerpt.startsWith('Called the son; he will send the MRI and')).toBe(true);
    expect(row?.lastActivity?.excerpt.length).toBeLessThanOrEqual(120);
    expect(row?.lastActivity?.excerpt.length).toBeGreaterThan(100);
    expect(row?.lastActivity?.excerpt.endsWith('…')).toBe(true);
    // A call is a first contact: the inquiry moved on to contacted, whose usual next step is asking for records.
    expect(row?.status).toBe('contacted');
    expect(row?.nextStep).toBe('awaiting_records');
    const mary = w.awaitingFirstContact.find((r) => r.patientName === 'Mary Smith');
    expect(mary?.lastActivity).toBeNull();
    expect(mary?.nextStep).toBe('contacted');
    expect(w.totals.overdue).toBe(w.overdue.length);
  });

  it('gives a doctor the review queue: every inquiry under review, longest waiting first, with the time it entered', async () => {
    const { core, coordinator, doctor, a, b, c } = await clinic();
    const toReview = async (id: number, at: string) => {
      core.clock = fixedClock(at);
      let i = (await coordinator.ok<{ inquiry: Inquiry }>('inquiries.get', { id })).inquiry;
      for (const to of ['contacted', 'under_review'] as const) {
        if (i.status === to) continue;
        i = await coordinator.ok<Inquiry>('inquiries.changeStatus', { id, version: i.version, to, reason: null });
      }
    };
    // Sergei was received before Mary but reached review later: the queue is ordered by the wait for review.
    // (The clock only goes back from NOW here, so no session idles out.)
    await toReview(b.id, '2026-11-24T09:00:00.000Z');
    await toReview(c.id, '2026-11-23T09:00:00.000Z');
    core.clock = fixedClock(NOW);
    const w = await doctor.ok<Worklist>('inquiries.worklist', { scope: 'mine' });
    expect(w.awaitingReview.map((r) => r.patientName)).toEqual(['Mary Smith', 'Sergei Ivanov']);
    expect(w.awaitingReview.map((r) => r.statusSince)).toEqual([
      '2026-11-23T09:00:00.000Z',
      '2026-11-24T09:00:00.000Z',
    ]);
    expect(w.awaitingReview[0]?.nextStep).toBe('accepted');
    expect(w.totals.awaitingReview).toBe(2);
    expect(a.status).toBe('new');
  });

  it('reads every panel through its index, the last activity through its own, the state time from the row', async () => {
    const { core, ids } = await clinic();
    for (const owner of [ids.coordinator, null]) {
      const st = worklistStatements('2026-11-25', owner);
      for (const [panel, { rows, count }] of Object.entries(st)) {
        for (const q of [rows, count]) {
          const plan = (core.db.prepare(`EXPLAIN QUERY PLAN ${q.text}`).all(...q.values) as { detail: string }[]).map(
            (p) => p.detail,
          );
          // Walking a partial index is the point of it; a scan of a table is not (nor is reading a capped count's rows).
          const tableScans = plan.filter(
            (d) => /^SCAN /.test(d) && !/ USING (COVERING )?INDEX /.test(d) && !/^SCAN \(subquery-/.test(d),
          );
          expect(tableScans, `${panel}: ${plan.join(' | ')}`).toEqual([]);
          expect(
            plan.some((d) => /USING (COVERING )?INDEX inquiries_/.test(d)),
            panel,
          ).toBe(true);
          if (q === rows) {
            expect(
              plan.some((d) => d.includes('INDEX inquiry_activities_inquiry')),
              panel,
            ).toBe(true);
            // Kept on the inquiry (0240): no probe of the status changes, and the review queue reads in its order.
            expect(
              plan.filter((d) => d.includes('inquiry_status_changes')),
              panel,
            ).toEqual([]);
            // Due today reads the day's open inquiries in arrival order (0300) and stops at the page.
            if (panel === 'dueToday') expect(plan.join(' | ')).not.toMatch(/TEMP B-TREE/);
            if (panel === 'awaitingReview') {
              expect(
                plan.filter((d) => d.includes('TEMP B-TREE')),
                plan.join(' | '),
              ).toEqual([]);
              expect(plan.some((d) => d.includes('INDEX inquiries_review_since'))).toBe(true);
            }
          }
        }
      }
    }
  });
});
