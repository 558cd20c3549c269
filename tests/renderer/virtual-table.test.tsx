// @vitest-environment jsdom
// VirtualTable: a short list drawn whole; from its window threshold on, only the rows near the screen (none in jsdom,
// which lays nothing out) while the table still tells its whole size. The Follow-ups page of 50 is windowed from 30.
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { VIRTUAL_FROM, VirtualTable } from '../../renderer/src/ui/VirtualRows';

afterEach(cleanup);

const table = (n: number, windowFrom?: number) =>
  render(
    <div className="content">
      <VirtualTable
        caption="Points"
        columns={['Patient']}
        rows={Array.from({ length: n }, (_, i) => ({ id: i + 1 }))}
        rowKey={(r) => r.id}
        row={(r) => <td>{`Patient ${r.id}`}</td>}
        rowHeight={40}
        {...(windowFrom === undefined ? {} : { windowFrom })}
      />
    </div>,
  );

const bodyRows = () => screen.getAllByRole('row').filter((r) => r.closest('tbody'));

describe('VirtualTable', () => {
  it('draws a list under its threshold whole', () => {
    table(29, 30);
    expect(bodyRows()).toHaveLength(29);
    expect(screen.getByRole('table').getAttribute('aria-rowcount')).toBe('30');
  });

  it('windows a list from a lower threshold than the default, and still says how many rows it has', () => {
    table(50, 30);
    expect(bodyRows().filter((r) => r.getAttribute('aria-hidden') !== 'true').length).toBeLessThan(50);
    expect(screen.getByRole('table').getAttribute('aria-rowcount')).toBe('51');
  });

  it('draws 50 rows whole under the default threshold', () => {
    expect(VIRTUAL_FROM).toBeGreaterThan(50);
    table(50);
    expect(bodyRows()).toHaveLength(50);
  });
});
