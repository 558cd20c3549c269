// A walk over every main screen and state of the demo clinic, in English and in Chinese (used by axe and screenshots).
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { dispatch } from '../../db/api/dispatch';
import { coreBackupsRoot } from '../../db/services/backups';
import type { seedClinic } from '../../db/seed/generate';
import { type E2eApp, expect } from './fixtures';

export type WalkLanguage = 'en' | 'zh-CN';
export const WALK_LANGUAGES: readonly WalkLanguage[] = ['en', 'zh-CN'];

/** Called once per screen or state the walk reaches; `name` says which (the same in every language). */
export type ScreenCheck = (name: string, language: WalkLanguage) => Promise<void>;

const catalogs = fileURLToPath(new URL('../../renderer/src/i18n', import.meta.url));
const loaded = new Map<string, unknown>();

/** The interface's own words, read from the same catalogues the app uses: `tr('zh-CN', 'inquiries:detail.timeline')`. */
export function tr(language: WalkLanguage, key: string, vars: Record<string, string | number> = {}): string {
  const [ns, path] = key.includes(':') ? (key.split(':') as [string, string]) : ['common', key];
  const file = `${catalogs}/${language}/${ns}.json`;
  if (!loaded.has(file)) loaded.set(file, JSON.parse(fs.readFileSync(file, 'utf8')));
  let node = loaded.get(file);
  for (const part of path.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
  if (typeof node !== 'string') throw new Error(`no ${language} text for ${key}`);
  return node.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/** A catalogue text as a pattern, each `{{value}}` left open: for texts whose numbers the test does not know. */
export function trPattern(language: WalkLanguage, key: string): RegExp {
  const parts = tr(language, key).split(/\{\{\w+\}\}/);
  return new RegExp(parts.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.+?'));
}

export type Seeded = Awaited<ReturnType<typeof seedClinic>>;

function account(seeded: Seeded, username: string) {
  const found = seeded.accounts.find((a) => a.username === username);
  if (!found) throw new Error(`the demo has no ${username}`);
  return found;
}

/** Gives the walked patient a planned course with a treatment consent, once, so the patient page shows one. */
async function ensureCourse(app: E2eApp, seeded: Seeded, patientId: number): Promise<void> {
  const has = app.core.db.prepare('SELECT 1 FROM courses WHERE patient_id = ?').get(patientId);
  if (has) return;
  const coordinator = seeded.accounts.find((a) => a.role === 'coordinator');
  if (!coordinator) throw new Error('the demo has no coordinator');
  const session = { token: null as string | null };
  const call = async <T>(method: string, input: unknown): Promise<T> => {
    const r = await dispatch(app.core, session, method, input);
    if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
    return r.value as T;
  };
  const me = await call<{ id: number }>('auth.signIn', {
    username: coordinator.username,
    password: coordinator.password,
  });
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  const course = await call<{ id: number }>('courses.create', {
    patientId,
    fields: {
      plannedAdmission: day(2),
      plannedDischarge: day(14),
      baselineSeverity: 'mRS 4, NIHSS 9 on referral',
      plannedTransplants: 2,
      plannedRoutes: ['intrathecal', 'intravenous'],
      allergies: 'Penicillin',
      notes: null,
    },
  });
  await call('consents.record', { courseId: course.id, type: 'treatment', givenOn: day(-1), takenById: me.id });
  await call('auth.signOut', {});
}

/** Signs in from the sign-in screen in `language`, and makes sure the account then works in it too. */
async function signInIn(page: Page, language: WalkLanguage, username: string, password: string): Promise<void> {
  await page.getByLabel(tr(language, 'auth:signIn.username')).fill(username);
  await page.getByLabel(tr(language, 'auth:signIn.password')).fill(password);
  await page.getByRole('button', { name: tr(language, 'auth:signIn.submit'), exact: true }).click();
  await expect(page.locator('.shell')).toBeVisible();
  // The account's own language wins after sign-in; the walk wants the one it is checking.
  if ((await page.locator('html').getAttribute('lang')) !== language) {
    const name = language === 'en' ? 'English' : '中文';
    await page.locator('.sidebar-footer').getByRole('button', { name, exact: true }).click();
  }
  await expect(page.locator('html')).toHaveAttribute('lang', language);
}

/** Tab past every control of the open dialog and Shift+Tab back: focus never leaves it. */
export async function expectFocusTrapped(page: Page): Promise<void> {
  const dialog = page.getByRole('dialog');
  const inside = () => dialog.evaluate((d) => d.contains(document.activeElement) && document.activeElement !== d);
  const stops = await dialog.evaluate(
    (d) => d.querySelectorAll('a[href], button, input, select, textarea, [tabindex]:not([tabindex="-1"])').length,
  );
  for (const key of ['Tab', 'Shift+Tab']) {
    for (let i = 0; i <= stops; i++) {
      await page.keyboard.press(key);
      expect(await inside(), `${key} ×${i + 1} left the dialog`).toBe(true);
    }
  }
}

/** Waits until the screen has its data: a heading and no "Loading…" left. */
async function settled(page: Page, language: WalkLanguage): Promise<void> {
  await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
  await expect(page.getByText(tr(language, 'common:loading'), { exact: true })).toHaveCount(0);
}

/** The first-run setup screen, in both languages; call on a fresh app before seeding. */
export async function walkSetup(
  page: Page,
  app: E2eApp,
  check: ScreenCheck,
  languages: readonly WalkLanguage[] = WALK_LANGUAGES,
): Promise<void> {
  for (const language of languages) {
    await page.goto(app.openUrl);
    await page.evaluate((l) => localStorage.setItem('strokedesk.signInLanguage', l), language);
    await page.reload();
    await expect(page.getByRole('heading', { name: tr(language, 'auth:setup.title') })).toBeVisible();
    await check('first-run setup', language);
  }
  await page.evaluate(() => localStorage.removeItem('strokedesk.signInLanguage'));
}

/**
 * Walks every main screen of the seeded demo clinic in `language` and calls `check` on each: from the sign-in screen
 * (where the language is chosen) through a coordinator's, a doctor's and the admin's screens, ending signed out.
 */
export async function walkScreens(page: Page, app: E2eApp, seeded: Seeded, language: WalkLanguage, check: ScreenCheck) {
  const t = (key: string, vars?: Record<string, string | number>) => tr(language, key, vars);
  const navTo = (key: string) =>
    page
      .getByRole('navigation')
      .getByRole('link', { name: t(key), exact: true })
      .click();
  const signOut = () => page.getByRole('button', { name: t('common:signOut'), exact: true }).click();
  /** Checks the open dialog, that Tab and Shift+Tab stay inside it, then closes it with Escape. */
  const checkDialog = async (name: string) => {
    await expect(page.getByRole('dialog')).toBeVisible();
    await check(name, language);
    await expectFocusTrapped(page);
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toHaveCount(0);
  };

  // A fake clock that keeps time with the real one, so the desk lock can be reached without ten idle minutes.
  await page.clock.install();
  await page.goto(app.openUrl);
  await expect(
    page
      .getByRole('heading', { name: tr('en', 'auth:signIn.title') })
      .or(page.getByRole('heading', { name: tr('zh-CN', 'auth:signIn.title') })),
  ).toBeVisible();
  await page
    .locator('.auth-card .language-switch')
    .getByRole('button', { name: language === 'en' ? 'English' : '中文', exact: true })
    .click();
  await expect(page.getByRole('heading', { name: t('auth:signIn.title') })).toBeVisible();
  await check('sign-in', language);

  const coord = account(seeded, 'coord.li');
  await signInIn(page, language, coord.username, coord.password);
  await expect(page.getByRole('heading', { name: t('inquiries:home.awaiting') })).toBeVisible();
  await settled(page, language);
  await check('home (coordinator)', language);

  await navTo('common:nav.inquiries');
  await expect(
    page.getByText(t('inquiries:list.range', { from: 1, to: 50, total: 400 }), { exact: true }),
  ).toBeVisible();
  await check('inquiry list', language);

  const open = app.core.db.prepare("SELECT id FROM inquiries WHERE status = 'under_review' LIMIT 1").get() as {
    id: number;
  };
  await page.goto(`${app.url}/#/inquiries/${open.id}`);
  await expect(page.getByRole('heading', { name: t('inquiries:detail.timeline') })).toBeVisible();
  await settled(page, language);
  await check('inquiry detail', language);
  await page.getByRole('button', { name: t('inquiries:detail.changeStatus') }).click();
  await checkDialog('status dialog');

  await navTo('common:nav.newInquiry');
  await expect(page.getByRole('heading', { name: t('inquiries:form.newTitle') })).toBeVisible();
  await check('new inquiry', language);
  await page.getByRole('button', { name: t('inquiries:form.create') }).click();
  await expect(page.getByText(trPattern(language, 'common:form.fixErrors_other'))).toBeVisible();
  await check('new inquiry with errors', language);

  await navTo('common:nav.patients');
  await expect(page.getByText(t('patients:list.range', { from: 1, to: 50, total: 90 }), { exact: true })).toBeVisible();
  await check('patient list', language);
  const patient = app.core.db
    .prepare(
      // One the demo ward has not treated yet: the walk gives it a planned course, so "Admit…" is offered.
      `SELECT id FROM patients WHERE native_name IS NOT NULL AND id IN (SELECT patient_id FROM inquiries)
         AND id NOT IN (SELECT patient_id FROM courses) LIMIT 1`,
    )
    .get() as { id: number };
  await ensureCourse(app, seeded, patient.id);
  await page.goto(`${app.url}/#/patients/${patient.id}`);
  await expect(page.getByRole('heading', { name: t('patients:detail.stroke') })).toBeVisible();
  await settled(page, language);
  // First: the assessments panel's "Follow-up schedule, course #1" holds the same words (in Chinese, as a substring).
  await expect(page.getByRole('heading', { name: t('courses:card.title', { number: 1 }) }).first()).toBeVisible();
  await check('patient record', language);
  // The treatment dialogs, each opened and closed by keyboard (Escape) the way a person would.
  await page.getByRole('button', { name: t('courses:consent.recordAction') }).click();
  await expect(page.getByRole('dialog', { name: t('courses:consent.recordTitle') })).toBeVisible();
  await checkDialog('record consent dialog');
  await page
    .getByRole('button', { name: t('courses:card.changeStatus') })
    .first()
    .click();
  await checkDialog('course status dialog');
  await page.goto(`${app.url}/#/patients/${patient.id}/courses/new`);
  await expect(page.getByRole('button', { name: t('courses:form.create') })).toBeVisible();
  await check('course form', language);
  await page.goto(`${app.url}/#/patients/${patient.id}/edit`);
  await expect(page.getByRole('button', { name: t('patients:form.save') })).toBeVisible();
  await check('patient form', language);
  await page.goto(`${app.url}/#/patients/duplicates`);
  await expect(
    page.getByRole('button', { name: trPattern(language, 'patients:duplicates.keepA') }).first(),
  ).toBeVisible();
  await check('duplicates', language);
  await page.goto(`${app.url}/#/import`);
  await settled(page, language);
  await check('import', language);

  await navTo('calendar:nav');
  await expect(page.getByRole('heading', { name: t('calendar:title') })).toBeVisible();
  // Every room's week is an occupancy table; a busy cell opens that room's week with its bookings.
  await expect(page.locator('.occupancy-table')).toBeVisible();
  await check('calendar week, every room', language);
  await page.locator('.occupancy-cell').first().press('Enter');
  await expect(page.locator('.fc-timegrid')).toBeVisible();
  await expect(page.locator('.fc-event').first()).toBeVisible();
  await check('calendar week', language);
  // A seeded booking, reached by Tab from the view switch and opened with Enter: its move panel.
  await page.getByRole('button', { name: t('calendar:view.week'), exact: true }).focus();
  for (let i = 0; i < 60; i++) {
    if (await page.evaluate(() => document.activeElement?.classList.contains('fc-event') ?? false)) break;
    await page.keyboard.press('Tab');
  }
  await expect(page.locator('.fc-event:focus')).toHaveCount(1);
  await page.keyboard.press('Enter');
  await checkDialog('booking panel');
  await page.getByRole('button', { name: t('calendar:view.day'), exact: true }).click();
  await check('calendar day', language);
  await page.getByRole('button', { name: t('calendar:view.month'), exact: true }).click();
  await expect(page.locator('.fc-daygrid')).toBeVisible();
  await check('calendar month', language);
  await page.getByRole('button', { name: t('calendar:book'), exact: true }).click();
  await expect(page.getByRole('dialog', { name: t('calendar:booking.title') })).toBeVisible();
  await checkDialog('booking dialog');
  await page.getByRole('link', { name: t('calendar:wardList.open') }).click();
  await settled(page, language);
  await check('ward list', language);
  await page.emulateMedia({ media: 'print' });
  await check('ward list print', language);
  await page.emulateMedia({ media: 'screen' });
  await page.goto(`${app.url}/#/lots?lot=MSC`);
  await settled(page, language);
  await check('lot search', language);

  await navTo('common:nav.inquiries');
  await page.keyboard.press('Control+k');
  await page.keyboard.type('wang');
  await expect(page.getByRole('option', { name: /Wang/ }).first()).toBeVisible();
  await check('global search open', language);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('listbox')).toHaveCount(0);
  await signOut();

  const doctor = account(seeded, 'dr.zhang');
  await signInIn(page, language, doctor.username, doctor.password);
  await settled(page, language);
  await check('home (doctor)', language);
  const booked = app.core.db
    .prepare(
      `SELECT c.patient_id AS id FROM procedures p JOIN courses c ON c.id = p.course_id
       WHERE p.status = 'scheduled' ORDER BY p.starts_at LIMIT 1`,
    )
    .get() as { id: number };
  await page.goto(`${app.url}/#/patients/${booked.id}`);
  await settled(page, language);
  await page
    .getByRole('button', { name: trPattern(language, 'procedures:list.completeLabel') })
    .first()
    .click();
  await checkDialog('procedure complete dialog');
  await walkAssessments(page, app, language, check);
  // Idle past the clinic's ten minutes: the desk locks; the same password unlocks it.
  await page.clock.fastForward('10:05');
  await expect(page.getByRole('dialog', { name: t('common:lock.title') })).toBeVisible();
  await check('lock screen', language);
  await expectFocusTrapped(page);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: t('common:lock.title') })).toBeVisible();
  await page.getByLabel(t('common:lock.password')).fill(doctor.password);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await signOut();

  const admin = account(seeded, 'admin');
  await signInIn(page, language, admin.username, admin.password);
  await page.goto(`${app.url}/#/accounts`);
  await expect(page.getByRole('heading', { name: t('accounts:title') })).toBeVisible();
  await settled(page, language);
  await check('admin accounts', language);
  await page.goto(`${app.url}/#/settings`);
  await settled(page, language);
  await check('settings', language);
  for (const tab of ['rooms', 'types', 'mrn'] as const) {
    await page.getByRole('tab', { name: t(`settings:tabs.${tab}`) }).click();
    await settled(page, language);
    await check(`settings ${tab}`, language);
  }
  await navTo('audit:nav');
  await expect(page.getByRole('heading', { name: t('audit:title'), level: 1 })).toBeVisible();
  await settled(page, language);
  await check('audit log', language);
  // Backups: none yet (Today warned about it above), one made by keyboard, its restore confirmation.
  await navTo('common:nav.backups');
  await expect(page.getByText(t('backups:empty'), { exact: true })).toBeVisible();
  await check('backups empty', language);
  await page.getByRole('button', { name: t('backups:backUpNow') }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: t('backups:made') })).toBeVisible();
  await check('backups', language);
  await page
    .getByRole('button', { name: t('backups:restore') })
    .first()
    .click();
  await checkDialog('restore dialog');
  // Gone again, so the walk in the next language finds the clinic as this one did (and Today warns there too).
  fs.rmSync(coreBackupsRoot(app.core), { recursive: true, force: true });
  await signOut();
  await expect(page.getByRole('heading', { name: t('auth:signIn.title') })).toBeVisible();
}

/**
 * A doctor's assessment and adverse-event screens on a demo-ward patient who has both: the patient page's charts
 * (and their table), the start and entry screens, a version history, the follow-up worklist, and the adverse events'
 * list, form and one event.
 */
async function walkAssessments(page: Page, app: E2eApp, language: WalkLanguage, check: ScreenCheck): Promise<void> {
  const t = (key: string, vars?: Record<string, string | number>) => tr(language, key, vars);
  const one = (query: string) => {
    const row = app.core.db.prepare(query).get() as { id: number } | undefined;
    if (!row) throw new Error(`the demo has none: ${query}`);
    return row.id;
  };
  const patientId = one(
    `SELECT patient_id AS id FROM adverse_events WHERE patient_id IN (SELECT patient_id FROM assessments)
      ORDER BY id LIMIT 1`,
  );
  const eventId = one(`SELECT id FROM adverse_events WHERE patient_id = ${patientId} ORDER BY id LIMIT 1`);
  const draftId = one(
    `SELECT a.id FROM assessments a JOIN assessment_versions v ON v.assessment_id = a.id
      WHERE v.status = 'draft' ORDER BY a.id LIMIT 1`,
  );
  const amendedId = one(
    'SELECT assessment_id AS id FROM assessment_versions WHERE n = 2 ORDER BY assessment_id LIMIT 1',
  );
  const visit = async (hash: string) => {
    await page.goto(`${app.url}/${hash}`);
    await settled(page, language);
  };

  await visit(`#/patients/${patientId}`);
  const chart = page.locator('.score-chart').first();
  await expect(chart).toBeVisible();
  await check('patient assessments and chart', language);
  await chart.getByRole('button', { name: t('scores:chart.showTable') }).press('Enter');
  await expect(chart.getByRole('table').first()).toBeVisible();
  await check('patient chart as table', language);
  await visit(`#/patients/${patientId}/assessments/new`);
  await expect(page.getByRole('heading', { name: t('assessments:start.title') })).toBeVisible();
  await check('assessment start', language);
  await visit(`#/assessments/${draftId}`);
  await expect(page.locator('.entry-summary')).toBeVisible();
  await check('assessment entry', language);
  await visit(`#/assessments/${amendedId}/history`);
  await expect(page.getByRole('region', { name: t('scores:history.versions') }).first()).toBeVisible();
  await check('assessment history', language);
  await visit('#/follow-ups');
  await expect(page.getByRole('heading', { name: t('followUps:title'), level: 1 })).toBeVisible();
  await check('follow-ups', language);
  await visit('#/adverse-events');
  await check('adverse events', language);
  await visit(`#/patients/${patientId}/adverse-events/new`);
  await expect(page.getByRole('heading', { name: t('adverseEvents:form.title'), level: 1 })).toBeVisible();
  await check('adverse event form', language);
  await visit(`#/adverse-events/${eventId}`);
  await expect(page.getByRole('region', { name: t('adverseEvents:detail.facts') })).toBeVisible();
  await check('adverse event', language);
}
