// @vitest-environment jsdom
// Today's treatment panels on a busy ward day: the first rows, then "Show all" — a page of 25, not of 270 bookings.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Procedure, TreatmentAgenda } from '../../db/contract';
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

const agenda = (n: number): TreatmentAgenda =>
  ({
    today: '2026-12-03',
    tomorrow: '2026-12-04',
    procedures: Array.from({ length: n }, (_, i) => booking(i + 1)),
    admissions: [],
    discharges: [],
  }) as unknown as TreatmentAgenda;

function renderWith(data: TreatmentAgenda) {
  const client = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity, retry: false } } });
  client.setQueryData(procedureKeys.agenda(false), data);
  render(
    <QueryClientProvider client={client}>
      <TreatmentPanels doctor={false} />
    </QueryClientProvider>,
  );
}

describe("Today's treatment panels", () => {
  it('draw the first rows of a busy day with the full count, and every row after "Show all"', async () => {
    renderWith(agenda(40));
    const panel = screen.getByRole('region', { name: /Procedures today/ });
    expect(within(panel).getAllByRole('listitem')).toHaveLength(TREATMENT_PANEL_FIRST_ROWS);
    expect(panel.querySelector('.count')?.textContent).toBe('40');
    await userEvent.setup().click(within(panel).getByRole('button', { name: 'Show all 40' }));
    expect(within(panel).getAllByRole('listitem')).toHaveLength(40);
    expect(within(panel).queryByRole('button', { name: /Show all/ })).toBeNull();
  });

  it('draw a short day whole, without a button', () => {
    renderWith(agenda(3));
    const panel = screen.getByRole('region', { name: /Procedures today/ });
    expect(within(panel).getAllByRole('listitem')).toHaveLength(3);
    expect(within(panel).queryByRole('button')).toBeNull();
  });
});
