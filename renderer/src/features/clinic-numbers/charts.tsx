// The clinic numbers' charts (recharts): procedures by month stacked by type, the inquiry funnel, adverse-event rates
// per procedure type. Each has labelled axes and a legend; its section's table holds the same figures.
import { type RefObject, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import { plainTick } from '../../ui/chart-tick';
import { numberFormat } from '../../ui/intl';

/** Told apart on white and from each other (≥ 3:1 against the background). */
export const SERIES_COLOURS = ['#1f5f8b', '#c2620a', '#2e7d4f', '#7a4fa3', '#8a6d00', '#5a6472'] as const;
const GRID = '#e3e7ec';
const AXIS = '#4a5565';
/** A chart's height (as .numbers-chart in clinic-numbers.css): its place is held at this height until it is drawn. */
export const CHART_HEIGHT = 250;

const TICK_FONT = 11;
const MARGIN = { top: 8, right: 16, bottom: 22, left: 8 } as const;
const Y_WIDTH = 72;
/** recharts' own least gap between two tick labels. */
const TICK_GAP = 5;

/**
 * The chart's width in px: measured before the first paint (one drawing, not an empty one and then the real one), and
 * again whenever the page's width changes (a resized window, the print page).
 */
function useWidth(ref: RefObject<HTMLDivElement | null>): { width: number; font: string } {
  const [size, setSize] = useState({ width: 0, font: '' });
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const read = () =>
      setSize((s) =>
        s.width === el.clientWidth ? s : { width: el.clientWidth, font: getComputedStyle(el).fontFamily },
      );
    read();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(read);
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return size;
}

let canvas: CanvasRenderingContext2D | null | undefined;
/** A label's width in px, measured on a canvas (no layout of the page, unlike measuring it in the document). */
function textWidth(text: string, font: string): number {
  canvas ??= document.createElement('canvas').getContext('2d');
  if (!canvas) return text.length * TICK_FONT * 0.6;
  canvas.font = font;
  return canvas.measureText(text).width;
}

/**
 * The month ticks recharts' `interval="preserveEnd"` shows — from the last month back, each label drawn when it lies
 * within the chart and clears the next one by the least gap, the last one moved in to end at the chart's edge — measured
 * on a canvas instead of in the page (which recharts does label by label, laying the page out for each, on every
 * drawing). `from` and `to` bound the plot, in the chart's px.
 */
function monthTicks(
  labels: readonly string[],
  plot: { from: number; to: number; width: number },
  font: string,
): { shown: Set<number>; lastShift: number } {
  const shown = new Set<number>();
  const step = (plot.to - plot.from) / Math.max(1, labels.length);
  let end = plot.width;
  let lastShift = 0;
  for (let i = labels.length - 1; i >= 0; i--) {
    const size = textWidth(labels[i] ?? '', font);
    let at = plot.from + step * (i + 0.5);
    if (i === labels.length - 1) {
      lastShift = Math.max(0, at + size / 2 - end);
      at -= lastShift;
    }
    if (at - size / 2 >= 0 && at + size / 2 <= end) {
      shown.add(i);
      end = at - size / 2 - TICK_GAP;
    }
  }
  return { shown, lastShift };
}

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

/** The value axis's labels: one function for every drawing (a new one each time makes recharts redo the axis). */
const Y_TICK = plainTick({ fill: AXIS, fontSize: 12 });

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
  const ref = useRef<HTMLDivElement>(null);
  const { width, font } = useWidth(ref);
  const fmt = (v: number) =>
    p.percent
      ? numberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 1 }).format(v / 100)
      : numberFormat(i18n.language).format(v);
  const { data, category, formatCategory } = p;
  // Months may thin out (as recharts' preserveEnd would); a few named categories (procedure types, stages) all show.
  // Kept while the data and the width stay: new ticks or a new tick function each drawing make recharts redo the axis.
  const x = useMemo(() => {
    const style = { fill: AXIS, fontSize: TICK_FONT };
    if (!formatCategory || width === 0) return { tick: plainTick(style), ticks: undefined };
    const categories = data.map((d) => String(d[category]));
    const months = monthTicks(
      categories.map(formatCategory),
      { from: MARGIN.left + Y_WIDTH, to: width - MARGIN.right, width },
      `${TICK_FONT}px ${font}`,
    );
    return {
      tick: plainTick(style, months.lastShift),
      ticks: categories.filter((_, i) => months.shown.has(i)),
    };
  }, [data, category, formatCategory, width, font]);
  return (
    <div className="numbers-chart" ref={ref}>
      {width > 0 ? (
        <BarChart
          width={width}
          height={CHART_HEIGHT}
          data={[...p.data]}
          margin={MARGIN}
          accessibilityLayer={false}
          role="img"
          aria-label={p.summary}
        >
          <CartesianGrid stroke={GRID} vertical={false} />
          <XAxis
            dataKey={p.category}
            tick={x.tick}
            tickFormatter={p.formatCategory}
            label={axisLabel(p.xLabel)}
            height={44}
            ticks={x.ticks}
            interval={0}
          />
          <YAxis
            allowDecimals={Boolean(p.percent)}
            tick={Y_TICK}
            tickFormatter={fmt}
            label={axisLabel(p.yLabel, -90)}
            width={Y_WIDTH}
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
      ) : null}
    </div>
  );
}
