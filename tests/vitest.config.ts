// Vitest for the core, the host, the Electron policies and renderer components (jsdom per file).
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
  },
});
