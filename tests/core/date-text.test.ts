// Contract unit tests: PartialDate (year, month or day, real ones only) and the reader of dates as typed on a call.
import { describe, expect, it } from 'vitest';
import { PartialDate, isExactDay, readDateText, surelyBefore } from '../../db/contract';

const TODAY = '2026-12-02';
const read = (text: string) => readDateText(text, TODAY);

describe('PartialDate', () => {
  it.each(['2026', '2026-04', '2026-04-12', '2024-02-29'])('accepts %s', (s) => {
    expect(PartialDate.safeParse(s).success).toBe(true);
  });

  it.each([
    ['2026-13', 'Not a real calendar date'],
    ['2025-02-29', 'Not a real calendar date'],
    ['2026-00', 'Not a real calendar date'],
    ['0999', 'Not a real calendar date'],
    ['26-4-1', 'Use the form YYYY-MM-DD, YYYY-MM or YYYY'],
    ['2026-4', 'Use the form YYYY-MM-DD, YYYY-MM or YYYY'],
    ['April 2026', 'Use the form YYYY-MM-DD, YYYY-MM or YYYY'],
  ])('refuses %s with one message', (s, message) => {
    const r = PartialDate.safeParse(s);
    expect(r.success ? [] : r.error.issues.map((i) => i.message)).toEqual([message]);
  });

  it('compares at the coarser precision and knows an exact day', () => {
    expect(surelyBefore('2026-04', '2026-04-12')).toBe(false);
    expect(surelyBefore('2026-03', '2026-04-12')).toBe(true);
    expect(surelyBefore('2025', '2026-01')).toBe(true);
    expect(isExactDay('1960-05-01', false)).toBe(true);
    expect(isExactDay('1960-05-01', true)).toBe(false);
    expect(isExactDay('1960', false)).toBe(false);
    expect(isExactDay(null, false)).toBe(false);
  });
});

describe('readDateText', () => {
  it.each([
    ['2026-04-12', '2026-04-12', false],
    ['2026/4/3', '2026-04-03', false],
    ['12.04.2026', '2026-04-12', false],
    ['1.4.2026', '2026-04-01', false],
    ['2026-04', '2026-04', false],
    ['04/2026', '2026-04', false],
    ['4.2026', '2026-04', false],
    ['2026', '2026', false],
    ['Apr 2026', '2026-04', false],
    ['april 2026', '2026-04', false],
    ['12 April 2026', '2026-04-12', false],
    ['about 1962', '1962', true],
    ['~2019-05', '2019-05', true],
    ['≈ 1962', '1962', true],
    ['8 mo ago', '2026-04', true],
    ['8 months ago', '2026-04', true],
    [' 8  MONTHS  AGO ', '2026-04', true],
    ['12 mo ago', '2025-12', true],
    ['1 month ago', '2026-11', true],
    ['2 y ago', '2024', true],
    ['2 years ago', '2024', true],
    ['3 weeks ago', '2026-11-11', true],
    ['10 days ago', '2026-11-22', true],
    ['8个月前', '2026-04', true],
    ['8 个月前', '2026-04', true],
    ['2年前', '2024', true],
    ['半年前', '2026-06', true],
    ['3周前', '2026-11-11', true],
    ['2026年4月', '2026-04', false],
    ['2026年4月12日', '2026-04-12', false],
    ['1962年', '1962', false],
    ['约1962年', '1962', true],
    ['大约8个月前', '2026-04', true],
  ])('reads %j as %s (approximate: %s)', (text, value, approx) => {
    expect(read(text)).toEqual({ value, approx });
  });

  it.each([
    '',
    '   ',
    'yesterday-ish',
    '31.02.2026',
    '2026-13',
    '13/2026',
    '04/12/2026',
    '8 lightyears ago',
    'about',
    '2026年13月',
    '-3 mo ago',
    'Smarch 2026',
  ])('cannot read %j', (text) => {
    expect(read(text)).toBeNull();
  });
});
