// The accessibility check itself: planted faults on a real screen are reported, so a walk that finds nothing means
// nothing was there to find (and not that axe never ran).
import { seriousViolations } from './axe';
import { expect, test } from './fixtures';

test('axe reports a nameless button, an image without alt text and unreadable contrast on the sign-in screen', async ({
  app,
  page,
}) => {
  await app.seedAccounts();
  await page.goto(app.openUrl);
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  expect(await seriousViolations(page, 'sign-in')).toEqual([]);
  await page.evaluate(() => {
    const main = document.querySelector('main') ?? document.body;
    const button = document.createElement('button');
    button.id = 'planted-button';
    const img = document.createElement('img');
    img.id = 'planted-image';
    img.src = 'data:image/gif;base64,R0lGODlhAQABAAAAACw=';
    const faint = document.createElement('p');
    faint.id = 'planted-text';
    faint.textContent = 'Hard to read';
    faint.style.color = '#eeeeee';
    faint.style.background = '#ffffff';
    main.append(button, img, faint);
  });
  const found = await seriousViolations(page, 'sign-in');
  expect(found.some((f) => f.includes('button-name') && f.includes('#planted-button'))).toBe(true);
  expect(found.some((f) => f.includes('image-alt') && f.includes('#planted-image'))).toBe(true);
  expect(found.some((f) => f.includes('color-contrast') && f.includes('#planted-text'))).toBe(true);
});
