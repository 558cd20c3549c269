// Reads a date as a caller says it on the phone ("8 mo ago", "04/2026", "2026年4月") into a PartialDate. Pure.
import { isRealPartialDate } from './common';

/** What a typed date means: the partial date, and whether it is an estimate ("about", "… ago"). */
export interface DateReading {
  value: string;
  approx: boolean;
}

const pad = (n: number) => String(n).padStart(2, '0');

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
  january: 1,
  february: 2,
  march: 3,
  april: 4,
  june: 6,
  july: 7,
  august: 8,
  september: 9,
  october: 10,
  november: 11,
  december: 12,
};

/** Words that make any reading an estimate: "about 2019", "~ 2019", "约2019年". */
const ABOUT = /^(?:about|approx\.?|approximately|around|circa|ca\.?|c\.|~|≈|约|大约|大概)\s*/i;

type Unit = 'day' | 'week' | 'month' | 'year';
const UNITS: [RegExp, Unit][] = [
  [/^(?:d|day|days|天|日)$/i, 'day'],
  [/^(?:w|wk|wks|week|weeks|周|个星期|星期|个礼拜|礼拜)$/i, 'week'],
  [/^(?:m|mo|mos|mth|mths|month|months|个月|月)$/i, 'month'],
  [/^(?:y|yr|yrs|year|years|年)$/i, 'year'],
];

/** "8 mo ago", "3 weeks ago", "2 y ago", "8个月前", "2年前": counted back from `today` (`YYYY-MM-DD`). */
function relative(text: string, today: string): DateReading | null {
  const m = /^(\d{1,3}|半)\s*([a-z\u4e00-\u9fff]+?)\s*(?:ago|前|以前|之前)$/i.exec(text);
  if (!m) return null;
  const [, count = '', word = ''] = m;
  const unit = UNITS.find(([re]) => re.test(word))?.[1];
  if (!unit) return null;
  // "半年前" (half a year ago) is six months back.
  const half = count === '半';
  if (half && unit !== 'year') return null;
  const n = half ? 6 : Number(count);
  const span: Unit = half ? 'month' : unit;
  const [y = 0, mo = 1, d = 1] = today.split('-').map(Number);
  if (span === 'day' || span === 'week') {
    const t = new Date(Date.UTC(y, mo - 1, d - n * (span === 'week' ? 7 : 1)));
    return { value: t.toISOString().slice(0, 10), approx: true };
  }
  if (span === 'month') {
    const total = y * 12 + (mo - 1) - n;
    return { value: `${Math.floor(total / 12)}-${pad((total % 12) + 1)}`, approx: true };
  }
  return { value: String(y - n), approx: true };
}

/** Absolute forms: ISO, day.month.year, month/year, year, "Apr 2026", "2026年4月12日". */
function absolute(text: string): string | null {
  let m = /^(\d{4})[-/.](\d{1,2})(?:[-/.](\d{1,2}))?$/.exec(text);
  if (m) return [m[1], pad(Number(m[2])), ...(m[3] ? [pad(Number(m[3]))] : [])].join('-');
  // Day first with dots (12.04.2026): the European order; slashes with a day are ambiguous (US order), so refused.
  m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
  if (m) return `${m[3]}-${pad(Number(m[2]))}-${pad(Number(m[1]))}`;
  m = /^(\d{1,2})[/.](\d{4})$/.exec(text);
  if (m) return `${m[2]}-${pad(Number(m[1]))}`;
  m = /^(\d{4})$/.exec(text);
  if (m) return text;
  m = /^(\d{4})\s*年(?:\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*[日号])?)?$/.exec(text);
  if (m) return [m[1], ...(m[2] ? [pad(Number(m[2]))] : []), ...(m[3] ? [pad(Number(m[3]))] : [])].join('-');
  m = /^(?:(\d{1,2})\s+)?([a-z]+)\.?,?\s+(\d{4})$/i.exec(text);
  const month = m ? MONTHS[(m[2] ?? '').toLowerCase()] : undefined;
  if (m && month !== undefined) return [m[3], pad(month), ...(m[1] ? [pad(Number(m[1]))] : [])].join('-');
  return null;
}

/**
 * The date a person typed, or null when it cannot be read (the caller keeps the text and says so). `today` is the
 * clinic's day, for "… ago". Empty text is not a date: callers treat it as "not given" before asking.
 */
export function readDateText(input: string, today: string): DateReading | null {
  let text = input.trim().replace(/\s+/g, ' ');
  let about = false;
  const lead = ABOUT.exec(text);
  if (lead) {
    about = true;
    text = text.slice(lead[0].length);
  }
  if (text === '') return null;
  const rel = relative(text, today);
  if (rel) return isRealPartialDate(rel.value) ? rel : null;
  const value = absolute(text);
  if (value === null || !isRealPartialDate(value)) return null;
  return { value, approx: about };
}
