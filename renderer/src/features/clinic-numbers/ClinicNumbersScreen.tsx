// Clinic numbers: for a period, patients treated and courses, procedures by month and type, the inquiry funnel by
// channel and country with first-response times, adverse-event rates and follow-up completeness — every rate beside
// its denominator, every table exportable to CSV.
import { type Dispatch, type SetStateAction, memo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClinicNumbers, FunnelCounts } from '../../../../db/contract';
import type { QueryClient } from '@tanstack/react-query';
import { clinicNumbersOptions, useClinicNumbers } from '../../api/clinic-numbers-queries';
import { ErrorBanner, Loading, PageHeader } from '../../ui/feedback';
import { Button, SelectField, TextField } from '../../ui/fields';
import { countryName } from '../../ui/options';
import { procedureTypeName } from '../../ui/procedure-labels';
import { BarsChart } from './charts';
import { NumbersSection, type NumbersTable } from './NumbersSection';
import './clinic-numbers.css';
import { dateTimeFormat, numberFormat } from '../../ui/intl';

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const num = { className: 'num' } as const;

/** The period asked for: each end once typed as a whole day, else open (the screen opens on every date). */
const periodOf = (from: string, to: string) => ({
  from: ISO_DAY.test(from) ? from : null,
  to: ISO_DAY.test(to) ? to : null,
});

/** The screen opens on every date (both ends left empty). */
const OPENING = { from: '', to: '' };

/** The numbers the screen opens on, as its nav link is pressed. */
export function prefetchClinicNumbers(client: QueryClient): void {
  void client.prefetchQuery(clinicNumbersOptions(periodOf(OPENING.from, OPENING.to)));
}

export function ClinicNumbersScreen() {
  const { t } = useTranslation('clinicNumbers');
  const [from, setFrom] = useState(OPENING.from);
  const [to, setTo] = useState(OPENING.to);
  const period = periodOf(from, to);
  const query = useClinicNumbers(period);
  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <Period from={from} setFrom={setFrom} to={to} setTo={setTo} />
      <ErrorBanner error={query.error} />
      {query.data ? <Numbers data={query.data} /> : query.isPending ? <Loading /> : null}
    </>
  );
}

/** The period's fields: kept apart (memo) so the answer arriving does not build them again. */
const Period = memo(function Period(p: {
  from: string;
  setFrom: Dispatch<SetStateAction<string>>;
  to: string;
  setTo: Dispatch<SetStateAction<string>>;
}) {
  const { t } = useTranslation('clinicNumbers');
  return (
    <div className="filter-bar numbers-period" role="search" aria-label={t('period.label')}>
      <TextField label={t('period.from')} type="date" value={p.from} onChange={p.setFrom} />
      <TextField label={t('period.to')} type="date" value={p.to} onChange={p.setTo} />
      <Button
        variant="ghost"
        isDisabled={p.from === '' && p.to === ''}
        onPress={() => {
          p.setFrom('');
          p.setTo('');
        }}
      >
        {t('period.all')}
      </Button>
    </div>
  );
});

/** Formats counts, percentages and "k of n noun (p %)" in the screen's language. */
function useFormat() {
  const { t, i18n } = useTranslation('clinicNumbers');
  const locale = i18n.language;
  const count = (n: number) => numberFormat(locale).format(n);
  const pctOf = (k: number, n: number) =>
    n === 0 ? '—' : numberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(k / n);
  const ratio = (k: number, n: number, noun: string) =>
    t(`ratio.${noun}`, { k: count(k), n: count(n), pct: pctOf(k, n), count: n });
  /** A share as a CSV number: percent to one decimal, empty when there is no denominator. */
  const pctCell = (k: number, n: number) => (n === 0 ? null : Math.round((k / n) * 1000) / 10);
  const hours = (h: number | null) =>
    h === null ? '—' : t('hours', { h: numberFormat(locale, { maximumFractionDigits: 1 }).format(h) });
  return { t, locale, count, ratio, pctCell, hours };
}

function Numbers({ data }: { data: ClinicNumbers }) {
  const f = useFormat();
  const { t } = f;
  const period = `${data.from ?? 'start'}_${data.to ?? data.today}`;
  const typeName = (id: number) => {
    const ty = data.procedureTypes.find((x) => x.id === id);
    return ty ? procedureTypeName(t, { typeCode: ty.code, typeName: ty.name }) : String(id);
  };
  const completed = data.adverseEvents.byType.reduce((s, x) => s + x.procedures, 0);
  const courses = data.courses.reduce((s, c) => s + c.count, 0);
  const aeTotal = data.adverseEvents.byGrade.reduce((s, g) => s + g.events, 0);
  const emptyClinic = completed === 0 && courses === 0 && data.funnel.total.inquiries === 0;
  return (
    <div className="numbers">
      {emptyClinic ? <p className="banner numbers-empty">{t('empty.clinic')}</p> : null}
      <dl className="numbers-summary">
        <Figure label={t('summary.patientsTreated')} value={f.count(data.patientsTreated)} />
        <Figure label={t('summary.courses')} value={f.count(courses)} />
        <Figure label={t('summary.procedures')} value={f.count(completed)} />
        <Figure label={t('summary.inquiries')} value={f.count(data.funnel.total.inquiries)} />
        <Figure label={t('summary.adverseEvents')} value={f.count(aeTotal)} />
      </dl>
      <ProceduresSection data={data} period={period} typeName={typeName} />
      <CoursesSection data={data} period={period} />
      <FunnelSection data={data} period={period} />
      <AdverseEventsSection data={data} period={period} typeName={typeName} />
      <FollowUpSection data={data} period={period} />
    </div>
  );
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <div className="numbers-figure">
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

interface SectionProps {
  data: ClinicNumbers;
  period: string;
}

function monthName(month: string, locale: string): string {
  const [y = 0, m = 1] = month.split('-').map(Number);
  return dateTimeFormat(locale, { year: 'numeric', month: 'short', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y, m - 1, 1)),
  );
}

/** Every month from the first to the last given (`YYYY-MM`), so a month without procedures shows as a gap. */
function monthsBetween(months: readonly string[]): string[] {
  const sorted = [...months].sort();
  const first = sorted[0];
  const last = sorted.at(-1);
  if (first === undefined || last === undefined) return [];
  const out: string[] = [];
  let [y = 0, m = 1] = first.split('-').map(Number);
  for (let month = first; month <= last;) {
    out.push(month);
    m += 1;
    if (m > 12) [y, m] = [y + 1, 1];
    month = `${y}-${String(m).padStart(2, '0')}`;
  }
  return out;
}

function ProceduresSection({ data, period, typeName }: SectionProps & { typeName: (id: number) => string }) {
  const f = useFormat();
  const { t } = f;
  const months = monthsBetween(data.proceduresByMonth.map((m) => m.month));
  const typeIds = [...new Set(data.proceduresByMonth.map((m) => m.typeId))];
  const chartData = months.map((month) => ({
    month,
    ...Object.fromEntries(
      typeIds.map((id) => [
        `t${id}`,
        data.proceduresByMonth.find((m) => m.month === month && m.typeId === id)?.completed ?? 0,
      ]),
    ),
  }));
  const cols = ['completed', 'cancelled', 'noShow', 'postponed', 'scheduled'] as const;
  const table: NumbersTable = {
    columns: [t('col.month'), t('col.type'), ...cols.map((c) => ({ label: t(`procStatus.${c}`), ...num }))],
    // A row per month and type (over a thousand in ten years): built only once the table is shown or exported, not
    // behind the chart on every opening.
    get rows() {
      return data.proceduresByMonth.map((m) => ({
        key: `${m.month}-${m.typeId}`,
        cells: [monthName(m.month, f.locale), typeName(m.typeId), ...cols.map((c) => f.count(m[c]))],
      }));
    },
    get csv() {
      return {
        header: [t('col.month'), t('col.type'), ...cols.map((c) => t(`procStatus.${c}`))],
        rows: data.proceduresByMonth.map((m) => [m.month, typeName(m.typeId), ...cols.map((c) => m[c])]),
      };
    },
  };
  return (
    <NumbersSection
      title={t('procedures.title')}
      note={t('procedures.note')}
      file="procedures-by-month"
      period={period}
      table={table}
      empty={data.proceduresByMonth.length === 0 ? t('empty.procedures') : null}
      chart={
        <BarsChart
          data={chartData}
          category="month"
          stacked
          series={typeIds.map((id) => ({ key: `t${id}`, name: typeName(id) }))}
          xLabel={t('col.month')}
          yLabel={t('procedures.yLabel')}
          summary={t('procedures.summary')}
          formatCategory={(m) => monthName(m, f.locale)}
        />
      }
    />
  );
}

function CoursesSection({ data, period }: SectionProps) {
  const f = useFormat();
  const { t } = f;
  const total = data.courses.reduce((s, c) => s + c.count, 0);
  const table: NumbersTable = {
    columns: [t('col.status'), { label: t('col.courses'), ...num }, { label: t('col.share'), ...num }],
    rows: data.courses.map((c) => ({
      key: c.status,
      cells: [t(`courses:status.${c.status}`), f.count(c.count), f.ratio(c.count, total, 'courses')],
    })),
    csv: {
      header: [t('col.status'), t('col.courses'), t('col.total'), t('col.percent')],
      rows: data.courses.map((c) => [t(`courses:status.${c.status}`), c.count, total, f.pctCell(c.count, total)]),
    },
  };
  return (
    <NumbersSection title={t('courses.title')} note={t('courses.note')} file="courses" period={period} table={table} />
  );
}

const STAGES = ['inquiries', 'contacted', 'accepted', 'treated'] as const;

function funnelCells(f: ReturnType<typeof useFormat>, c: FunnelCounts) {
  return [
    f.count(c.inquiries),
    f.count(c.contacted),
    f.count(c.accepted),
    f.count(c.treated),
    f.hours(c.medianResponseHours),
    f.ratio(c.within24h, c.inquiries, 'inquiries'),
  ];
}

function funnelCsv(f: ReturnType<typeof useFormat>, c: FunnelCounts) {
  return [
    c.inquiries,
    c.contacted,
    c.accepted,
    c.treated,
    c.answered,
    c.medianResponseHours,
    c.within24h,
    f.pctCell(c.within24h, c.inquiries),
  ];
}

function FunnelSection({ data, period }: SectionProps) {
  const f = useFormat();
  const { t } = f;
  const [by, setBy] = useState<'channel' | 'country'>('channel');
  const groups =
    by === 'channel'
      ? data.funnel.byChannel.map((c) => ({ key: c.channel, name: t(`inquiries:channel.${c.channel}`), c }))
      : data.funnel.byCountry.map((c) => ({
          key: c.country ?? c.kind,
          name: c.kind === 'country' ? countryName(c.country, f.locale) : t(`country.${c.kind}`),
          c,
        }));
  const total = data.funnel.total;
  const groupLabel = t(`by.${by}`);
  const table: NumbersTable = {
    columns: [
      groupLabel,
      ...STAGES.map((s) => ({ label: t(`stage.${s}`), ...num })),
      { label: t('col.medianResponse'), ...num },
      { label: t('col.within24h'), ...num },
    ],
    rows: [
      ...groups.map((g) => ({ key: g.key, cells: [g.name, ...funnelCells(f, g.c)] })),
      { key: '__total', cells: [<strong key="t">{t('col.total')}</strong>, ...funnelCells(f, total)] },
    ],
    csv: {
      header: [
        groupLabel,
        ...STAGES.map((s) => t(`stage.${s}`)),
        t('col.answered'),
        t('col.medianHours'),
        t('col.within24h'),
        t('col.percent'),
      ],
      rows: [...groups.map((g) => [g.name, ...funnelCsv(f, g.c)]), [t('col.total'), ...funnelCsv(f, total)]],
    },
  };
  const chartData = STAGES.map((s) => ({ stage: t(`stage.${s}`), count: total[s] }));
  return (
    <NumbersSection
      title={t('funnel.title')}
      note={t('funnel.note', {
        answered: f.ratio(total.answered, total.inquiries, 'inquiries'),
        median: f.hours(total.medianResponseHours),
      })}
      file={`inquiry-funnel-by-${by}`}
      period={period}
      table={table}
      empty={total.inquiries === 0 ? t('empty.inquiries') : null}
      chart={
        <BarsChart
          data={chartData}
          category="stage"
          series={[{ key: 'count', name: t('funnel.series') }]}
          xLabel={t('funnel.xLabel')}
          yLabel={t('funnel.yLabel')}
          summary={STAGES.map((s) => `${t(`stage.${s}`)}: ${f.count(total[s])}`).join('; ')}
        />
      }
    >
      {total.inquiries > 0 ? (
        <div className="numbers-groupby">
          <SelectField
            label={t('by.label')}
            value={by}
            onChange={(v) => setBy(v ?? 'channel')}
            options={(['channel', 'country'] as const).map((v) => ({ value: v, label: t(`by.${v}`) }))}
          />
        </div>
      ) : null}
    </NumbersSection>
  );
}

function AdverseEventsSection({ data, period, typeName }: SectionProps & { typeName: (id: number) => string }) {
  const f = useFormat();
  const { t } = f;
  const ae = data.adverseEvents;
  const grades = [1, 2, 3, 4, 5] as const;
  const byType: NumbersTable = {
    columns: [
      t('col.type'),
      { label: t('col.procedures'), ...num },
      { label: t('col.rate'), ...num },
      ...grades.map((g) => ({ label: t('gradeShort', { grade: g }), ...num })),
    ],
    rows: ae.byType.map((x) => ({
      key: String(x.typeId),
      cells: [
        typeName(x.typeId),
        f.count(x.procedures),
        f.ratio(x.events, x.procedures, 'eventsPerProcedures'),
        ...x.byGrade.map((n) => f.count(n)),
      ],
    })),
    csv: {
      header: [
        t('col.type'),
        t('col.procedures'),
        t('col.events'),
        t('col.percent'),
        ...grades.map((g) => t('gradeShort', { grade: g })),
      ],
      rows: ae.byType.map((x) => [
        typeName(x.typeId),
        x.procedures,
        x.events,
        f.pctCell(x.events, x.procedures),
        ...x.byGrade,
      ]),
    },
  };
  const byGrade: NumbersTable = {
    columns: [t('col.grade'), { label: t('col.events'), ...num }, { label: t('col.patientsWithEvent'), ...num }],
    rows: ae.byGrade.map((g) => ({
      key: String(g.grade),
      cells: [
        t(`adverseEvents:gradeName.${g.grade}`),
        f.count(g.events),
        f.ratio(g.patients, data.patientsTreated, 'patients'),
      ],
    })),
    csv: {
      header: [t('col.grade'), t('col.events'), t('col.patientsWithEvent'), t('col.patientsTreated'), t('col.percent')],
      rows: ae.byGrade.map((g) => [
        g.grade,
        g.events,
        g.patients,
        data.patientsTreated,
        f.pctCell(g.patients, data.patientsTreated),
      ]),
    },
  };
  const rated = ae.byType.filter((x) => x.procedures > 0);
  return (
    <div className="numbers-pair">
      <NumbersSection
        title={t('ae.byTypeTitle')}
        note={t('ae.byTypeNote')}
        file="adverse-events-by-procedure-type"
        period={period}
        table={byType}
        empty={rated.length === 0 ? t('empty.procedures') : null}
        chart={
          <BarsChart
            data={rated.map((x) => ({ type: typeName(x.typeId), rate: (x.events / x.procedures) * 100 }))}
            category="type"
            percent
            series={[{ key: 'rate', name: t('ae.series') }]}
            xLabel={t('col.type')}
            yLabel={t('ae.yLabel')}
            summary={rated
              .map((x) => `${typeName(x.typeId)}: ${f.ratio(x.events, x.procedures, 'eventsPerProcedures')}`)
              .join('; ')}
          />
        }
      />
      <NumbersSection
        title={t('ae.byGradeTitle')}
        note={t('ae.byGradeNote', { count: ae.unlinked, unlinked: f.count(ae.unlinked) })}
        file="adverse-events-by-grade"
        period={period}
        table={byGrade}
        empty={data.patientsTreated === 0 ? t('empty.treated') : null}
      />
    </div>
  );
}

function FollowUpSection({ data, period }: SectionProps) {
  const f = useFormat();
  const { t } = f;
  const table: NumbersTable = {
    columns: [
      t('col.timePoint'),
      { label: t('col.closed'), ...num },
      { label: t('col.completeness'), ...num },
      { label: t('col.open'), ...num },
    ],
    rows: data.followUp.map((p) => ({
      key: p.timePoint,
      cells: [
        t(`scores:timePoint.${p.timePoint}`),
        f.count(p.closed),
        f.ratio(p.done, p.closed, 'windows'),
        f.count(p.open),
      ],
    })),
    csv: {
      header: [t('col.timePoint'), t('col.closed'), t('col.assessed'), t('col.percent'), t('col.open')],
      rows: data.followUp.map((p) => [
        t(`scores:timePoint.${p.timePoint}`),
        p.closed,
        p.done,
        f.pctCell(p.done, p.closed),
        p.open,
      ]),
    },
  };
  return (
    <NumbersSection
      title={t('followUp.title')}
      note={t('followUp.note', { today: data.today })}
      file="follow-up-completeness"
      period={period}
      table={table}
    />
  );
}
