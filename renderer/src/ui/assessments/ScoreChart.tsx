// One instrument's totals over time (recharts): the improvement threshold from baseline, which way is better, and
// procedures and adverse events on the same day axis; the same numbers as a table for keyboards and screen readers.
import { type ReactElement, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CartesianGrid,
  Line,
  LineChart,
  ReferenceArea,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { HistoryPoint, InstrumentDef } from '../../../../db/contract';
import { isImproved } from '../../../../db/contract';
import { DataTable } from '../DataTable';
import { daysBetween, formatDay } from '../format';
import { betterName, formatScore, instrumentName, instrumentShort, timePointName } from './labels';
import { numberFormat } from '../intl';

/** Something that happened on a day, drawn as a vertical line across the chart (procedures from the patient's
 * courses, adverse events from the patient page) and listed in the legend and the table beside it. */
export interface ChartMarker {
  day: string;
  label: string;
  kind: 'procedure' | 'adverse';
}

/** Colours chosen for contrast on white (≥ 4.5:1 for the text ones) and told apart by dash, not by colour alone. */
const COLOURS = {
  line: '#1f5f8b',
  grid: '#e3e7ec',
  axis: '#4a5565',
  procedure: '#5a6472',
  adverse: '#b42318',
  threshold: '#1e7b45',
  band: '#e5eff6',
} as const;

/** Round day steps for the axis: the smallest giving at most eight ticks over the span shown. */
const STEPS = [7, 14, 30, 60, 90] as const;

function ticksFor([from, to]: readonly [number, number]): number[] {
  const step = STEPS.find((s) => (to - from) / s <= 8) ?? 90;
  const ticks: number[] = [];
  for (let x = Math.ceil(from / step) * step; x <= to; x += step) ticks.push(x);
  return ticks;
}

export function ScoreChart(p: {
  def: InstrumentDef;
  /** This instrument's signed points, any order. */
  points: readonly HistoryPoint[];
  /** Day 0 of the axis: the first transplant, else the first assessment. */
  origin: string;
  /** What day 0 is, for the axis title ("Days since the first transplant"). */
  originLabel: string;
  markers: readonly ChartMarker[];
  /** The improvement threshold (signed, like the definition's default); the clinic's setting when there is one. */
  mcid?: number | null;
  /** For paper: drawn at this width in CSS pixels (a print layout never resizes a responsive chart), and without the
   * table toggle, as the printed page carries its own table. */
  fixedWidth?: number;
}) {
  const { t, i18n } = useTranslation('scores');
  const locale = i18n.language;
  const [showTable, setShowTable] = useState(false);
  const tableId = useId();
  const { def } = p;
  const range = def.range;
  const mcid = p.mcid === undefined ? def.mcid : p.mcid;
  const rows = [...p.points]
    .filter((pt) => pt.total !== null)
    .sort((a, b) => a.assessedOn.localeCompare(b.assessedOn))
    .map((pt) => ({ ...pt, x: daysBetween(pt.assessedOn, p.origin), y: pt.total ?? 0 }));
  const base = rows.find((r) => r.timePoint === 'baseline') ?? rows[0];
  if (range === null || base === undefined) return null;
  const threshold = mcid === null ? null : Math.min(range.max, Math.max(range.min, base.y + mcid));
  const marks = p.markers.map((m, i) => ({ ...m, x: daysBetween(m.day, p.origin), tag: tagOf(m, i, p.markers) }));
  const xs = [...rows.map((r) => r.x), ...marks.map((m) => m.x)];
  // From baseline to the last point or marker, and on to 12 months once follow-up reaches past the first month.
  const last = Math.max(0, ...xs);
  const domain: [number, number] = [Math.min(0, ...xs) - 7, last > 30 ? Math.max(365, last) + 14 : last + 14];
  const ticks = ticksFor(domain);
  const name = instrumentName(t, def);
  const short = instrumentShort(t, def);
  const better = betterName(t, def);
  const summary = t('chart.summary', {
    instrument: name,
    points: rows.map((r) => `${formatDay(r.assessedOn, locale)}: ${formatScore(r.y, locale)}`).join('; '),
    better,
  });
  const change = (y: number) => (mcid === null ? null : isImproved(base.y, y, mcid));
  const wrap = (chart: ReactElement) =>
    p.fixedWidth === undefined ? (
      <ResponsiveContainer width="100%" height={230}>
        {chart}
      </ResponsiveContainer>
    ) : (
      chart
    );

  return (
    <figure className="score-chart" aria-labelledby={`${tableId}-title`}>
      <div className="score-chart-head">
        <h3 id={`${tableId}-title`}>{name}</h3>
        <span className="muted small">
          {better}
          {threshold !== null && mcid !== null
            ? ` · ${t('chart.thresholdNote', { mcid: signed(mcid, locale), value: formatScore(threshold, locale) })}`
            : ''}
        </span>
      </div>
      <div className="score-chart-plot">
        {wrap(
          <LineChart
            width={p.fixedWidth}
            height={p.fixedWidth === undefined ? undefined : 230}
            data={rows}
            margin={{ top: 18, right: 16, bottom: 18, left: 0 }}
            accessibilityLayer={false}
            role="img"
            aria-label={summary}
          >
            <CartesianGrid stroke={COLOURS.grid} vertical={false} />
            {threshold !== null ? (
              <ReferenceArea y1={base.y} y2={threshold} fill={COLOURS.band} fillOpacity={0.9} ifOverflow="hidden" />
            ) : null}
            <XAxis
              type="number"
              dataKey="x"
              domain={domain}
              ticks={ticks}
              allowDataOverflow
              stroke={COLOURS.axis}
              tick={{ fontSize: 11, fill: COLOURS.axis }}
              label={{ value: p.originLabel, position: 'insideBottom', offset: -10, fontSize: 11, fill: COLOURS.axis }}
            />
            <YAxis
              domain={[range.min, range.max]}
              width={40}
              stroke={COLOURS.axis}
              tick={{ fontSize: 11, fill: COLOURS.axis }}
              allowDecimals={false}
            />
            {threshold !== null ? (
              <ReferenceLine
                y={threshold}
                stroke={COLOURS.threshold}
                strokeDasharray="6 4"
                label={{
                  value: t('chart.threshold'),
                  position: 'insideTopRight',
                  fontSize: 11,
                  fill: COLOURS.threshold,
                }}
              />
            ) : null}
            {marks.map((m) => (
              <ReferenceLine
                key={`${m.kind}-${m.tag}`}
                x={m.x}
                stroke={m.kind === 'adverse' ? COLOURS.adverse : COLOURS.procedure}
                strokeDasharray={m.kind === 'adverse' ? '3 3' : undefined}
                label={{
                  value: m.tag,
                  position: 'top',
                  fontSize: 11,
                  fill: m.kind === 'adverse' ? COLOURS.adverse : COLOURS.procedure,
                }}
              />
            ))}
            <Tooltip
              formatter={(v) => [formatScore(Number(v), locale), short]}
              labelFormatter={(x) => t('chart.day', { day: x })}
            />
            <Line
              type="linear"
              dataKey="y"
              name={short}
              stroke={COLOURS.line}
              strokeWidth={2}
              dot={{ r: 4, fill: COLOURS.line }}
              isAnimationActive={false}
            />
          </LineChart>,
        )}
      </div>
      <figcaption>
        <ul className="score-chart-legend">
          <li>
            <span className="legend-swatch" style={{ color: COLOURS.line }} aria-hidden="true" />
            {t('chart.legendTotal', { instrument: short })}
          </li>
          {threshold !== null ? (
            <li>
              <span className="legend-swatch band" aria-hidden="true" />
              {t('chart.legendBand')}
            </li>
          ) : null}
          {marks.map((m) => (
            <li key={`${m.kind}-${m.tag}`}>
              <span
                className={m.kind === 'adverse' ? 'legend-swatch dashed' : 'legend-swatch'}
                style={{ color: m.kind === 'adverse' ? COLOURS.adverse : COLOURS.procedure }}
                aria-hidden="true"
              />
              {t('chart.legendMarker', { tag: m.tag, label: m.label, date: formatDay(m.day, locale) })}
            </li>
          ))}
        </ul>
        {p.fixedWidth === undefined ? (
          <button
            type="button"
            className="button button-secondary score-table-toggle"
            aria-expanded={showTable}
            aria-controls={tableId}
            onClick={() => setShowTable((s) => !s)}
          >
            {showTable ? t('chart.hideTable') : t('chart.showTable')}
          </button>
        ) : null}
      </figcaption>
      <div id={tableId} hidden={!showTable}>
        {showTable ? (
          <DataTable
            className="score-table"
            caption={t('chart.tableCaption', { instrument: name })}
            columns={[
              t('chart.col.timePoint'),
              t('chart.col.date'),
              { label: t('chart.col.day'), className: 'num' },
              { label: t('chart.col.total'), className: 'num' },
              { label: t('chart.col.change'), className: 'num' },
              t('chart.col.improved'),
            ]}
          >
            {rows.map((r) => {
              const improved = r === base ? null : change(r.y);
              return (
                <tr key={r.assessmentId}>
                  <td>{timePointName(t, r.timePoint)}</td>
                  <td>{formatDay(r.assessedOn, locale)}</td>
                  <td className="num">{r.x}</td>
                  <td className="num">{formatScore(r.y, locale)}</td>
                  <td className="num">{r === base ? t('chart.baseline') : signed(r.y - base.y, locale)}</td>
                  <td>{improved === null ? '—' : improved ? t('chart.improvedYes') : t('chart.improvedNo')}</td>
                </tr>
              );
            })}
          </DataTable>
        ) : null}
        {showTable && marks.length > 0 ? (
          <DataTable
            className="score-table"
            caption={t('chart.eventsCaption')}
            columns={[t('chart.col.event'), t('chart.col.date'), { label: t('chart.col.day'), className: 'num' }]}
          >
            {marks.map((m) => (
              <tr key={`${m.kind}-${m.tag}`}>
                <td>{t('chart.legendEvent', { tag: m.tag, label: m.label })}</td>
                <td>{formatDay(m.day, locale)}</td>
                <td className="num">{m.x}</td>
              </tr>
            ))}
          </DataTable>
        ) : null}
      </div>
    </figure>
  );
}

/** "+10", "−4", "0": a change with its sign, as the language writes numbers. */
export const signed = (n: number, locale: string): string =>
  numberFormat(locale, { signDisplay: 'exceptZero', maximumFractionDigits: 1 }).format(n);

/** A short tag drawn on the chart ("P1", "AE1"), spelled out in the legend below it. */
function tagOf(m: ChartMarker, i: number, all: readonly ChartMarker[]): string {
  const n = all.slice(0, i + 1).filter((x) => x.kind === m.kind).length;
  return m.kind === 'procedure' ? `P${n}` : `AE${n}`;
}
