// Vitest for the core, the host, the Electron policies and renderer components (jsdom per file).
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('..', import.meta.url));

export default defineConfig({
  root,
  esbuild: { jsx: 'automatic' },
  test: {
    include: ['tests/{core,host,electron,renderer,seed,lint}/**/*.test.{ts,tsx}'],
    environment: 'node',
    // Every core a test creates parses each handler's value against its output schema (see db/api/dispatch).
    env: { STROKEDESK_CHECK_OUTPUTS: '1' },
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Vitest's default is one fork fewer than the cores: one at a time on the two-core CI box, where most files wait on
    // SQLite's syncs and child processes rather than on the CPU. Two side by side took the unit run from ~260 s to ~160 s.
    maxWorkers: Math.max(os.availableParallelism(), 2),
  },
});
