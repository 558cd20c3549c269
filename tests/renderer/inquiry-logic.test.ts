// Pure pieces of the inquiry screens: the list's address, the form→contract mapping, and wait times.
import { describe, expect, it } from 'vitest';
import { InquiryFieldsChecked } from '../../db/contract';
import { formatDuration, followUpState, waitLevel, waitMinutes } from '../../renderer/src/ui/format';
import {
  emptyFormValues,
  formValuesFrom,
  isoToLocalInput,
  localInputToIso,
  receivedDay,
  toFieldsInput,
} from '../../renderer/src/features/inquiries/inquiry-form-model';
import {
  DEFAULT_LIST_STATE,
  parseListState,
  serializeListState,
  toQuery,
} from '../../renderer/src/features/inquiries/list-query';
import { initI18n } from '../../renderer/src/i18n';
import { readDateField } from '../../renderer/src/ui/partial-date';

describe('list address', () => {
  it('round-trips filters and sort through the hash, and keeps a plain list plain', () => {
    const state = {
      ...DEFAULT_LIST_STATE,
      text: 'li wei',
      status: 'open' as const,
      ownerId: 3,
      channel: 'phone' as const,
      country: 'CN',
      followUp: 'overdue' as const,
      sort: 'patientName' as const,
      direction: 'asc' as const,
      page: 2,
    };
    expect(parseListState(serializeListState(state))).toEqual(state);
    expect(serializeListState(DEFAULT_LIST_STATE)).toBe('#/inquiries');
  });

  it('ignores what it does not know rather than sending it to the core', () => {
    expect(parseListState('#/inquiries?status=bogus&sort=drop%20table&owner=-4&country=china&page=x')).toEqual(
      DEFAULT_LIST_STATE,
    );
  });

  it("turns 'open' into the open statuses and pages into offsets", () => {
    const q = toQuery({ ...DEFAULT_LIST_STATE, status: 'open', page: 3 });
    expect(q.statuses).toEqual(['new', 'contacted', 'awaiting_records', 'under_review', 'accepted']);
    expect(q.offset).toBe(150);
  });
});

describe('intake form mapping', () => {
  it('maps what inputs hold to what the contract accepts, and back', () => {
    const values = {
      ...emptyFormValues(new Date('2026-11-25T08:00:00Z'), 2),
      channel: 'phone' as const,
      contactName: 'Olga',
      contactRelation: 'child' as const,
      contactPhone: '+7 701 555 0142',
      patientName: 'Nikolai',
      patientSex: 'male' as const,
      patientAge: '67',
      diagnosis: 'ischemic' as const,
    };
    const parsed = InquiryFieldsChecked.parse(toFieldsInput(values));
    expect(parsed).toMatchObject({
      ownerId: 2,
      patientAge: 67,
      contactEmail: null,
      nextFollowUp: null,
      channel: 'phone',
    });
    const back = formValuesFrom({
      ...parsed,
      id: 1,
      status: 'new',
      statusReason: null,
      firstContactAt: null,
      ownerName: null,
      patientId: null,
      createdAt: parsed.receivedAt,
      updatedAt: parsed.receivedAt,
      version: 1,
    });
    expect(back.patientAge).toBe('67');
    expect(back.receivedAt).toBe(values.receivedAt);
  });

  it('lets the schema name the field of a bad age or a missing choice', () => {
    const result = InquiryFieldsChecked.safeParse(
      toFieldsInput({ ...emptyFormValues(new Date(), null), patientAge: 'sixty' }),
    );
    expect(result.success).toBe(false);
    const paths = result.success ? [] : result.error.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['patientAge', 'channel', 'contactName', 'patientName', 'diagnosis']));
  });

  it('counts "… ago" back from the day the inquiry was received, not from today', () => {
    const values = {
      ...emptyFormValues(new Date('2026-11-25T03:04:00.000Z'), null),
      receivedAt: '2026-04-10T09:30',
      strokeOnsetDate: '8 mo ago',
      patientBirthDate: '64 years ago',
    };
    expect(toFieldsInput(values)).toMatchObject({
      strokeOnsetDate: '2025-08',
      strokeOnsetDateApprox: true,
      patientBirthDate: '1962',
      patientBirthDateApprox: true,
    });
    // What the field shows while typing reads the same day.
    expect(readDateField('8 mo ago', receivedDay(values.receivedAt))).toEqual({
      kind: 'read',
      reading: { value: '2025-08', approx: true },
    });
    // A received box not yet holding a date leaves "ago" to the clinic's today; an explicit day still wins.
    expect(receivedDay('')).toBeUndefined();
    expect(toFieldsInput({ ...values, receivedAt: '' }, '2026-12-01')).toMatchObject({ strokeOnsetDate: '2026-04' });
  });

  it('converts local date-times to UTC and back', () => {
    const iso = '2026-11-25T03:04:00.000Z';
    expect(localInputToIso(isoToLocalInput(iso))).toBe(iso);
    expect(localInputToIso('not a time')).toBe('not a time');
  });
});

describe('waiting for a first contact', () => {
  it('measures to the first contact, or to now', () => {
    const now = new Date('2026-11-25T12:00:00Z');
    expect(waitMinutes('2026-11-25T09:00:00Z', null, now)).toBe(180);
    expect(waitMinutes('2026-11-25T09:00:00Z', '2026-11-25T09:45:00Z', now)).toBe(45);
  });

  it('flags late after 2 hours and overdue after 24', () => {
    expect([60, 121, 24 * 60, 24 * 60 + 1].map(waitLevel)).toEqual(['ok', 'late', 'late', 'overdue']);
  });

  it('writes durations compactly', async () => {
    const i18n = await initI18n();
    expect([45, 300, 52 * 60].map((m) => formatDuration(i18n.t, m))).toEqual(['45 min', '5 h', '2 d 4 h']);
  });

  it('tells overdue from today from later', () => {
    expect([
      followUpState('2026-11-24', '2026-11-25'),
      followUpState('2026-11-25', '2026-11-25'),
      followUpState('2026-11-26', '2026-11-25'),
      followUpState(null, '2026-11-25'),
    ]).toEqual(['overdue', 'today', 'later', 'none']);
  });
});
