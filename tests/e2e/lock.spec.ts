// The desk lock end to end: after the clinic's idle period (1 minute here, on Playwright's clock) the screen locks
// over a half-typed form, the same password brings the form back as it was, and another person's sign-in ends it.
import { expect, signIn, test } from './fixtures';
import { seriousViolations } from './axe';

test('locks over a half-typed form, unlocks with the same password, nothing typed lost', async ({ app, page }) => {
  await app.seedAccounts();
  const admin = { token: null as string | null };
  const { dispatch } = await import('../../db/api/dispatch');
  await dispatch(app.core, admin, 'auth.signIn', { username: 'admin', password: 'e2e-password-1' });
  await dispatch(app.core, admin, 'clinic.saveSettings', { name: 'Clinic', timeZone: 'UTC', idleLockMinutes: 1 });
  await page.clock.install();
  await page.goto(app.openUrl);
  await signIn(page, 'coord');
  await page.getByRole('link', { name: 'New inquiry' }).click();
  await page.getByLabel('Contact name').fill('Olga Sokolova');

  await page.clock.fastForward('01:05');
  const lock = page.getByRole('dialog', { name: 'Screen locked' });
  await expect(lock).toBeVisible();
  expect(await seriousViolations(page, 'lock screen')).toEqual([]);
  await expect(page.getByLabel('Password')).toBeFocused();
  await page.keyboard.type('wrong-password-9');
  await page.keyboard.press('Enter');
  await expect(lock.getByRole('alert')).toBeVisible();
  await page.getByLabel('Password').fill('e2e-password-1');
  await page.keyboard.press('Enter');
  await expect(lock).toHaveCount(0);
  await expect(page.getByLabel('Contact name')).toHaveValue('Olga Sokolova');
});

test('another person signing in at a locked desk ends the first session', async ({ app, page }) => {
  await app.seedAccounts();
  await page.clock.install();
  await page.goto(app.openUrl);
  await signIn(page, 'coord');
  // The idle timer starts once the app is up: a busy machine's sign-in must finish before time is moved on.
  await expect(page.getByRole('link', { name: 'New inquiry' })).toBeVisible();
  await page.clock.fastForward('10:05');
  const lock = page.getByRole('dialog', { name: 'Screen locked' });
  await expect(lock).toBeVisible();
  await lock.getByRole('button', { name: 'Sign in as someone else' }).click();
  await lock.getByLabel('Username').fill('doctor');
  await lock.getByLabel('Password').fill('e2e-password-1');
  await lock.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(lock).toHaveCount(0);
  await expect(page.getByText(/Signed in as Dr\. Daria Doctor/)).toBeVisible();
  const row = app.core.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'auth.signIn'").get() as {
    n: number;
  };
  expect(row.n).toBe(2);
});

// After the unlock the questions refused while locked are asked again; the lock must not come back when they are
// answered (issue #12: it did, from a stale copy of auth.status's flag, when the shell was mounted afresh).
test('a reload does not get past the lock: the core keeps the session locked until the password', async ({
  app,
  page,
}) => {
  await app.seedAccounts();
  await page.clock.install();
  await page.goto(app.openUrl);
  await signIn(page, 'coord');
  await expect(page.getByRole('heading', { name: 'Today', exact: true })).toBeVisible();
  await page.clock.fastForward('10:05');
  const lock = page.getByRole('dialog', { name: 'Screen locked' });
  await expect(lock).toBeVisible();
  await page.reload();
  await expect(lock).toBeVisible();
  // Nothing of the records reaches the page behind the lock: the core refuses the session's calls.
  const answer = await page.evaluate(async () => {
    const r = await fetch('/api/inquiries.list', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    return ((await r.json()) as { error?: { code: string } }).error?.code ?? 'ok';
  });
  expect(answer).toBe('SCREEN_LOCKED');
  await page.getByLabel('Password').fill('e2e-password-1');
  await page.keyboard.press('Enter');
  await expect(lock).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Today', exact: true })).toBeVisible();
  // The desk is usable again, not merely uncovered for a moment (an inert shell would not take the click).
  await page.getByRole('navigation').getByRole('link', { name: 'Inquiries', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Inquiries', exact: true })).toBeVisible();
  await expect(lock).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Inquiries', exact: true })).toBeVisible();
  await expect(lock).toHaveCount(0);
});

test('an admin sets the idle lock on the Clinic tab, within 1 to 240 minutes', async ({ app, page }) => {
  await app.seedAccounts();
  await page.goto(app.openUrl);
  await signIn(page, 'admin');
  await page.getByRole('navigation').getByRole('link', { name: 'Settings', exact: true }).click();
  const field = page.getByLabel('Idle lock (minutes)');
  await expect(field).toHaveValue('10');
  await field.fill('0');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('1 to 240 minutes', { exact: true })).toBeVisible();
  await field.fill('5');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  const saved = () => app.core.db.prepare("SELECT value FROM settings WHERE key = 'clinic.idleLockMinutes'").get();
  await expect.poll(saved).toEqual({ value: '5' });
  await expect(field).toHaveValue('5');
});
