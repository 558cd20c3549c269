// The inquiry list and the coordinator's worklist: filters, sorting, search, pages and the clinic's day.
import { describe, expect, it } from 'vitest';
import { INQUIRY_SORTS, type Inquiry, type InquiryPage, type Worklist } from '../../db/contract';
import { fixedClock, inquiryInput, makeCore, staff } from './support';

// 02:00 UTC is already 10:00 on 25 November in Shanghai, the clinic's default time zone.
const NOW = '2026-11-25T02:00:00.000Z';

async function clinic() {
  const core = makeCore({ clock: fixedClock(NOW) });
  const people = await staff(core);
  const { coordinator, doctor, ids } = people;
  const make = (patch: Parameters<typeof inquiryInput>[0]) => coordinator.ok<Inquiry>('inquiries.create', inquiryInput(patch));
  const a = await make({ patientName: 'Wang Fang', contactName: 'Wang Lei', contactEmail: 'lei.wang@example.com', contactPhone: '+86 138 0013 8000', country: 'CN', channel: 'phone', ownerId: ids.coordinator, nextFollowUp: '2026-11-20', receivedAt: '2026-11-01T08:00:00.000Z' });
  const b = await make({ patientName: 'Sergei Ivanov', contactName: 'Anna Ivanova', contactEmail: 'anna_100%@example.org', contactPhone: '+7 916 123 4567', country: 'RU', channel: 'email', ownerId: ids.doctor, nextFollowUp: '2026-11-25', receivedAt: '2026-11-10T08:00:00.000Z' });
  const c = await make({ patientName: 'Mary Smith', contactName: 'Mary Smith', contactRelation: 'self', contactEmail: 'mary@example.net', contactPhone: null, country: 'US', channel: 'web_form', ownerId: null, nextFollowUp: null, receivedAt: '2026-11-23T08:00:00.000Z' });
  const d = await make({ patientName: 'Closed Case', contactName: 'Someone', country: 'DE', channel: 'referral', ownerId: ids.coordinator, nextFollowUp: '2026-11-01', receivedAt: '2026-10-01T08:00:00.000Z' });
  await doctor.ok('inquiries.changeStatus', { id: d.id, version: d.version, to: 'closed', reason: 'Chose another clinic' });
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
    expect(names(await list({ followUp: 'due', sort: 'nextFollowUp', direction: 'asc' }))).toEqual(['Wang Fang', 'Sergei Ivanov']);
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
    expect(names(await coordinator.ok<InquiryPage>('inquiries.list', { sort: 'patientName', direction: 'asc' }))).toEqual(['Closed Case', 'Mary Smith', 'Sergei Ivanov', 'Wang Fang']);
    // Empty follow-up dates go last both ways.
    expect(names(await coordinator.ok<InquiryPage>('inquiries.list', { sort: 'nextFollowUp', direction: 'desc' })).at(-1)).toBe('Mary Smith');
    const page = await coordinator.ok<InquiryPage>('inquiries.list', { sort: 'receivedAt', direction: 'asc', limit: 2, offset: 2 });
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
    expect(everyone.awaitingFirstContact.map((r) => r.patientName)).toEqual(['Wang Fang', 'Sergei Ivanov', 'Mary Smith']);

    const doctors = await doctor.ok<Worklist>('inquiries.worklist', { scope: 'mine' });
    expect(doctors.dueToday.map((r) => r.patientName)).toEqual(['Sergei Ivanov']);
    expect(doctors.overdue).toEqual([]);
  });
});
