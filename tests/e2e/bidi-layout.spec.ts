// Issue #8: names in any script beside phones/e-mails/MRNs, 1366×768 fit, focus kept in dialogs, the sticky form bar.
import type { Locator, Page } from '@playwright/test';
import { dispatch } from '../../db/api/dispatch';
import type { Core } from '../../db/services/core';
import { inquiryInput, patientInput } from '../core/support';
import { E2E_PASSWORD, expect, signIn, test } from './fixtures';

test.use({ viewport: { width: 1366, height: 768 } });
const shots = 'tests/e2e/.artifacts/screens';

async function asCoord(core: Core) {
  const session = { token: null as string | null };
  const ok = await dispatch(core, session, 'auth.signIn', { username: 'coord', password: E2E_PASSWORD });
  if (!ok.ok) throw new Error(ok.error.message);
  return async <T>(method: string, input: unknown): Promise<T> => {
    const r = await dispatch(core, session, method, input);
    if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
    return r.value as T;
  };
}

const ARABIC = { contact: 'فاطمة الحربي', patient: 'عبد الله الحربي', phone: '+86 138 0000 1111' };
const HEBREW = { contact: 'יעל כהן', patient: 'משה כהן', phone: '+972 52 000 1111', email: 'yael.cohen@example.org' };

async function seed(core: Core) {
  const call = await asCoord(core);
  const a = await call<{ id: number }>(
    'inquiries.create',
    inquiryInput({ contactName: ARABIC.contact, patientName: ARABIC.patient, contactPhone: ARABIC.phone }),
  );
  const h = await call<{ id: number }>(
    'inquiries.create',
    inquiryInput({
      contactName: HEBREW.contact,
      patientName: HEBREW.patient,
      contactPhone: null,
      contactEmail: HEBREW.email,
    }),
  );
  await call('inquiries.addActivity', { id: a.id, kind: 'call', summary: 'تم الاتصال بالعائلة 2 مرات', at: null });
  const twin = {
    familyName: 'الحربي',
    givenName: 'عبد الله',
    nativeName: null,
    phone: '+966 50 000 2222',
    passportNumber: null,
  };
  await call('patients.create', patientInput({ ...twin, email: 'abdullah.alharbi@example.org' }));
  await call('patients.create', patientInput({ ...twin, email: 'a.alharbi.family@example.org' }));
  return { a, h };
}

/** The element holding `text` isolates it with the given direction and shows the text unchanged. */
async function expectIsolated(scope: Locator, text: string, dir: 'auto' | 'ltr') {
  const el = scope.locator(`bdi[dir="${dir}"]`).filter({ hasText: text }).first();
  await expect(el).toHaveText(text);
  expect(await el.evaluate((e) => getComputedStyle(e).unicodeBidi)).toBe('isolate');
}

/** Nothing on the page scrolls sideways, and text cut inside a table cell ends in an ellipsis with the full text on hover. */
async function expectFits(page: Page) {
  const problems = await page.evaluate(() => {
    const out: string[] = [];
    const wide = (e: Element) => e.scrollWidth > e.clientWidth + 1;
    const root = document.scrollingElement;
    if (root && wide(root)) out.push('page scrolls sideways');
    for (const e of document.querySelectorAll('.content, .table-wrap'))
      if (wide(e)) out.push(`${e.className} scrolls sideways`);
    for (const e of document.querySelectorAll('td, td *')) {
      const s = getComputedStyle(e);
      if (wide(e) && s.overflowX === 'hidden' && s.textOverflow !== 'ellipsis')
        out.push(`cut without ellipsis: ${e.textContent}`);
      if (wide(e) && s.textOverflow === 'ellipsis' && !e.closest('[title]') && !e.querySelector('[title]'))
        out.push(`cut with no title: ${e.textContent}`);
    }
    return out;
  });
  expect(problems).toEqual([]);
}

test('names in Arabic and Hebrew never reorder phones or e-mails, and every list fits 1366 × 768', async ({
  app,
  page,
}) => {
  await app.seedAccounts();
  const { a } = await seed(app.core);
  await page.goto(app.openUrl);
  await signIn(page, 'coord');
  await expect(page.getByRole('heading', { name: 'Today', exact: true })).toBeVisible();
  await expectFits(page);

  await page.getByRole('link', { name: 'Inquiries' }).click();
  const row = page.getByRole('row').filter({ hasText: ARABIC.patient });
  await expectIsolated(row, ARABIC.patient, 'auto');
  await expectIsolated(row, ARABIC.contact, 'auto');
  await expectIsolated(row, ARABIC.phone, 'ltr');
  // The phone sits to the right of the name in a left-to-right line, read left to right.
  const name = await row.locator('bdi[dir="auto"]').filter({ hasText: ARABIC.contact }).boundingBox();
  const phone = await row.locator('bdi[dir="ltr"]').filter({ hasText: ARABIC.phone }).boundingBox();
  expect(name && phone && phone.x > name.x).toBe(true);
  const hebrew = page.getByRole('row').filter({ hasText: HEBREW.patient });
  await expectIsolated(hebrew, HEBREW.contact, 'auto');
  await expectIsolated(hebrew, HEBREW.email, 'ltr');
  await expectFits(page);
  await page.screenshot({ path: `${shots}/1366-list.png` });

  await page.goto(`${app.url}/#/inquiries/${a.id}`);
  await expect(page.getByRole('heading', { name: 'Timeline' })).toBeVisible();
  const main = page.locator('main');
  await expectIsolated(main, ARABIC.contact, 'auto');
  await expectIsolated(main, ARABIC.phone, 'ltr');
  await expectIsolated(page.locator('.timeline'), 'Chen Coordinator', 'auto');
  await expect(page.locator('.timeline-body[dir="auto"]').first()).toHaveText('تم الاتصال بالعائلة 2 مرات');
  await expectFits(page);
  await page.screenshot({ path: `${shots}/1366-detail.png` });

  await page.keyboard.press('Control+k');
  await page.keyboard.type('1111');
  const option = page.getByRole('option').filter({ hasText: ARABIC.patient });
  await expectIsolated(option, ARABIC.patient, 'auto');
  await expectIsolated(option, ARABIC.phone, 'ltr');
  await page.keyboard.press('Escape');

  await page.getByRole('link', { name: 'Patients' }).click();
  await expectIsolated(page.locator('tbody'), 'abdullah.alharbi@example.org', 'ltr');
  await expectFits(page);

  // The duplicate card compares the records field by field; e-mails stay whole; the differing field is marked.
  await page.goto(`${app.url}/#/patients/duplicates`);
  const card = page.getByRole('group', { name: /الحربي عبد الله \/ / });
  await expect(card.getByRole('rowheader', { name: /E-mail/ })).toBeVisible();
  const email = card.locator('bdi[dir="ltr"]').filter({ hasText: 'abdullah.alharbi@example.org' });
  await expect(email).toHaveText('abdullah.alharbi@example.org');
  expect(await email.evaluate((e) => e.getClientRects().length)).toBe(1);
  await expect(card.getByRole('row').filter({ hasText: 'abdullah.alharbi@example.org' })).toHaveClass(/pair-differs/);
  await expect(card.getByRole('row').filter({ hasText: '+966 50 000 2222' })).not.toHaveClass(/pair-differs/);
  await expectIsolated(card, 'الحربي عبد الله', 'auto');
  await expectFits(page);
  await page.screenshot({ path: `${shots}/1366-duplicates.png` });
});

test('focus stays in the status dialog after a refused change, and Escape still closes it', async ({ app, page }) => {
  await app.seedAccounts();
  const { a } = await seed(app.core);
  await page.goto(app.openUrl);
  await signIn(page, 'coord');
  await page.goto(`${app.url}/#/inquiries/${a.id}`);
  await page.getByRole('button', { name: 'Change status…' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: /New status/ }).click();
  await page.getByRole('option', { name: 'Closed', exact: true }).click();
  await dialog.getByRole('button', { name: 'Change status' }).click();
  await expect(dialog.getByText('Say why the inquiry is closed')).toBeVisible();
  await expect(dialog.getByLabel('Reason')).toBeFocused();
  expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
});

test('the form’s Cancel/Save bar sits on the window’s bottom edge', async ({ app, page }) => {
  await app.seedAccounts();
  await page.goto(app.openUrl);
  await signIn(page, 'coord');
  await page.getByRole('link', { name: 'New inquiry' }).click();
  await expect(page.getByRole('button', { name: 'Save inquiry' })).toBeVisible();
  const footer = await page.locator('.form-footer').boundingBox();
  const content = await page.locator('.content').boundingBox();
  if (!footer || !content) throw new Error('no footer or content');
  expect(Math.abs(footer.y + footer.height - (content.y + content.height))).toBeLessThanOrEqual(1);
  await page.screenshot({ path: `${shots}/1366-form.png` });
});
