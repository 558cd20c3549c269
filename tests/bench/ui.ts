// The renderer's part of `npm run bench`: runs tests/e2e-bench (Chromium) against the clinic the bench just seeded and
// puts its figures (keystroke → painted, screen open) in the closing table.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Timing } from './stats';
import { record } from './summary';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** A figure of the UI bench as it hands it back; an informational one (no target) says so. */
export interface UiTiming extends Timing {
  informational?: boolean;
}

/** Why the UI part cannot run here (no Chromium, renderer not built), or null when it can. */
export function uiBenchMissing(): string | null {
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!fs.existsSync(chromium)) return `no Chromium at ${chromium} (set CHROMIUM_PATH)`;
  if (!fs.existsSync(path.join(root, 'build/out/renderer/index.html')))
    return 'renderer not built (npm run build:renderer)';
  return null;
}

/** Runs the Playwright bench on `dbPath` (sizes as the bench's env says) and records its figures in the current domain. */
export function benchUi(dbPath: string): void {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'strokedesk-bench-ui-')), 'figures.json');
  const run = spawnSync('npx', ['playwright', 'test', '--config', 'tests/e2e-bench/playwright.config.ts'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, BENCH_UI_DB: dbPath, BENCH_UI_OUT: out },
  });
  if (run.status !== 0) console.log(`ui: the Playwright bench failed (exit ${run.status}); its figures may be missing`);
  const figures = fs.existsSync(out) ? (JSON.parse(fs.readFileSync(out, 'utf8')) as UiTiming[]) : [];
  for (const f of figures) record(f, f.informational ? { targets: [] } : {});
  fs.rmSync(path.dirname(out), { recursive: true, force: true });
}
