// The outcomes report in words: stratum names, percentages with their interval, the headline sentences and the CSV
// rows, all from the report the core computed (nothing is recounted here).
import type { TFunction } from 'i18next';
import {
  type DomainRow,
  INSTRUMENTS,
  IMPROVEMENT_V1,
  type OutcomeReport,
  type OutcomeRow,
  type Proportion,
  toCsv,
} from '../../../../db/contract';
import { instrumentShort, itemLabel, timePointName } from '../../ui/assessments/labels';
import { numberFormat } from '../../ui/intl';

const pct = (x: number, locale: string) =>
  numberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(x);
const whole = (x: number) => String(Math.round(x * 100));

/** "70 %" and "48–85 %" (null parts when nobody was assessed). */
export function percentParts(p: Proportion, locale: string): { pct: string; low: string; high: string } | null {
  if (p.n === 0 || p.ci === null) return null;
  return { pct: pct(p.k / p.n, locale), low: whole(p.ci.low), high: pct(p.ci.high, locale) };
}

/** "7/10 · 70 % (40–89 %)" for a table cell. */
export function proportionCell(p: Proportion, locale: string): string {
  const parts = percentParts(p, locale);
  return parts ? `${parts.pct} (${parts.low}–${parts.high})` : '—';
}

export const num = (x: number | null, locale: string, digits = 1) =>
  x === null ? '—' : numberFormat(locale, { maximumFractionDigits: digits }).format(x);

/** A stratum's name in the reader's language. */
export function stratumName(t: TFunction, report: OutcomeReport, key: string): string {
  if (key === 'all') return t('outcomes:stratum.all');
  if (report.stratifyBy === 'severity') {
    const band = report.severityBands.find((b) => b.key === key);
    return band ? t('outcomes:stratum.band', { min: band.min, max: band.max }) : t('outcomes:stratum.noBaseline');
  }
  return t(`outcomes:stratum.${report.stratifyBy}.${key}`);
}

export const instrumentOf = (report: Pick<OutcomeReport, 'instrument'>) => INSTRUMENTS.latest(report.instrument);

/** The report's sentences: the headline, who is missing, the sensitivity line, mRS good outcome, not yet due. */
export function headline(t: TFunction, r: OutcomeReport, locale: string): string[] {
  const def = instrumentOf(r);
  const o = r.overall;
  const point = timePointName(t, r.timePoint);
  const instrument = instrumentShort(t, def);
  const change = t(`outcomes:change.${r.instrument === 'mrs' ? 'grades' : 'points'}`, { count: r.threshold });
  const lines: string[] = [];
  const main = percentParts(o.improved, locale);
  lines.push(
    main
      ? t('outcomes:headline', { count: o.assessed, k: o.improved.k, point, instrument, change, ...main })
      : t('outcomes:noneAssessed', { point, instrument }),
  );
  const missing = o.missingFollowUp + o.missingBaseline;
  if (missing > 0) {
    if (o.missingFollowUp > 0) lines.push(t('outcomes:missing', { count: o.missingFollowUp, point }));
    if (o.missingBaseline > 0) lines.push(t('outcomes:noBaseline', { count: o.missingBaseline, point }));
    const s = percentParts(o.sensitivity, locale);
    if (s) lines.push(t('outcomes:sensitivity', { k: o.sensitivity.k, n: o.sensitivity.n, ...s }));
  }
  const good = o.goodOutcome ? percentParts(o.goodOutcome, locale) : null;
  if (o.goodOutcome && good) lines.push(t('outcomes:good', { k: o.goodOutcome.k, n: o.goodOutcome.n, point, ...good }));
  if (o.notYetDue > 0) lines.push(t('outcomes:notYetDue', { count: o.notYetDue }));
  return lines;
}

const ciCells = (p: Proportion) => [p.n === 0 ? null : round(p.k / p.n), round(p.ci?.low), round(p.ci?.high)];
const round = (x: number | null | undefined, digits = 3) =>
  x === null || x === undefined ? null : Math.round(x * 10 ** digits) / 10 ** digits;

/** The strata table as CSV: one line per row shown, proportions as 0–1 with their interval, a header row. */
export function outcomesCsv(t: TFunction, r: OutcomeReport): string {
  const rows = [r.overall, ...r.strata];
  const header = [
    t('outcomes:csv.group'),
    t('outcomes:col.treated'),
    t('outcomes:col.assessed'),
    t('outcomes:col.improved'),
    t('outcomes:csv.share'),
    t('outcomes:csv.low'),
    t('outcomes:csv.high'),
    t('outcomes:csv.mean'),
    t('outcomes:csv.sd'),
    t('outcomes:csv.median'),
    t('outcomes:csv.q1'),
    t('outcomes:csv.q3'),
    t('outcomes:col.noFollowUp'),
    t('outcomes:col.noBaseline'),
    t('outcomes:col.notYetDue'),
    t('outcomes:csv.sensitivityK'),
    t('outcomes:csv.sensitivityN'),
    t('outcomes:csv.sensitivityLow'),
    t('outcomes:csv.sensitivityHigh'),
    t('outcomes:csv.asOf'),
  ];
  const line = (x: OutcomeRow) => [
    stratumName(t, r, x.key),
    x.treated,
    x.assessed,
    x.improved.k,
    ...ciCells(x.improved),
    round(x.change.mean),
    round(x.change.sd),
    round(x.change.median),
    round(x.change.q1),
    round(x.change.q3),
    x.missingFollowUp,
    x.missingBaseline,
    x.notYetDue,
    x.sensitivity.k,
    x.sensitivity.n,
    round(x.sensitivity.ci?.low),
    round(x.sensitivity.ci?.high),
    r.asOf,
  ];
  return toCsv(header, rows.map(line));
}

export const domainName = (t: TFunction, code: string) => {
  const item = IMPROVEMENT_V1.items.find((i) => i.code === code);
  return item ? itemLabel(t, IMPROVEMENT_V1, item) : code;
};

export function domainsCsv(t: TFunction, r: OutcomeReport): string {
  const header = [
    t('outcomes:domains.domain'),
    t('outcomes:col.treated'),
    t('outcomes:domains.rated'),
    t('outcomes:domains.improved'),
    t('outcomes:csv.share'),
    t('outcomes:csv.low'),
    t('outcomes:csv.high'),
    t('outcomes:domains.unchanged'),
    t('outcomes:domains.worse'),
    t('outcomes:domains.missing'),
    t('outcomes:csv.asOf'),
  ];
  const line = (d: DomainRow) => [
    domainName(t, d.domain),
    d.treated,
    d.assessed,
    d.improved.k,
    ...ciCells(d.improved),
    d.unchanged,
    d.worse,
    d.missing,
    r.asOf,
  ];
  return toCsv(header, r.domains.map(line));
}

/** `outcomes-barthel-m3-by-onset-2026-11-25.csv` */
export const csvName = (r: OutcomeReport, what: string) =>
  `${what}-${r.instrument}-${r.timePoint}${r.stratifyBy === 'none' ? '' : `-by-${r.stratifyBy}`}-${r.asOf}.csv`;
