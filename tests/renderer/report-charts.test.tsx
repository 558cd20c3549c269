// @vitest-environment jsdom
// The report screens' charts drawn without recharts: the clinic numbers' bars (one path per series, round value ticks,
// the summary read out) and the outcomes' share bars placed by percent with their interval.
import { cleanup, render, screen } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { OutcomeRow } from '../../db/contract';
import { BarsChart, valueTicks } from '../../renderer/src/features/clinic-numbers/charts';
import { OutcomesChart } from '../../renderer/src/features/outcomes/OutcomesChart';
import { initI18n } from '../../renderer/src/i18n';

const width = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientWidth');
beforeAll(async () => {
  await initI18n();
  // jsdom lays nothing out: the chart's box is given a width, as the page would.
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 800 });
});
afterAll(() => {
  if (width) Object.defineProperty(HTMLElement.prototype, 'clientWidth', width);
});
afterEach(cleanup);

describe('value ticks', () => {
  it('are about five round steps from 0 up to the largest value', () => {
    expect(valueTicks(7_812, false)).toEqual([0, 2000, 4000, 6000, 8000]);
    expect(valueTicks(10, true)).toEqual([0, 2.5, 5, 7.5, 10]);
    expect(valueTicks(3, false)).toEqual([0, 1, 2, 3]);
    expect(valueTicks(0, false)).toEqual([0, 1]);
  });
});

describe('BarsChart', () => {
  it('draws ten years of months stacked by type as one path per type, read out as its summary', () => {
    const months = Array.from(
      { length: 121 },
      (_, i) => `${2016 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`,
    );
    const data = months.map((month, i) => ({ month, t1: 5000 + i, t2: 1800 }));
    const { container } = render(
      <BarsChart
        data={data}
        category="month"
        stacked
        series={[
          { key: 't1', name: 'Lumbar puncture' },
          { key: 't2', name: 'Intravenous infusion' },
        ]}
        xLabel="Month"
        yLabel="Completed procedures"
        summary="Completed procedures per month"
        formatCategory={(m) => m}
      />,
    );
    expect(screen.getByRole('img', { name: 'Completed procedures per month' })).toBeTruthy();
    const paths = container.querySelectorAll('svg path[fill]');
    expect(paths).toHaveLength(2);
    // A rectangle per month in each series' one path.
    expect((paths[0]?.getAttribute('d')?.match(/M/g) ?? []).length).toBe(121);
    expect(screen.getByText('Intravenous infusion')).toBeTruthy();
    // The value axis reaches the tallest stack (5120 + 1800).
    expect(screen.getByText('8,000')).toBeTruthy();
  });
});

describe('OutcomesChart', () => {
  const row = (key: string, k: number, n: number): OutcomeRow =>
    ({
      key,
      treated: n,
      assessed: n,
      improved: { k, n, ci: n === 0 ? null : { low: k / n - 0.05, high: k / n + 0.05 } },
    }) as unknown as OutcomeRow;
  it('places each share and its interval by percent, and reads out every group', () => {
    const { container } = render(
      <OutcomesChart
        rows={[
          { label: 'All treated patients', row: row('all', 54, 100) },
          { label: 'Over 2 years', row: row('gt2y', 0, 0) },
        ]}
        title="Share improved"
        locale="en"
      />,
    );
    expect(screen.getByRole('img', { name: 'All treated patients (54/100): 54%; Over 2 years (—): —' })).toBeTruthy();
    const bars = container.querySelectorAll<HTMLElement>('.outcomes-bar');
    expect(bars).toHaveLength(1);
    expect(bars[0]?.style.width).toBe('54%');
    expect(container.querySelector<HTMLElement>('.outcomes-whisker')?.style.left).toBe('49%');
  });
});
