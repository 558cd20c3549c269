// @vitest-environment jsdom
// Today's "N follow-ups due or overdue" line: exact up to the worklist's count cap, "More than 1,000" past it (a round
// 1000 read as an exact count), in English and in Chinese.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BRIDGE_GLOBAL, type DesktopBridge } from '../../db/contract';
import { initI18n } from '../../renderer/src/i18n';
import { FollowUpsDue } from '../../renderer/src/ui/follow-ups/FollowUpsDue';

/** What the core answers for the worklist's count: the total and whether it stopped at the cap. */
let answer = { total: 0, capped: false };
const bridge = {
  invoke: async (method: string) => {
    if (method !== 'followUps.worklist') throw new Error(`unexpected ${method}`);
    return { ok: true, value: { rows: [], today: '2026-12-03', ...answer } };
  },
} as unknown as DesktopBridge;

let i18n: Awaited<ReturnType<typeof initI18n>>;
beforeAll(async () => {
  i18n = await initI18n('en');
  (window as unknown as Record<string, unknown>)[BRIDGE_GLOBAL] = bridge;
});
afterEach(cleanup);
afterAll(async () => {
  await i18n.changeLanguage('en');
});

function renderWith(total: number, capped: boolean) {
  answer = { total, capped };
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <FollowUpsDue />
    </QueryClientProvider>,
  );
}

describe("Today's follow-ups due line", () => {
  it('says the exact count under the cap', async () => {
    renderWith(7, false);
    expect(await screen.findByRole('link', { name: '7 follow-ups due or overdue' })).toBeTruthy();
  });

  it('says "more than" past the cap, with the number written for the language', async () => {
    renderWith(1000, true);
    expect(await screen.findByRole('link', { name: 'More than 1,000 follow-ups due or overdue' })).toBeTruthy();
    cleanup();
    await i18n.changeLanguage('zh-CN');
    renderWith(1000, true);
    expect(await screen.findByRole('link', { name: '超过 1,000 项随访到期或逾期' })).toBeTruthy();
  });
});
