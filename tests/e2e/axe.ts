// axe-core over the page as it is now: the serious and critical WCAG 2.1 A/AA violations, one readable line each.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/** Runs axe on the page as it is now and returns a readable line per serious or critical violation. */
export async function seriousViolations(page: Page, screen: string): Promise<string[]> {
  // Only violations are read: axe then skips collecting every passing node, a large share of each pass's time.
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .options({ resultTypes: ['violations'] })
    .analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) =>
      v.nodes.map(
        (n) => `${screen}: ${v.id} (${v.impact}) at ${n.target.join(' ')} — ${n.failureSummary ?? ''}\n  ${n.html}`,
      ),
    );
}
