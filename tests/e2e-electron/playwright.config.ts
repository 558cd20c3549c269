// The desktop end-to-end project: runs wherever an Electron binary exists, and says loudly when it was skipped.
import { defineConfig } from '@playwright/test';
import { electronBinary } from './electron-binary';

const binary = electronBinary();
if ('reason' in binary) {
  console.log('');
  console.log(
    `*** ELECTRON E2E SKIPPED: ${binary.reason}. The browser end-to-end tests cover the same screens; run these where Electron installs. ***`,
  );
  console.log('');
}

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  outputDir: '.artifacts/results',
  workers: 1,
  timeout: 60_000,
  reporter: [['list']],
});
