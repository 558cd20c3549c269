// The edit-conflict comparison: which fields someone else changed since the form opened, and both values in words.
import { describe, expect, it } from 'vitest';
import { ApiCallError } from '../../renderer/src/api/client';
import {
  type ConflictField,
  changedFields,
  conflictAuthor,
  isStaleVersion,
  sameValue,
  showValue,
} from '../../renderer/src/ui/conflict';

interface Values {
  name: string;
  channel: string | null;
  symptoms: string[];
  consent: boolean;
  receivedAt: string;
  notes: string;
}

const fields: ConflictField<Values>[] = [
  { key: 'name', label: 'Name' },
  { key: 'channel', label: 'Channel', options: [{ value: 'email', label: 'E-mail' }] },
  { key: 'symptoms', label: 'Symptoms', options: [{ value: 'aphasia', label: 'Aphasia' }] },
  { key: 'consent', label: 'Consent' },
  { key: 'receivedAt', label: 'Received' },
];
const words = { empty: '—', yes: 'Yes', no: 'No' };
const base: Values = {
  name: 'Li Wei',
  channel: null,
  symptoms: ['aphasia', 'ataxia'],
  consent: false,
  receivedAt: '2026-11-25T10:30',
  notes: '',
};

describe('changedFields', () => {
  it('lists only the fields they changed, in the form order, with their value and mine in words', () => {
    const theirs = { ...base, channel: 'email', consent: true };
    const mine = { ...base, name: 'Li Wen' };
    expect(changedFields(fields, base, theirs, mine, words)).toEqual([
      { key: 'channel', label: 'Channel', theirs: 'E-mail', mine: '—', same: false },
      { key: 'consent', label: 'Consent', theirs: 'Yes', mine: 'No', same: false },
    ]);
  });

  it('marks a field where both made the same change', () => {
    const theirs = { ...base, name: 'Li Wen' };
    expect(changedFields(fields, base, theirs, { ...theirs }, words)).toEqual([
      { key: 'name', label: 'Name', theirs: 'Li Wen', mine: 'Li Wen', same: true },
    ]);
  });

  it('ignores a reordered list and fields the form does not name', () => {
    const theirs = { ...base, symptoms: ['ataxia', 'aphasia'], notes: 'changed elsewhere' };
    expect(changedFields(fields, base, theirs, base, words)).toEqual([]);
  });

  it('treats null and an empty string as the same nothing', () => {
    expect(sameValue(null, '')).toBe(true);
    expect(sameValue('a', '')).toBe(false);
    expect(sameValue(['a'], ['a', 'b'])).toBe(false);
  });
});

describe('showValue', () => {
  it('reads options, unknown codes through format, lists, empties and datetime-local values', () => {
    const f = fields[2] ?? { key: 'symptoms', label: '' };
    expect(showValue(['aphasia', 'x'], f, words)).toBe('Aphasia, x');
    expect(showValue([], f, words)).toBe('—');
    expect(showValue('GE', { format: (c) => `country ${c}` }, words)).toBe('country GE');
    expect(showValue('2026-11-25T10:30', {}, words)).toBe('2026-11-25 10:30');
    expect(showValue(null, {}, words)).toBe('—');
  });
});

describe('the refusal', () => {
  const stale = new ApiCallError({
    code: 'CONFLICT',
    message: 'x',
    details: { reason: 'stale_version', currentVersion: 3, changedBy: 'Anna', changedAt: '2026-11-25T10:00:00.000Z' },
  });
  it('is recognised by its reason, not by its code alone', () => {
    expect(isStaleVersion(stale)).toBe(true);
    expect(isStaleVersion(new ApiCallError({ code: 'CONFLICT', message: 'x', details: { reason: 'merged' } }))).toBe(
      false,
    );
    expect(isStaleVersion(new Error('x'))).toBe(false);
  });
  it('names who and when when the core told, and nothing when it did not', () => {
    expect(conflictAuthor(stale)).toEqual({ changedBy: 'Anna', changedAt: '2026-11-25T10:00:00.000Z' });
    const bare = new ApiCallError({ code: 'CONFLICT', message: 'x', details: { reason: 'stale_version' } });
    expect(conflictAuthor(bare)).toEqual({ changedBy: null, changedAt: null });
  });
});
