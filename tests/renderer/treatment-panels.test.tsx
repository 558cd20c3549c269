// @vitest-environment jsdom
// Today's treatment panels on a busy ward day: the first rows, then "Show all" — a page of 25, not of 270 bookings.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BRIDGE_GLOBAL, type DesktopBridge, type Procedure, type TreatmentAgenda } from '../../db/contract';
import { procedureKeys } from '../../renderer/src/api/procedure-queries';
import { TREATMENT_PANEL_FIRST_ROWS, TreatmentPanels } from '../../renderer/src/features/inquiries/TreatmentPanels';
import { initI18n } from '../../renderer/src/i18n';

beforeAll(async () => {
  await initI18n();
});
afterEach(cleanup);

/** A booking on 2026-12-03 at the clinic (Asia/Shanghai, the renderer's zone until the core answers). */
const booking = (i: number): Procedure =>
  ({
    id: i,
    patient: { id: 1000 + i, familyName: `Family${i}`, givenName: 'Given', mrn: `2026-${String(i).padStart(5, '0')}` },
    startsAt: `2026-12-03T0${i % 10}:00:00.000Z`,
    endsAt: `2026-12-03T0${i % 10}:30:00.000Z`,
    sequence: 1,
    roomName: `Room ${i % 4}`,
    doctorName: 'Dr Zhang',
    typeCode: 'lumbar_puncture',
    typeName: 'Lumbar puncture',
  }) as unknown as Procedure;

/** The agenda of a day with `n` bookings today: whole, or (as Today asks for it) its first rows and the totals. */
const agenda = (n: number, firstRows: number | null): TreatmentAgenda =>
  ({
    today: '2026-12-03',
    tomorrow: '2026-12-04',
    procedures: Array.from({ length: firstRows === null ? n : Math.min(n, firstRows) }, (_, i) => booking(i + 1)),
    admissions: [],
    discharges: [],
    totals: { today: n, tomorrow: 0, admissions: 0, discharges: 0 },
  }) as unknown as TreatmentAgenda;

/** What the panels asked the core for (through the desktop bridge), and the day's bookings it answers from. */
const asked: unknown[] = [];
let bookings = 0;
const bridge: DesktopBridge = {
  invoke: async (method, input) => {
    asked.push({ method, input });
    const { firstRows } = input as { firstRows: number | null };
    return { ok: true, value: agenda(bookings, firstRows) };
  },
} as DesktopBridge;
beforeAll(() => {
  (window as unknown as Record<string, unknown>)[BRIDGE_GLOBAL] = bridge;
});

/** Today's panels over a day of `n` bookings, opened with the first rows at hand as Today asks for them. */
function renderWith(n: number) {
  bookings = n;
  asked.length = 0;
  const client = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity, retry: false } } });
  client.setQueryData(procedureKeys.agenda(false, TREATMENT_PANEL_FIRST_ROWS), agenda(n, TREATMENT_PANEL_FIRST_ROWS));
  render(
    <QueryClientProvider client={client}>
      <TreatmentPanels doctor={false} />
    </QueryClientProvider>,
  );
}

describe("Today's treatment panels", () => {
  it('draw the first rows of a busy day with the full count, and every row after "Show all"', async () => {
    renderWith(40);
    const panel = screen.getByRole('region', { name: /Procedures today/ });
    expect(within(panel).getAllByRole('listitem')).toHaveLength(TREATMENT_PANEL_FIRST_ROWS);
    expect(panel.querySelector('.count')?.textContent).toBe('40');
    expect(asked).toEqual([]);
    await userEvent.setup().click(within(panel).getByRole('button', { name: 'Show all 40' }));
    await waitFor(() => expect(within(panel).getAllByRole('listitem')).toHaveLength(40));
    expect(asked).toEqual([{ method: 'treatment.agenda', input: { mine: false, firstRows: null } }]);
    expect(within(panel).queryByRole('button', { name: /Show all/ })).toBeNull();
    // The button is gone: the keyboard's place is the first row it brought, not the page's start.
    const firstNew = within(panel).getAllByRole('listitem')[TREATMENT_PANEL_FIRST_ROWS];
    await waitFor(() => expect(document.activeElement).toBe(firstNew?.querySelector('a')));
  });

  it('draw a short day whole, without a button', () => {
    renderWith(3);
    const panel = screen.getByRole('region', { name: /Procedures today/ });
    expect(within(panel).getAllByRole('listitem')).toHaveLength(3);
    expect(within(panel).queryByRole('button')).toBeNull();
  });
});
