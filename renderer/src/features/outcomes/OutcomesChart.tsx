// The share improved per group as horizontal bars with their 95 % interval as whiskers (recharts); the table beside it
// holds the same numbers for keyboards, screen readers and print.
import { Bar, BarChart, CartesianGrid, ErrorBar, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import type { OutcomeRow } from '../../../../db/contract';
import { plainTick } from '../../ui/chart-tick';
import { numberFormat } from '../../ui/intl';

const COLOURS = { bar: '#1f5f8b', whisker: '#1b2430', grid: '#e3e7ec', axis: '#4a5565' } as const;

/** One function for every drawing (a new one each time makes recharts redo the axis). */
const X_TICK = plainTick();

export interface ChartRow {
  label: string;
  row: OutcomeRow;
}

export function OutcomesChart(p: { rows: readonly ChartRow[]; title: string; locale: string }) {
  const pct = numberFormat(p.locale, { style: 'percent', maximumFractionDigits: 0 });
  const data = p.rows.map(({ label, row }) => {
    const share = row.improved.n === 0 ? 0 : row.improved.k / row.improved.n;
    const ci = row.improved.ci;
    // The counts sit in the group's name, clear of the whiskers (a label at the bar's end would cross them).
    return {
      label: `${label} (${row.improved.n === 0 ? '—' : `${row.improved.k}/${row.improved.n}`})`,
      share,
      // recharts draws [below, above] the bar's end.
      whisker: ci ? [share - ci.low, ci.high - share] : [0, 0],
    };
  });
  const height = 36 + data.length * 34;
  return (
    <figure className="outcomes-chart" aria-label={p.title}>
      <ResponsiveContainer width="100%" height={height}>
        <BarChart data={data} layout="vertical" margin={{ top: 4, right: 24, bottom: 4, left: 8 }}>
          <CartesianGrid stroke={COLOURS.grid} horizontal={false} />
          <XAxis
            type="number"
            domain={[0, 1]}
            ticks={[0, 0.25, 0.5, 0.75, 1]}
            tickFormatter={(v: number) => pct.format(v)}
            stroke={COLOURS.axis}
            fontSize={12}
            // Every tick is drawn (five short ones, 34 px a group): saying so spares recharts measuring each label in the
            // page to find overlaps — for the grid and the axis alike — which was most of opening the screen.
            interval={0}
            // Short percentages: drawn without recharts measuring each in the page to wrap it.
            tick={X_TICK}
          />
          <YAxis type="category" dataKey="label" width={230} stroke={COLOURS.axis} fontSize={12} interval={0} />
          <Bar dataKey="share" fill={COLOURS.bar} barSize={16} isAnimationActive={false}>
            <ErrorBar
              dataKey="whisker"
              direction="x"
              width={8}
              stroke={COLOURS.whisker}
              strokeWidth={1.5}
              // Drawn at once, like its bar: its animation cost a fifth of drawing the screen.
              isAnimationActive={false}
            />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
