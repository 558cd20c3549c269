// axe-core over the page as it is now: the serious and critical WCAG 2.1 A/AA violations, one readable line each.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from '@playwright/test';
import type { AxeResults, RunOptions } from 'axe-core';

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const OPTIONS: RunOptions = {
  runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
  // Only violations are read: axe then skips collecting every passing node, a large share of each pass's time.
  resultTypes: ['violations'],
};

/**
 * Runs axe on the page as it is now and returns a readable line per serious or critical violation. axe is put into the
 * page once per document (evaluated, so the app's CSP does not apply) and run again on each screen of the one-page app.
 * @axe-core/playwright injected its half-megabyte script before every pass and finished each in a new blank page:
 * ~2 s a screen on two cores, where this takes ~0.2 s (the accessibility walk: 3.3 → ~1 minute per language).
 */
export async function seriousViolations(page: Page, screen: string): Promise<string[]> {
  const loaded = await page.evaluate(() => 'axe' in window);
  if (!loaded) await page.evaluate(axeSource);
  const result = await page.evaluate(
    (options) =>
      (window as unknown as { axe: { run(c: Document, o: RunOptions): Promise<AxeResults> } }).axe.run(
        document,
        options,
      ),
    OPTIONS,
  );
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) =>
      v.nodes.map(
        (n) => `${screen}: ${v.id} (${v.impact}) at ${n.target.join(' ')} — ${n.failureSummary ?? ''}\n  ${n.html}`,
      ),
    );
}
