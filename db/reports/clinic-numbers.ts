// The clinic's numbers shaped from the repo's grouped rows (pure: no database): every status, channel, type, grade and
// month point present with zeros where nothing happened, so each rate has its denominator and tables do not jump.
import {
  CHANNELS,
  COURSE_STATUSES,
  type ClinicNumbers,
  type CourseStatus,
  FOLLOW_UP_POINTS,
  type FunnelCounts,
  type FollowUpPoint,
} from '../contract';
import type { AeTypeRow, FunnelRow, MonthTypeRow } from '../repos/clinic-numbers';

export const EMPTY_FUNNEL: FunnelCounts = {
  inquiries: 0,
  contacted: 0,
  accepted: 0,
  treated: 0,
  answered: 0,
  within24h: 0,
  medianResponseHours: null,
};

const toFunnel = (r: FunnelRow | undefined): FunnelCounts =>
  r
    ? {
        inquiries: r.inquiries,
        contacted: r.contacted,
        accepted: r.accepted,
        treated: r.treated,
        answered: r.answered,
        within24h: r.within24h,
        // Hours to one decimal: the SQL's julianday arithmetic carries float noise.
        medianResponseHours: r.median_hours === null ? null : Math.round(r.median_hours * 10) / 10,
      }
    : EMPTY_FUNNEL;

export interface NumbersRows {
  from: string | null;
  to: string | null;
  today: string;
  patientsTreated: number;
  courses: readonly { status: string; n: number }[];
  types: readonly { id: number; code: string | null; name: string }[];
  byMonth: readonly MonthTypeRow[];
  funnelTotal: FunnelRow | null;
  funnelByChannel: readonly FunnelRow[];
  funnelByCountry: readonly FunnelRow[];
  unknownKey: string;
  otherKey: string;
  aeByType: readonly AeTypeRow[];
  aeByGrade: readonly { grade: number; events: number; patients: number; unlinked: number }[];
  followUp: readonly { time_point: string; closed: number; done: number; open: number }[];
}

/** Country groups: named countries by size, then "no country given", then "other" last. */
function countryGroups(rows: readonly FunnelRow[], unknownKey: string, otherKey: string) {
  const named = rows.filter((r) => r.key !== unknownKey && r.key !== otherKey);
  const unknown = rows.find((r) => r.key === unknownKey);
  const other = rows.find((r) => r.key === otherKey);
  return [
    ...named.map((r) => ({ ...toFunnel(r), country: r.key, kind: 'country' as const })),
    ...(unknown ? [{ ...toFunnel(unknown), country: null, kind: 'unknown' as const }] : []),
    ...(other ? [{ ...toFunnel(other), country: null, kind: 'other' as const }] : []),
  ];
}

export function shapeClinicNumbers(rows: NumbersRows): ClinicNumbers {
  const courseCount = new Map(rows.courses.map((c) => [c.status, c.n]));
  const channel = new Map(rows.funnelByChannel.map((r) => [r.key, r]));
  const aeType = new Map(rows.aeByType.map((r) => [r.type_id, r]));
  const grade = new Map(rows.aeByGrade.map((g) => [g.grade, g]));
  const fu = new Map(rows.followUp.map((f) => [f.time_point, f]));
  return {
    from: rows.from,
    to: rows.to,
    today: rows.today,
    patientsTreated: rows.patientsTreated,
    courses: COURSE_STATUSES.map((status: CourseStatus) => ({ status, count: courseCount.get(status) ?? 0 })),
    procedureTypes: rows.types.map((t) => ({ id: t.id, code: t.code, name: t.name })),
    proceduresByMonth: rows.byMonth.map((m) => ({
      month: m.month,
      typeId: m.type_id,
      scheduled: m.scheduled,
      completed: m.completed,
      cancelled: m.cancelled,
      postponed: m.postponed,
      noShow: m.no_show,
    })),
    funnel: {
      total: toFunnel(rows.funnelTotal ?? undefined),
      byChannel: CHANNELS.map((c) => ({ ...toFunnel(channel.get(c)), channel: c })),
      byCountry: countryGroups(rows.funnelByCountry, rows.unknownKey, rows.otherKey),
    },
    adverseEvents: {
      byType: rows.types.map((t) => {
        const r = aeType.get(t.id);
        return {
          typeId: t.id,
          procedures: r?.procedures ?? 0,
          events: r?.events ?? 0,
          byGrade: r ? [r.g1, r.g2, r.g3, r.g4, r.g5] : [0, 0, 0, 0, 0],
        };
      }),
      byGrade: [1, 2, 3, 4, 5].map((g) => ({
        grade: g,
        events: grade.get(g)?.events ?? 0,
        patients: grade.get(g)?.patients ?? 0,
      })),
      unlinked: rows.aeByGrade.reduce((s, g) => s + g.unlinked, 0),
    },
    followUp: FOLLOW_UP_POINTS.map((tp: FollowUpPoint) => ({
      timePoint: tp,
      closed: fu.get(tp)?.closed ?? 0,
      done: fu.get(tp)?.done ?? 0,
      open: fu.get(tp)?.open ?? 0,
    })),
  };
}
