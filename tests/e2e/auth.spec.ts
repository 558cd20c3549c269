// First run, sign-in and sign-out, and the admin's accounts screen, driven as a person would.
import { dispatch } from '../../db/api/dispatch';
import { E2E_PASSWORD, expect, signIn, test } from './fixtures';

test('first run asks for the administrator, who can then add a coordinator', async ({ app, page }) => {
  await page.goto(app.openUrl);
  await expect(page.getByRole('heading', { name: 'Set up StrokeDesk' })).toBeVisible();
  await page.getByLabel('Full name').fill('Ada Admin');
  await page.getByLabel('Username').fill('ada');
  await page.getByLabel(/^Password/).fill('short');
  await page.getByLabel('Repeat password').fill('short');
  await page.getByRole('button', { name: 'Create administrator and sign in' }).click();
  // The field says what is wrong, and nothing typed is lost.
  await expect(page.getByText('At least 12 characters').first()).toBeVisible();
  await expect(page.getByLabel('Full name')).toHaveValue('Ada Admin');
  await page.getByLabel(/^Password/).fill(E2E_PASSWORD);
  await page.getByLabel('Repeat password').fill(E2E_PASSWORD);
  await page.getByRole('button', { name: 'Create administrator and sign in' }).click();

  await expect(page.getByRole('heading', { name: 'Staff accounts' })).toBeVisible();
  await page.getByRole('button', { name: 'Add account' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Full name').fill('Chen Coordinator');
  await dialog.getByLabel('Username').fill('chen');
  await dialog.getByLabel('Initial password').fill(E2E_PASSWORD);
  await dialog.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('cell', { name: 'chen', exact: true })).toBeVisible();

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await signIn(page, 'chen');
  await expect(page.getByRole('heading', { name: 'Today', exact: true })).toBeVisible();
  await expect(page.getByText('Signed in as Chen Coordinator (Coordinator)')).toBeVisible();
});

test('a wrong password is refused in words, and the username stays', async ({ app, page }) => {
  await app.seedAccounts();
  await page.goto(app.openUrl);
  await signIn(page, 'coord', 'not-the-password');
  await expect(page.getByRole('alert')).toHaveText('Wrong username or password, or the account is switched off.');
  await expect(page.getByLabel('Username')).toHaveValue('coord');
});

test('after five wrong passwords the screen says how long to wait', async ({ app, page }) => {
  await app.seedAccounts();
  // Four wrong tries straight to the core; the fifth through the screen.
  for (let i = 0; i < 4; i += 1) {
    const r = await dispatch(app.core, { token: null }, 'auth.signIn', { username: 'coord', password: 'wrong guess' });
    expect(r.ok ? null : r.error.code).toBe('BAD_CREDENTIALS');
  }
  await page.goto(app.openUrl);
  await signIn(page, 'coord', 'wrong guess');
  await expect(page.getByRole('alert')).toHaveText(
    'Too many wrong passwords for this username. Wait 1 s, then try again.',
  );
  await expect(page.getByLabel('Username')).toHaveValue('coord');
});

test.describe('arriving without the run token', () => {
  test.use({ openAppFirst: false });

  test('says to open the address the start command printed, not that StrokeDesk is down', async ({ app, page }) => {
    await page.goto(app.url);
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('Open the address that StrokeDesk');
    await expect(alert).toContainText('?token=');
    await expect(alert).not.toContainText('not reachable');
  });
});
