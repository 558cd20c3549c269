// The main screens in Simplified Chinese: no English left in the interface, and the language stays with the account.
//
// How "no English" is told from the clinic's own data: the test knows every string the clinic stored (names, e-mails,
// messages, MRNs, account names) from the database itself, removes those from each visible text node, and then asks
// for no Latin word other than a few names of things that have no Chinese (PDF, ECOG, Ctrl…). Nothing in the app has
// to be marked up for this, and a label left in English cannot hide behind a cell of patient data: the check is
// on every text node, placeholder and accessible label the person sees. The language switch names each language in
// itself (an element with lang="en" saying "English") and is left out by its `lang`; <code> holds identifiers from
// outside formats (the web-form's column names), which stay as the file spells them.
import type { Page } from '@playwright/test';
import { seedClinic } from '../../db/seed/generate';
import { expect, test } from './fixtures';

const shots = 'tests/e2e/.artifacts/screens';

/** Latin words the Chinese interface keeps: product and format names, scale names, key names, units. */
const ALLOWED = [
  'StrokeDesk',
  'SD',
  'ECOG',
  'ASA',
  'MRI',
  'MRN',
  'PDF',
  'PNG',
  'JPEG',
  'WebP',
  'TIFF',
  'CSV',
  'JSON',
  'KB',
  'MB',
  'Ctrl',
  'Alt',
  'K',
  'S',
  'B',
  'WhatsApp',
  'Telegram',
  'YYYY',
  'YY',
  'seq',
  'N',
  'I',
  'II',
  'III',
  'IV',
  'V',
  'VI',
  // Assessment scales keep their published names and abbreviations in Chinese clinical use, as does CTCAE; the
  // charts tag adverse events "AE1" (the abbreviation Chinese trial documents use).
  'NIHSS',
  'mRS',
  'Barthel',
  'Rankin',
  'Fugl',
  'Meyer',
  'FM',
  'UE',
  'LE',
  'Ashworth',
  'MRC',
  'Berg',
  'FAC',
  'House',
  'Brackmann',
  'Sunnybrook',
  'CTCAE',
  'UN',
  'AE',
];

/** Every string the clinic stored, so it can be told apart from the interface's own words. */
function clinicStrings(db: import('better-sqlite3').Database): string[] {
  const tables = [
    'inquiries',
    'inquiry_activities',
    'inquiry_status_changes',
    'patients',
    'patient_identifiers',
    'accounts',
    'settings',
    'attachments',
    // The treatment ward's rooms, procedure types, courses and procedures (lots, severities) are the clinic's words.
    'rooms',
    'procedure_types',
    'courses',
    'procedures',
    // Assessments (amendment reasons), contact attempts' notes and adverse events' descriptions are the clinic's too.
    'assessments',
    'assessment_versions',
    'follow_up_contacts',
    'adverse_events',
  ];
  const out = new Set<string>();
  for (const table of tables) {
    const rows = db.prepare(`SELECT * FROM ${table}`).all() as Record<string, unknown>[];
    for (const row of rows)
      for (const value of Object.values(row))
        // Enum codes (`awaiting_records`) are not shown as such: leaving them in would hide a raw code on screen.
        if (typeof value === 'string' && value.length >= 2 && !/^[a-z_]+$/.test(value)) out.add(value);
  }
  // Usernames are all lowercase letters, like enum codes, and are data all the same.
  for (const { username } of db.prepare('SELECT username FROM accounts').all() as { username: string }[])
    out.add(username);
  // Longest first, so "Anna Volkova" goes before "Anna".
  return [...out].sort((a, b) => b.length - a.length);
}

/** Visible text (and placeholders, accessible names) that still has an English word once clinic data is removed. */
async function englishOnScreen(page: Page, data: string[]): Promise<string[]> {
  return page.evaluate(
    ({ data, allowed }) => {
      const found: string[] = [];
      const allow = new Set(allowed);
      const check = (text: string, where: string) => {
        let rest = text;
        // Only as a whole word: a stored "Li" must not hide the "Li" of an English label.
        for (const d of data) {
          if (!rest.includes(d)) continue;
          const escaped = d.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
          rest = rest.replace(new RegExp(`(?<![A-Za-z])${escaped}(?![A-Za-z])`, 'g'), ' ');
        }
        const words = (rest.match(/[A-Za-z]{2,}|\b[A-Za-z]\b/g) ?? []).filter((w) => !allow.has(w));
        if (words.length > 0) found.push(`${where}: "${text.trim().slice(0, 120)}" → ${words.join(' ')}`);
      };
      const outsideOtherLanguage = (el: Element) => {
        const tagged = el.closest('[lang]');
        return !tagged || tagged.getAttribute('lang')?.startsWith('zh');
      };
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const el = node.parentElement;
        if (!el || !node.textContent?.trim() || !outsideOtherLanguage(el)) continue;
        // <code>: literal identifiers a person matches against a file (web-form column names), not words to translate.
        if (el.closest('script, style, code, [hidden], [aria-hidden="true"]')) continue;
        if (!el.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue;
        check(node.textContent, el.tagName.toLowerCase());
      }
      for (const el of document.querySelectorAll('[placeholder], [aria-label], [title]')) {
        if (!outsideOtherLanguage(el) || !el.checkVisibility()) continue;
        // A <code>'s full text on hover is the same literal identifier as its text (skipped above).
        if (el.closest('code')) continue;
        for (const attr of ['placeholder', 'aria-label', 'title']) {
          const v = el.getAttribute(attr);
          if (v) check(v, `${el.tagName.toLowerCase()}[${attr}]`);
        }
      }
      return found;
    },
    { data, allowed: ALLOWED },
  );
}

async function signInZh(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
}

test('a coordinator and an admin work in Chinese, and no English is left on the main screens', async ({
  app,
  page,
}) => {
  test.setTimeout(180_000);
  const seeded = await seedClinic(app.core, { inquiries: 80, patients: 25 });
  const account = (username: string) => {
    const a = seeded.accounts.find((x) => x.username === username);
    if (!a) throw new Error(`the demo has no ${username}`);
    return a;
  };
  const coord = account('coord.li');
  const admin = account('admin');
  const data = clinicStrings(app.core.db);
  const noEnglish = async (what: string) => expect(await englishOnScreen(page, data), what).toEqual([]);
  const visit = async (hash: string, heading: string | RegExp) => {
    await page.goto(`${app.url}/${hash}`);
    await expect(page.getByRole('heading', { name: heading }).first()).toBeVisible();
    await expect(page.getByText('正在加载…')).toHaveCount(0);
  };

  // The sign-in screen offers both languages, and this computer remembers the choice for it.
  await page.goto(app.openUrl);
  await page.getByRole('button', { name: '中文' }).click();
  await expect(page.getByRole('heading', { name: '登录' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await noEnglish('sign-in screen');
  await page.reload();
  await expect(page.getByRole('heading', { name: '登录' })).toBeVisible();

  // Back to English to sign in: the account's own choice is what must carry the rest.
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByLabel('Username').fill(coord.username);
  await page.getByLabel('Password').fill(coord.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Today', exact: true })).toBeVisible();
  await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: '中文' }).click();
  await expect(page.getByRole('heading', { name: '今日', exact: true })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect
    .poll(() => app.core.db.prepare("SELECT language FROM accounts WHERE username = 'coord.li'").get())
    .toEqual({ language: 'zh-CN' });

  await visit('#/', '今日');
  await expect(page.getByRole('heading', { name: '等待首次联系' })).toBeVisible();
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.screenshot({ path: `${shots}/zh-home.png` });
  await page.setViewportSize({ width: 1440, height: 900 });
  await noEnglish('home');

  await visit('#/inquiries', '咨询');
  await expect(page.getByText(/^第 1–50 条，共 80 条$/)).toBeVisible();
  await noEnglish('inquiry list');

  const inquiry = app.core.db
    .prepare("SELECT id FROM inquiries WHERE status = 'under_review' AND owner_id IS NOT NULL LIMIT 1")
    .get() as { id: number };
  await visit(`#/inquiries/${inquiry.id}`, '时间线');
  await noEnglish('an inquiry');

  await visit('#/inquiries/new', '新建咨询');
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.screenshot({ path: `${shots}/zh-inquiry-form.png`, fullPage: true });
  await noEnglish('new inquiry form');
  await page.getByRole('button', { name: '保存咨询' }).click();
  await expect(page.getByText(/个字段需要修改/)).toBeVisible();
  await page.screenshot({ path: `${shots}/zh-inquiry-form-errors.png`, fullPage: true });
  await page.setViewportSize({ width: 1440, height: 900 });

  await visit('#/patients', '患者');
  await expect(page.getByText(/^第 1–25 条，共 25 条$/)).toBeVisible();
  await noEnglish('patient list');

  const patient = app.core.db.prepare('SELECT id FROM patients WHERE native_name IS NOT NULL LIMIT 1').get() as {
    id: number;
  };
  await visit(`#/patients/${patient.id}`, '卒中病史');
  await noEnglish('a patient');

  await visit('#/import', '导入网页表单');
  await noEnglish('import');

  // Signing out returns to this computer's choice (English); signing in again brings back the account's (Chinese).
  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await page.getByLabel('Username').fill(coord.username);
  await page.getByLabel('Password').fill(coord.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: '今日', exact: true })).toBeVisible();
  await page.getByRole('button', { name: '退出登录' }).click();

  // The admin's screens.
  await page.getByRole('button', { name: '中文' }).click();
  await signInZh(page, admin.username, admin.password);
  await visit('#/accounts', '员工账户');
  await noEnglish('accounts');
  await visit('#/settings', '诊所设置');
  await noEnglish('settings');
  await visit('#/audit', '审计日志');
  await expect(page.getByRole('table', { name: '记录' }).locator('tbody tr').first()).toBeVisible();
  await noEnglish('audit log');

  // A doctor's screens: assessments (start, entry, history, the patient's charts), follow-ups and adverse events.
  await page.getByRole('button', { name: '退出登录' }).click();
  const doctor = account('dr.zhang');
  await signInZh(page, doctor.username, doctor.password);
  await expect(page.locator('.shell')).toBeVisible();
  await page.locator('.sidebar-footer').getByRole('button', { name: '中文', exact: true }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  const id = (query: string) => {
    const row = app.core.db.prepare(query).get() as { id: number } | undefined;
    if (!row) throw new Error(`the demo has none: ${query}`);
    return row.id;
  };
  const treated = id(
    `SELECT patient_id AS id FROM adverse_events WHERE patient_id IN (SELECT patient_id FROM assessments)
      ORDER BY id LIMIT 1`,
  );
  await visit(`#/patients/${treated}`, '评估');
  const chart = page.locator('.score-chart').first();
  await expect(chart).toBeVisible();
  await noEnglish('a patient with assessments and adverse events');
  await chart.getByRole('button', { name: '以表格显示' }).click();
  await expect(chart.getByRole('table').first()).toBeVisible();
  await noEnglish('a chart as a table');
  await visit(`#/patients/${treated}/assessments/new`, '开始评估');
  await noEnglish('assessment start');
  const draft = id(
    `SELECT a.id FROM assessments a JOIN assessment_versions v ON v.assessment_id = a.id
      WHERE v.status = 'draft' ORDER BY a.id LIMIT 1`,
  );
  await page.goto(`${app.url}/#/assessments/${draft}`);
  await expect(page.locator('.entry-summary')).toBeVisible();
  await noEnglish('assessment entry');
  const amended = id('SELECT assessment_id AS id FROM assessment_versions WHERE n = 2 ORDER BY assessment_id LIMIT 1');
  await visit(`#/assessments/${amended}/history`, /：全部版本$/);
  await noEnglish('assessment history');
  await visit('#/follow-ups', '随访');
  await noEnglish('follow-ups');
  await visit('#/adverse-events', '不良事件');
  await noEnglish('adverse events');
  await visit(`#/patients/${treated}/adverse-events/new`, '记录不良事件');
  await noEnglish('adverse event form');
  const event = id(`SELECT id FROM adverse_events WHERE patient_id = ${treated} ORDER BY id LIMIT 1`);
  await page.goto(`${app.url}/#/adverse-events/${event}`);
  await expect(page.getByRole('region', { name: '事件详情' })).toBeVisible();
  await noEnglish('an adverse event');
});
