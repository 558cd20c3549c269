// One walk over every main screen and state at 1366×768, in English and in Chinese: axe-core finds no serious or
// critical WCAG 2.1 A/AA violation on any of them, and each is kept as a screenshot for people to look at
// (tests/e2e/.artifacts/screens). One test per language: with two workers the two walks run side by side.
import { DEMO_SIZE, seedClinic } from '../../db/seed/generate';
import { seriousViolations } from './axe';
import { expect, test } from './fixtures';
import { type ScreenCheck, WALK_LANGUAGES, walkScreens, walkSetup } from './walk';

// Kept in ./axe so other specs can use it without registering this walk as one of their own tests.
export { seriousViolations };

const screensDir = 'tests/e2e/.artifacts/screens';
const slug = (name: string) =>
  name
    .replace(/[^a-z0-9]+/gi, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase();

// One test per language, so that with two Playwright workers the English and the Chinese walks run side by side.
test.describe.configure({ mode: 'parallel' });
for (const language of WALK_LANGUAGES) {
  test(`every main screen at 1366×768 in ${language}: no serious accessibility violation`, async ({ app, page }) => {
    // Seeding the demo clinic and some thirty axe passes take minutes on a busy machine.
    test.setTimeout(900_000);
    // The smallest screen the clinic has: everything must fit, read well and pass axe here.
    await page.setViewportSize({ width: 1366, height: 768 });
    const found: string[] = [];
    const screens: string[] = [];
    const check: ScreenCheck = async (name, lang) => {
      screens.push(`${lang} ${name}`);
      found.push(...(await seriousViolations(page, `${lang} ${name}`)));
      await page.screenshot({ path: `${screensDir}/${lang}-${slug(name)}.png`, fullPage: true });
    };
    await walkSetup(page, app, check, [language]);
    const seeded = await seedClinic(app.core, DEMO_SIZE);
    await walkScreens(page, app, seeded, language, check);
    expect(screens.length).toBeGreaterThanOrEqual(25);
    expect(found, found.join('\n')).toEqual([]);
  });
}
