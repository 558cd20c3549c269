// @vitest-environment jsdom
// The sidebar's links against a real core: pressing one asks for its screen's data before the address changes (the
// screen not yet drawn), and the screen then reads that answer — one call, not a second from its own effects.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../db/api/dispatch';
import { BRIDGE_GLOBAL, type DesktopBridge } from '../../db/contract';
import { App } from '../../renderer/src/app/App';
import { initI18n } from '../../renderer/src/i18n';
import { PASSWORD, makeCore, staff } from '../core/support';
import './css-escape';

// A file of its own: the backups screens need a folder beside the records.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'strokedesk-nav-prefetch-'));
const core = makeCore({ path: path.join(dir, 'records.sqlite'), attachmentsDir: path.join(dir, 'attachments') });
const session = { token: null as string | null };
/** Every call the renderer made: its method, its input, and the address shown when it left. */
const calls: { method: string; input: unknown; hash: string }[] = [];
/** A round trip to the main process takes a little while; an answer in the same tick would hide the order. */
const roundTrip = () => new Promise((resolve) => setTimeout(resolve, 5));
const bridge: DesktopBridge = {
  invoke: async (method, input) => {
    calls.push({ method, input, hash: window.location.hash });
    const answer = await dispatch(core, session, method, input);
    await roundTrip();
    return JSON.parse(JSON.stringify(answer));
  },
  openAttachment: () => Promise.reject(new Error('not in this test')),
};

/** A screen that shares no data with any other: where each link is pressed from. */
const FROM = '#/import';

beforeAll(async () => {
  await initI18n('en');
  (window as unknown as Record<string, unknown>)[BRIDGE_GLOBAL] = bridge;
  await staff(core);
  await dispatch(core, session, 'auth.signIn', { username: 'coord', password: PASSWORD });
  window.location.hash = FROM;
});
afterAll(() => {
  cleanup();
  core.db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Lets TanStack Query's batched notices (a zero timeout), the answers' round trips and React's renders run out. */
const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, 40)));

async function openApp() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: 5_000 } } });
  render(
    <QueryClientProvider client={client}>
      <App />
    </QueryClientProvider>,
  );
  return within(await screen.findByRole('navigation', { name: 'Main' }));
}

/** Each coordinator's main screen by its link, and the call its data comes from. */
const SCREENS = [
  ['Today', 'inquiries.worklist'],
  ['Inquiries', 'inquiries.list'],
  ['Patients', 'patients.list'],
  ['Follow-ups', 'followUps.worklist'],
  ['Adverse events', 'adverseEvents.open'],
  ['Reports', 'reports.outcomeScreen'],
  ['Clinic numbers', 'reports.clinicNumbers'],
] as const;

/** The admin's screens, pressed from the exports screen (which asks an admin for nothing). */
const ADMIN_SCREENS = [
  ['Accounts', 'accounts.list'],
  ['Backups', 'backups.list'],
  ['Audit log', 'audit.list'],
] as const;

/** Presses each link in turn from `from`: its call leaves at the press, and is the only one of its kind. */
async function pressEach(
  nav: Awaited<ReturnType<typeof openApp>>,
  from: string,
  screens: readonly (readonly [string, string])[],
) {
  for (const [label, method] of screens) {
    await act(async () => {
      window.location.hash = from;
    });
    await settle();
    calls.length = 0;
    const link = nav.getByRole('link', { name: label });
    fireEvent.pointerDown(link, { button: 0 });
    // A list's call waits its turn in its lane (a microtask): a moment, as between a press and its release.
    await new Promise((resolve) => setTimeout(resolve, 0));
    // Left at the press: the address is still the other screen's, so this screen has not been drawn.
    expect(
      calls.filter((c) => c.method === method),
      label,
    ).toEqual([expect.objectContaining({ hash: from })]);
    fireEvent.click(link);
    await waitFor(() => expect(link.getAttribute('aria-current'), label).toBe('page'));
    await settle();
    await settle();
    // The screen, drawn, asked nothing more of that kind: it read the answer the press asked for.
    expect(calls.filter((c) => c.method === method).length, label).toBe(1);
    // And it shows it: no loading state is left.
    expect(document.querySelector('#main .loading'), label).toBeNull();
  }
}

describe('pressing a sidebar link', () => {
  it("asks for the screen's data before the address changes, and the screen reads that one answer", async () => {
    await pressEach(await openApp(), FROM, SCREENS);
  });

  it('from the keyboard (Enter on the focused link) asks before the address changes too', async () => {
    cleanup();
    await act(async () => {
      window.location.hash = FROM;
    });
    const nav = await openApp();
    await settle();
    calls.length = 0;
    const link = nav.getByRole('link', { name: 'Patients' });
    link.focus();
    await userEvent.setup().keyboard('{Enter}');
    await waitFor(() => expect(link.getAttribute('aria-current')).toBe('page'));
    await settle();
    const lists = calls.filter((c) => c.method === 'patients.list');
    expect(lists).toEqual([expect.objectContaining({ hash: FROM })]);
  });

  it("does so on the admin's screens too", async () => {
    cleanup();
    await dispatch(core, session, 'auth.signOut', {});
    await dispatch(core, session, 'auth.signIn', { username: 'admin', password: PASSWORD });
    await act(async () => {
      window.location.hash = '#/exports';
    });
    await pressEach(await openApp(), '#/exports', ADMIN_SCREENS);
  });
});
