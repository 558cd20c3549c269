// The follow-up schedule: each time point's target day and window, derived from a course's current dates (so it moves
// when they change), and whether an assessment's day is inside its window.
import type { TimePoint, TimeWindow, WindowState } from '../contract';

/** Days either side of the target (inclusive). Months are counted from discharge (DOMAIN.md: ±7, ±14, ±30, ±30). */
export const WINDOW_DAYS: Readonly<Record<TimePoint, { before: number; after: number }>> = {
  // Before the first transplant: up to 30 days ahead of it, and on its day (before the procedure) at the latest.
  baseline: { before: 30, after: 0 },
  // After a procedure: on its day (after it) up to a week later.
  after_procedure: { before: 0, after: 7 },
  discharge: { before: 3, after: 3 },
  m1: { before: 7, after: 7 },
  m3: { before: 14, after: 14 },
  m6: { before: 30, after: 30 },
  m12: { before: 30, after: 30 },
};

export const MONTHS_AFTER_DISCHARGE: Readonly<Partial<Record<TimePoint, number>>> = { m1: 1, m3: 3, m6: 6, m12: 12 };

/**
 * Days as whole numbers (days since 1970-01-01) by the civil-calendar arithmetic of H. Hinnant's `days_from_civil`:
 * a patient's page computes hundreds of windows per call, and Date parsing and printing was most of its time.
 */
function dayNumber(day: string): number {
  const y0 = Number(day.slice(0, 4));
  const m = Number(day.slice(5, 7));
  const d = Number(day.slice(8, 10));
  const y = m <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/** The inverse (`civil_from_days`), `YYYY-MM-DD`. */
function dayText(z0: number): string {
  const z = z0 + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}`;
}

export const addDays = (day: string, days: number): string => dayText(dayNumber(day) + days);

/** Calendar months later; a day the month lacks falls on its last day (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(day: string, months: number): string {
  const total = Number(day.slice(0, 4)) * 12 + Number(day.slice(5, 7)) - 1 + months;
  const y = Math.floor(total / 12);
  const m = total - y * 12 + 1;
  const nextMonthFirst =
    m === 12 ? `${String(y + 1).padStart(4, '0')}-01-01` : `${String(y).padStart(4, '0')}-${pad2(m + 1)}-01`;
  const last = Number(dayText(dayNumber(nextMonthFirst) - 1).slice(8, 10));
  return `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(Math.min(Number(day.slice(8, 10)), last))}`;
}

export const windowAround = (timePoint: TimePoint, target: string): TimeWindow => {
  const w = WINDOW_DAYS[timePoint];
  return { target, from: addDays(target, -w.before), to: addDays(target, w.after) };
};

/** What a course's schedule is computed from: actual dates where known, else the planned ones. */
export interface CourseDates {
  id: number;
  admission: string;
  discharge: string;
  /** Procedures that happened or still hold their slot (scheduled, completed), with their clinic-local day. */
  procedures: readonly { id: number; day: string }[];
}

export interface PlannedPoint extends TimeWindow {
  courseId: number;
  timePoint: TimePoint;
  procedureId: number | null;
}

/** Every time point of one course, in time order: baseline, after each procedure, discharge, 1–12 months. */
export function courseSchedule(c: CourseDates): PlannedPoint[] {
  const procs = [...c.procedures].sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : a.id - b.id));
  const point = (timePoint: TimePoint, target: string, procedureId: number | null = null): PlannedPoint => ({
    courseId: c.id,
    timePoint,
    procedureId,
    ...windowAround(timePoint, target),
  });
  const first = procs[0]?.day ?? c.admission;
  const months = Object.entries(MONTHS_AFTER_DISCHARGE) as [TimePoint, number][];
  return [
    point('baseline', first),
    ...procs.map((p) => point('after_procedure', p.day, p.id)),
    point('discharge', c.discharge),
    ...months.map(([tp, n]) => point(tp, addMonths(c.discharge, n))),
  ];
}

/** The point an assessment belongs to, if the course schedules it. */
export const findPoint = (
  schedule: readonly PlannedPoint[],
  key: { courseId: number | null; timePoint: TimePoint; procedureId: number | null },
): PlannedPoint | null =>
  schedule.find(
    (p) => p.courseId === key.courseId && p.timePoint === key.timePoint && p.procedureId === key.procedureId,
  ) ?? null;

export const insideWindow = (day: string, w: TimeWindow): boolean => day >= w.from && day <= w.to;

/**
 * Where a point stands on `today`: done once assessed; else upcoming before its window, due up to the target,
 * overdue after the target while the window is open, missed once it has closed.
 */
export function windowState(w: TimeWindow, today: string, assessed: boolean): WindowState {
  if (assessed) return 'done';
  if (today < w.from) return 'upcoming';
  if (today <= w.target) return 'due';
  if (today <= w.to) return 'overdue';
  return 'missed';
}
