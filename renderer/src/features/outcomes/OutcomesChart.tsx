// The share improved per group as horizontal bars with their 95 % interval as whiskers; the table beside it holds the
// same numbers for keyboards, screen readers and print.
//
// Plain elements placed by percent, not recharts: a handful of bars need no chart library, and recharts measured its
// container and each label in the page and built a layer per part on every opening (the most of the screen's own work
// once its answer had arrived). The browser lays the bars out with the page, at any width, printed or not.
import type { OutcomeRow } from '../../../../db/contract';
import { numberFormat } from '../../ui/intl';

/** The share axis's ticks, as fractions. */
const TICKS = [0, 0.25, 0.5, 0.75, 1] as const;

export interface ChartRow {
  label: string;
  row: OutcomeRow;
}

const percent = (share: number) => `${(Math.min(1, Math.max(0, share)) * 100).toFixed(3)}%`;

export function OutcomesChart(p: { rows: readonly ChartRow[]; title: string; locale: string }) {
  const pct = numberFormat(p.locale, { style: 'percent', maximumFractionDigits: 0 });
  const bars = p.rows.map(({ label, row }) => {
    const share = row.improved.n === 0 ? null : row.improved.k / row.improved.n;
    // The counts sit in the group's name, clear of the whiskers (a label at the bar's end would cross them).
    return {
      key: row.key,
      label: `${label} (${row.improved.n === 0 ? '—' : `${row.improved.k}/${row.improved.n}`})`,
      share,
      ci: row.improved.ci,
    };
  });
  // Read out instead of the drawing: each group and its share (the table below says the rest).
  const summary = bars.map((b) => `${b.label}: ${b.share === null ? '—' : pct.format(b.share)}`).join('; ');
  return (
    <figure className="outcomes-chart" aria-label={p.title}>
      <div className="outcomes-bars" role="img" aria-label={summary}>
        {bars.map((b) => (
          <div className="outcomes-bar-row" key={b.key}>
            <span className="outcomes-bar-label">{b.label}</span>
            <span className="outcomes-bar-track">
              {b.share === null ? null : <span className="outcomes-bar" style={{ width: percent(b.share) }} />}
              {b.ci ? (
                <span
                  className="outcomes-whisker"
                  style={{ left: percent(b.ci.low), width: percent(Math.max(0, b.ci.high - b.ci.low)) }}
                />
              ) : null}
            </span>
          </div>
        ))}
        <div className="outcomes-bar-row outcomes-bar-axis" aria-hidden="true">
          <span />
          <span className="outcomes-bar-track">
            {TICKS.map((t) => (
              <span key={t} className="outcomes-bar-tick" style={{ left: percent(t) }}>
                {pct.format(t)}
              </span>
            ))}
          </span>
        </div>
      </div>
    </figure>
  );
}
