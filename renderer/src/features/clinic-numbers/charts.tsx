// The clinic numbers' charts (recharts): procedures by month stacked by type, the inquiry funnel, adverse-event rates
// per procedure type. Each has labelled axes and a legend; its section's table holds the same figures.
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { numberFormat } from '../../ui/intl';

/** Told apart on white and from each other (≥ 3:1 against the background). */
export const SERIES_COLOURS = ['#1f5f8b', '#c2620a', '#2e7d4f', '#7a4fa3', '#8a6d00', '#5a6472'] as const;
const GRID = '#e3e7ec';
const AXIS = '#4a5565';
/** A chart's height (as .numbers-chart in clinic-numbers.css): its place is held at this height until it is drawn. */
export const CHART_HEIGHT = 250;

const TICK_FONT = 11;
const axisLabel = (value: string, angle = 0) => ({
  value,
  angle,
  position: angle === 0 ? ('insideBottom' as const) : ('insideLeft' as const),
  offset: angle === 0 ? -4 : 12,
  style: { fill: AXIS, fontSize: 12, textAnchor: 'middle' as const },
});

export interface Series {
  key: string;
  name: string;
}

/** Bars by category, one colour per series; stacked when `stacked`. */
export function BarsChart(p: {
  data: readonly Record<string, string | number>[];
  category: string;
  series: readonly Series[];
  xLabel: string;
  yLabel: string;
  /** Read out instead of the drawing (the table says it in full). */
  summary: string;
  stacked?: boolean;
  percent?: boolean;
  formatCategory?: (v: string) => string;
}) {
  const { i18n } = useTranslation();
  const fmt = (v: number) =>
    p.percent
      ? numberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 1 }).format(v / 100)
      : numberFormat(i18n.language).format(v);
  return (
    <div className="numbers-chart">
      <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
        <BarChart
          data={[...p.data]}
          margin={{ top: 8, right: 16, bottom: 22, left: 8 }}
          accessibilityLayer={false}
          role="img"
          aria-label={p.summary}
        >
          <CartesianGrid stroke={GRID} vertical={false} />
          <XAxis
            dataKey={p.category}
            tick={{ fill: AXIS, fontSize: TICK_FONT }}
            tickFormatter={p.formatCategory}
            label={axisLabel(p.xLabel)}
            height={44}
            // Months may thin out; a few named categories (procedure types, stages) are all labelled.
            interval={p.formatCategory ? 'preserveEnd' : 0}
          />
          <YAxis
            allowDecimals={Boolean(p.percent)}
            tick={{ fill: AXIS, fontSize: 12 }}
            tickFormatter={fmt}
            label={axisLabel(p.yLabel, -90)}
            width={72}
            // A handful of value ticks never overlap: drawing all of them spares measuring each label in the page.
            interval={0}
          />
          <Tooltip
            formatter={(v) => (typeof v === 'number' ? fmt(v) : String(v))}
            labelFormatter={(l) => (p.formatCategory ? p.formatCategory(String(l)) : String(l))}
          />
          <Legend verticalAlign="top" align="right" height={28} iconType="square" wrapperStyle={{ fontSize: 12 }} />
          {p.series.map((s, i) => (
            <Bar
              key={s.key}
              dataKey={s.key}
              name={s.name}
              stackId={p.stacked ? 'stack' : undefined}
              fill={SERIES_COLOURS[i % SERIES_COLOURS.length]}
              maxBarSize={48}
              isAnimationActive={false}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
