// The language the desktop app starts Chromium in: remembered from a real core's answers, read back before Electron.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  START_LANGUAGE_FILE,
  chosenLanguage,
  readStartLanguage,
  rememberStartLanguage,
} from '../../db/app/start-language';
import { PASSWORD, caller, makeCore, staff } from '../core/support';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'strokedesk-lang-'));
  dirs.push(dir);
  return dir;
};

describe('start language', () => {
  it('keeps the language of a change and of a sign-in, for the next start', async () => {
    const dir = tempDir();
    const core = makeCore();
    const { coordinator } = await staff(core);
    expect(readStartLanguage(dir)).toBeNull();

    // A sign-in before any choice says nothing (the account's language is still null).
    const desk = caller(core);
    rememberStartLanguage(
      dir,
      'auth.signIn',
      await desk.call('auth.signIn', { username: 'coord', password: PASSWORD }),
    );
    expect(readStartLanguage(dir)).toBeNull();

    rememberStartLanguage(dir, 'auth.setLanguage', await coordinator.call('auth.setLanguage', { language: 'zh-CN' }));
    expect(readStartLanguage(dir)).toBe('zh-CN');

    // Another account signs in in English: the next start is in English.
    const admin = caller(core);
    await admin.ok('auth.signIn', { username: 'admin', password: PASSWORD });
    await admin.ok('auth.setLanguage', { language: 'en' });
    const again = caller(core);
    rememberStartLanguage(
      dir,
      'auth.signIn',
      await again.call('auth.signIn', { username: 'admin', password: PASSWORD }),
    );
    expect(readStartLanguage(dir)).toBe('en');
    expect(fs.readFileSync(path.join(dir, START_LANGUAGE_FILE), 'utf8')).toBe('en\n');
  });

  it('ignores refusals, other methods and files it does not know', async () => {
    const dir = tempDir();
    const core = makeCore();
    await staff(core);
    const refused = await caller(core).call('auth.signIn', { username: 'coord', password: 'wrong-password-9' });
    expect(refused.ok).toBe(false);
    expect(chosenLanguage('auth.signIn', refused)).toBeNull();
    expect(chosenLanguage('accounts.update', { ok: true, value: { language: 'zh-CN' } })).toBeNull();
    rememberStartLanguage(dir, 'auth.signIn', refused);
    expect(fs.existsSync(path.join(dir, START_LANGUAGE_FILE))).toBe(false);

    fs.writeFileSync(path.join(dir, START_LANGUAGE_FILE), 'klingon\n');
    expect(readStartLanguage(dir)).toBeNull();
    // A folder that cannot be written is no failure of the call that chose the language.
    const missing = path.join(dir, 'not-there');
    expect(() =>
      rememberStartLanguage(missing, 'auth.setLanguage', { ok: true, value: { language: 'en' } }),
    ).not.toThrow();
  });
});
