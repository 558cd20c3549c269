// The clinic numbers' charts: procedures by month stacked by type, the inquiry funnel, adverse-event rates per
// procedure type. Each has labelled axes, a legend and a tooltip; its section's table holds the same figures.
//
// Drawn as plain SVG, not with recharts: ten years of months stacked by type are ~240 bars, and recharts built a
// component, a layer and a measured label for each — ~150 ms of the opening at the 10-year size, on the thread that
// paints. Here each series is one path, and the tooltip one box over the category under the pointer.
import { type PointerEvent, type RefObject, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
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
/** The legend's row above the drawing, and the category axis's (tick labels and its title) below it. */
const LEGEND_HEIGHT = 28;
const X_AXIS_HEIGHT = 44;
/** The least gap between two tick labels (as recharts had it). */
const TICK_GAP = 5;
/** A bar's share of its category's width, and its widest (recharts' 10 % gap on each side, maxBarSize). */
const BAR_SHARE = 0.8;
const MAX_BAR = 48;

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
 * The month ticks shown, as recharts' `interval="preserveEnd"` chose them — from the last month back, each label drawn
 * when it lies within the chart and clears the next one by the least gap, the last one moved in to end at the chart's
 * edge — measured on a canvas, not in the page. `from` and `to` bound the plot, in the chart's px.
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

/** A label cut at spaces (or characters) into at most two lines that fit `room` px (the second keeps the rest whatever its width). */
function wrapLabel(text: string, room: number, font: string): string[] {
  if (textWidth(text, font) <= room) return [text];
  // Chinese has no spaces: cut between characters.
  const gap = text.includes(' ') ? ' ' : '';
  const words = gap ? text.split(gap) : [...text];
  let first = words[0] ?? '';
  let k = 1;
  while (k < words.length && textWidth(`${first}${gap}${words[k] ?? ''}`, font) <= room)
    first += `${gap}${words[k++] ?? ''}`;
  return k < words.length ? [first, words.slice(k).join(gap)] : [text];
}

export interface Series {
  key: string;
  name: string;
}

/**
 * The value axis's ticks from 0: about five, at a round step (1, 2, 2.5 or 5 times a power of ten; whole numbers for
 * counts), the top one at or above the largest value.
 */
export function valueTicks(max: number, decimals: boolean): number[] {
  const rough = max > 0 ? max / 4 : decimals ? 0.25 : 1;
  const power = 10 ** Math.floor(Math.log10(rough));
  const found = (decimals ? [1, 2, 2.5, 5, 10] : [1, 2, 5, 10]).map((m) => m * power).find((s) => s >= rough * 0.999);
  const step = decimals ? (found ?? rough) : Math.max(1, Math.round(found ?? rough));
  const count = Math.max(1, Math.ceil(max / step - 1e-9));
  return Array.from({ length: count + 1 }, (_, i) => Number((i * step).toPrecision(12)));
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
  const ref = useRef<HTMLDivElement>(null);
  const { width, font } = useWidth(ref);
  const [hover, setHover] = useState<number | null>(null);
  const { data, category, series, stacked, percent, formatCategory } = p;
  const locale = i18n.language;
  const fmt = useMemo(() => {
    const f = percent ? numberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }) : numberFormat(locale);
    return (v: number) => f.format(percent ? v / 100 : v);
  }, [locale, percent]);
  const height = CHART_HEIGHT - LEGEND_HEIGHT;
  const plot = {
    left: MARGIN.left + Y_WIDTH,
    right: Math.max(MARGIN.left + Y_WIDTH + 1, width - MARGIN.right),
    top: MARGIN.top,
    bottom: height - MARGIN.bottom - X_AXIS_HEIGHT,
  };
  // The drawing: built again only when the figures, the width or the language change (not as the pointer moves).
  const drawing = useMemo(() => {
    if (width === 0) return null;
    const label = (i: number) => {
      const c = String(data[i]?.[category] ?? '');
      return formatCategory ? formatCategory(c) : c;
    };
    const value = (row: Record<string, string | number> | undefined, key: string) => {
      const v = row?.[key];
      return typeof v === 'number' && Number.isFinite(v) ? v : 0;
    };
    const top = Math.max(
      0,
      ...data.map((row) =>
        stacked
          ? series.reduce((sum, s) => sum + value(row, s.key), 0)
          : Math.max(0, ...series.map((s) => value(row, s.key))),
      ),
    );
    const ticks = valueTicks(top, Boolean(percent));
    const ceiling = ticks.at(-1) || 1;
    const y = (v: number) => plot.bottom - (v / ceiling) * (plot.bottom - plot.top);
    const band = (plot.right - plot.left) / Math.max(1, data.length);
    const bar = Math.min(MAX_BAR, band * BAR_SHARE);
    const each = stacked ? bar : bar / Math.max(1, series.length);
    // One path per series: a rectangle per category with a value.
    const paths = series.map((s, k) => {
      let d = '';
      data.forEach((row, i) => {
        const v = value(row, s.key);
        if (v <= 0) return;
        const below = stacked ? series.slice(0, k).reduce((sum, b) => sum + value(row, b.key), 0) : 0;
        const x = plot.left + band * i + (band - bar) / 2 + (stacked ? 0 : each * k);
        const y1 = y(below + v);
        const h = y(below) - y1;
        d += `M${x.toFixed(2)} ${y1.toFixed(2)}h${each.toFixed(2)}v${h.toFixed(2)}h${(-each).toFixed(2)}Z`;
      });
      return { key: s.key, d, fill: SERIES_COLOURS[k % SERIES_COLOURS.length] };
    });
    // Months thin out (only labels that fit, the last one kept); a few named categories all show.
    const labels = data.map((_, i) => label(i));
    const months = formatCategory
      ? monthTicks(labels, { from: plot.left, to: plot.right, width }, `${TICK_FONT}px ${font}`)
      : null;
    const xTicks = labels.flatMap((text, i) => {
      if (months && !months.shown.has(i)) return [];
      const at = plot.left + band * (i + 0.5);
      const shift = months && i === labels.length - 1 ? months.lastShift : 0;
      // A named category wider than its place (a procedure type in a half-width chart) goes on two lines.
      const lines = months ? [text] : wrapLabel(text, band - TICK_GAP, `${TICK_FONT}px ${font}`);
      return [{ i, lines, at, labelAt: at - shift }];
    });
    return { ticks, y, band, paths, xTicks, label, value };
    // plot follows from width alone.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [data, category, series, stacked, percent, formatCategory, width, font]);
  const onMove = (e: PointerEvent<SVGSVGElement>) => {
    if (!drawing) return;
    const x = e.clientX - e.currentTarget.getBoundingClientRect().left;
    const i = Math.floor((x - plot.left) / drawing.band);
    setHover(i >= 0 && i < data.length && x <= plot.right ? i : null);
  };
  const shown = hover !== null && drawing ? hover : null;
  return (
    <div className="numbers-chart" ref={ref}>
      {drawing ? (
        <>
          <ul className="numbers-legend">
            {series.map((s, k) => (
              <li key={s.key}>
                <span
                  className="numbers-swatch"
                  style={{ background: SERIES_COLOURS[k % SERIES_COLOURS.length] }}
                  aria-hidden="true"
                />
                {s.name}
              </li>
            ))}
          </ul>
          <svg
            width={width}
            height={height}
            role="img"
            aria-label={p.summary}
            className="numbers-svg"
            onPointerMove={onMove}
            onPointerLeave={() => setHover(null)}
          >
            {drawing.ticks.map((v) => (
              <line key={v} x1={plot.left} x2={plot.right} y1={drawing.y(v)} y2={drawing.y(v)} stroke={GRID} />
            ))}
            {shown !== null ? (
              <rect
                className="numbers-cursor"
                x={plot.left + drawing.band * shown}
                y={plot.top}
                width={drawing.band}
                height={plot.bottom - plot.top}
              />
            ) : null}
            {drawing.paths.map((s) => (
              <path key={s.key} d={s.d} fill={s.fill} />
            ))}
            <g fill={AXIS} fontSize={12} stroke="none">
              {drawing.ticks.map((v) => (
                <text key={v} x={plot.left - 8} y={drawing.y(v)} dy="0.355em" textAnchor="end">
                  {fmt(v)}
                </text>
              ))}
              <text
                transform={`translate(${MARGIN.left + 12} ${(plot.top + plot.bottom) / 2}) rotate(-90)`}
                textAnchor="middle"
              >
                {p.yLabel}
              </text>
              <text x={(plot.left + plot.right) / 2} y={plot.bottom + X_AXIS_HEIGHT + 4} textAnchor="middle">
                {p.xLabel}
              </text>
            </g>
            <g fill={AXIS} fontSize={TICK_FONT} stroke="none">
              {drawing.xTicks.map((t) => (
                <text key={t.i} x={t.labelAt} y={plot.bottom + 8} dy="0.71em" textAnchor="middle">
                  {t.lines.map((line, k) => (
                    <tspan key={k} x={t.labelAt} dy={k === 0 ? undefined : '1.2em'}>
                      {line}
                    </tspan>
                  ))}
                </text>
              ))}
            </g>
            <g stroke={AXIS} fill="none">
              <path
                d={
                  `M${plot.left} ${plot.top}V${plot.bottom}H${plot.right}` +
                  drawing.xTicks.map((t) => `M${t.at.toFixed(2)} ${plot.bottom}v5`).join('')
                }
              />
            </g>
          </svg>
          {shown !== null ? (
            <div
              className="numbers-tooltip"
              style={{
                top: LEGEND_HEIGHT + plot.top + 8,
                ...(plot.left + drawing.band * (shown + 1) + 200 < width
                  ? { left: plot.left + drawing.band * (shown + 1) + 8 }
                  : { right: width - (plot.left + drawing.band * shown) + 8 }),
              }}
              aria-hidden="true"
            >
              <p className="numbers-tooltip-label">{drawing.label(shown)}</p>
              {series.map((s, k) => (
                <p key={s.key}>
                  <span className="numbers-swatch" style={{ background: SERIES_COLOURS[k % SERIES_COLOURS.length] }} />{' '}
                  {s.name}: {fmt(drawing.value(data[shown], s.key))}
                </p>
              ))}
            </div>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
