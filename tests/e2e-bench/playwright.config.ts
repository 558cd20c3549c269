// `npm run bench:ui`: the renderer's own benchmark (ui.bench.ts), kept out of `npm test` — it seeds the 10-year clinic.
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS } from '../e2e/playwright.config';

export default defineConfig({
  testDir: '.',
  testMatch: '*.bench.ts',
  outputDir: '.artifacts',
  workers: 1,
  retries: 0,
  // The seed has its own (worker fixture) timeout; each test sets its own for the typing and the rounds.
  timeout: 1_800_000,
  expect: { timeout: 60_000 },
  reporter: [['list']],
  use: {
    trace: 'off',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: CHROMIUM_ARGS,
    },
  },
});
