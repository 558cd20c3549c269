// Screenshots of every main screen at 1366×768 in English and Chinese, for people to look at (.artifacts/screens).
import { DEMO_SIZE, seedClinic } from '../../db/seed/generate';
import { test } from './fixtures';
import { type ScreenCheck, WALK_LANGUAGES, walkScreens, walkSetup } from './walk';

const dir = 'tests/e2e/.artifacts/screens';
const slug = (name: string) =>
  name
    .replace(/[^a-z0-9]+/gi, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase();

test('every main screen at 1366×768, in English and in Chinese', async ({ app, page }) => {
  test.setTimeout(600_000);
  // The smallest screen the clinic has: everything must fit and read well here.
  await page.setViewportSize({ width: 1366, height: 768 });
  const shoot: ScreenCheck = async (name, language) => {
    await page.screenshot({ path: `${dir}/${language}-${slug(name)}.png`, fullPage: true });
  };
  await walkSetup(page, app, shoot);
  const seeded = await seedClinic(app.core, DEMO_SIZE);
  for (const language of WALK_LANGUAGES) await walkScreens(page, app, seeded, language, shoot);
});
