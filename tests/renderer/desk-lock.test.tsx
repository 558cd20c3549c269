// @vitest-environment jsdom
// The desk lock in the whole app against a real core: a reloaded locked desk, once unlocked, stays unlocked.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../db/api/dispatch';
import { BRIDGE_GLOBAL, type DesktopBridge } from '../../db/contract';
import { App } from '../../renderer/src/app/App';
import { initI18n } from '../../renderer/src/i18n';
import { PASSWORD, makeCore } from '../core/support';
import './css-escape';

const core = makeCore();
const session = { token: null as string | null };
/** A round trip to the main process takes a little while; an answer in the same tick would hide the race. */
const roundTrip = () => new Promise((resolve) => setTimeout(resolve, 5));
// The renderer reaches the core the way Electron's preload lets it: one invoke, answers as plain JSON.
const bridge: DesktopBridge = {
  invoke: async (method, input) => {
    const answer = await dispatch(core, session, method, input);
    await roundTrip();
    return JSON.parse(JSON.stringify(answer));
  },
  openAttachment: () => Promise.reject(new Error('not in this test')),
};

beforeAll(async () => {
  await initI18n();
  (window as unknown as Record<string, unknown>)[BRIDGE_GLOBAL] = bridge;
  await dispatch(core, session, 'auth.setupAdmin', { username: 'admin', displayName: 'Ada Admin', password: PASSWORD });
});
afterAll(() => {
  cleanup();
  core.db.close();
});

/** Lets TanStack Query's batched notices (a zero timeout) and React's renders run out. */
const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, 10)));

describe('a reloaded desk that was locked', () => {
  it('opens locked, and after the password stays unlocked with the same work mounted', async () => {
    // The desk locked before the reload: the core holds the lock, and refuses the recovery question asked at start.
    expect((await dispatch(core, session, 'auth.lock', {})).ok).toBe(true);
    const client = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: 5_000 } } });
    render(
      <QueryClientProvider client={client}>
        <App />
      </QueryClientProvider>,
    );
    const lock = await screen.findByRole('dialog', { name: 'Screen locked' });
    await waitFor(() => expect(client.getQueryState(['recovery'])?.status).toBe('error'));
    const shell = document.querySelector('.shell');
    expect(shell?.hasAttribute('inert')).toBe(true);

    await userEvent.setup().type(screen.getByLabelText('Password'), `${PASSWORD}{Enter}`);
    await waitFor(() => expect(lock.isConnected).toBe(false));
    // The refused recovery question is asked again and answered; its re-asking must not take the shell down, and
    // nothing may bring the lock back (the core was unlocked, no new auth.lock).
    await waitFor(() => expect(client.getQueryState(['recovery'])?.status).toBe('success'));
    await settle();
    expect(screen.queryByRole('dialog', { name: 'Screen locked' })).toBeNull();
    expect(document.querySelector('.shell')).toBe(shell);
    expect(shell?.hasAttribute('inert')).toBe(false);
    expect(client.getQueryData<{ locked: boolean }>(['auth', 'status'])?.locked).toBe(false);
  });
});
