// The `app` fixture: a fresh data folder, a real core and the loopback host serving the built renderer; `page` opens it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base, expect, type Page } from '@playwright/test';
import { dispatch } from '../../db/api/dispatch';
import type { Role } from '../../db/contract';
import { startHost } from '../../db/host/server';
import { openDatabase } from '../../db/sqlite/open';
import { type Core, createCore, silentLogger } from '../../db/services/core';

const rendererDir = fileURLToPath(new URL('../../build/out/renderer', import.meta.url));
export const E2E_PASSWORD = 'e2e-password-1';

export interface E2eAccount {
  id: number;
  username: string;
  password: string;
  role: Role;
  displayName: string;
}

export interface E2eApp {
  url: string;
  openUrl: string;
  core: Core;
  dbPath: string;
  /** Creates admin 'admin', coordinator 'coord' and doctor 'doctor', all with E2E_PASSWORD, and signs the setup out again. */
  seedAccounts(): Promise<{ admin: E2eAccount; coord: E2eAccount; doctor: E2eAccount }>;
}

const ACCOUNTS = {
  admin: { username: 'admin', displayName: 'Ada Admin', role: 'admin' },
  coord: { username: 'coord', displayName: 'Chen Coordinator', role: 'coordinator' },
  doctor: { username: 'doctor', displayName: 'Dr. Daria Doctor', role: 'doctor' },
} as const;

export const test = base.extend<{ app: E2eApp; openAppFirst: boolean }>({
  /** Tests about arriving without the run token turn this off with `test.use({ openAppFirst: false })`. */
  openAppFirst: [true, { option: true }],
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern; `app` has none.
  app: async ({}, use) => {
    if (!fs.existsSync(path.join(rendererDir, 'index.html')))
      throw new Error('Build the renderer first: npm run build:renderer');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'strokedesk-e2e-'));
    const dbPath = path.join(dir, 'strokedesk.sqlite');
    const { db } = openDatabase(dbPath);
    // A lower scrypt cost keeps sign-ins quick; the stored hash records it, and production uses OWASP's.
    const core = createCore(db, {
      log: silentLogger,
      passwordLog2N: 12,
      checkOutputs: true,
      attachmentsDir: path.join(dir, 'attachments'),
    });
    const host = await startHost({ core, rendererDir, port: 0, log: silentLogger });
    const seedAccounts: E2eApp['seedAccounts'] = async () => {
      const session = { token: null as string | null };
      const must = async (method: string, input: unknown): Promise<unknown> => {
        const r = await dispatch(core, session, method, input);
        if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
        return r.value;
      };
      const made = (key: keyof typeof ACCOUNTS, value: unknown): E2eAccount => ({
        ...ACCOUNTS[key],
        password: E2E_PASSWORD,
        id: (value as { id: number }).id,
      });
      const { username, displayName } = ACCOUNTS.admin;
      const admin = made('admin', await must('auth.setupAdmin', { username, displayName, password: E2E_PASSWORD }));
      const coord = made('coord', await must('accounts.create', { ...ACCOUNTS.coord, password: E2E_PASSWORD }));
      const doctor = made('doctor', await must('accounts.create', { ...ACCOUNTS.doctor, password: E2E_PASSWORD }));
      await must('auth.signOut', {});
      return { admin, coord, doctor };
    };
    try {
      await use({ url: host.url, openUrl: host.openUrl, core, dbPath, seedAccounts });
    } finally {
      await host.close();
      db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
  // Every test starts on the app, holding the run cookie; tests that seed first simply go to app.openUrl again.
  page: async ({ page, app, openAppFirst }, use) => {
    if (openAppFirst) await page.goto(app.openUrl);
    await use(page);
  },
});

export { expect };

export async function signIn(page: Page, username: string, password = E2E_PASSWORD): Promise<void> {
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Signs a core session in as `username` and returns a caller that throws on any refusal (set-up through the API). */
export async function apiAs(app: E2eApp, username: string) {
  const session = { token: null as string | null };
  await dispatch(app.core, session, 'auth.signIn', { username, password: E2E_PASSWORD });
  return async <T>(method: string, input: unknown): Promise<T> => {
    const r = await dispatch(app.core, session, method, input);
    if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
    return r.value as T;
  };
}

/** A calendar day `n` days after `day` (both `YYYY-MM-DD`), for seeding dates around the clinic's today. */
export const addDays = (day: string, n: number): string =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
