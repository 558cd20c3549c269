// axe-core over every main screen and state, in English and in Chinese: no serious or critical WCAG 2.1 A/AA violation.
import { DEMO_SIZE, seedClinic } from '../../db/seed/generate';
import { seriousViolations } from './axe';
import { expect, test } from './fixtures';
import { type ScreenCheck, WALK_LANGUAGES, walkScreens, walkSetup } from './walk';

// Kept in ./axe so other specs can use it without registering this walk as one of their own tests.
export { seriousViolations };

test('no serious or critical accessibility violation on any main screen, in English and in Chinese', async ({
  app,
  page,
}) => {
  // Seeding the demo clinic and some thirty-five axe passes take minutes on a busy machine.
  test.setTimeout(900_000);
  const found: string[] = [];
  const screens: string[] = [];
  const check: ScreenCheck = async (name, language) => {
    screens.push(`${language} ${name}`);
    found.push(...(await seriousViolations(page, `${language} ${name}`)));
  };
  await walkSetup(page, app, check);
  const seeded = await seedClinic(app.core, DEMO_SIZE);
  for (const language of WALK_LANGUAGES) await walkScreens(page, app, seeded, language, check);
  expect(screens.length).toBeGreaterThanOrEqual(2 * 25);
  expect(found, found.join('\n')).toEqual([]);
});
