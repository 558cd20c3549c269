// The sentence shown for every error code and every reason the core gives, in English and in Chinese.
import { beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES, ERROR_REASONS } from '../../db/contract';
import { ApiCallError } from '../../renderer/src/api/client';
import en from '../../renderer/src/i18n/en/errors.json';
import zh from '../../renderer/src/i18n/zh-CN/errors.json';
import { i18next, initI18n } from '../../renderer/src/i18n';
import { errorMessage } from '../../renderer/src/ui/error-message';

beforeAll(async () => {
  await initI18n('en');
});

const CATALOGUES = [
  ['en', en],
  ['zh-CN', zh],
] as const;

const refusal = (code: (typeof ERROR_CODES)[number], details: ApiCallError['details'] = null) =>
  new ApiCallError({ code, message: 'the core said something in English', details });

describe.each(CATALOGUES)('errors in %s', (language, catalogue) => {
  const t = i18next.getFixedT(language);

  it.each([...ERROR_CODES])('%s without a reason shows the sentence for its code', (code) => {
    expect(errorMessage(t, refusal(code))).toBe(catalogue[code]);
  });

  it.each([...ERROR_REASONS])('CONFLICT with reason %s shows that reason, not the generic sentence', (reason) => {
    const shown = errorMessage(t, refusal('CONFLICT', { reason }));
    // A throttled sign-in's sentence says how long to wait: 1 s (1 min) when the core gave no figure.
    expect(shown).toBe(catalogue.reason[reason].replace('{{seconds}}', '1').replace('{{minutes}}', '1'));
    expect(shown).not.toBe(catalogue.CONFLICT);
  });

  it('the generic CONFLICT sentence does not claim that someone else changed the record', () => {
    expect(catalogue.CONFLICT).not.toMatch(/someone else|其他人/i);
  });
});

describe('a throttled sign-in', () => {
  it('says how long to wait, and how long a lock lasts', () => {
    const t = i18next.getFixedT('en');
    const wait = errorMessage(t, refusal('BAD_CREDENTIALS', { reason: 'sign_in_wait', retryAfterSeconds: 8 }));
    expect(wait).toBe('Too many wrong passwords for this username. Wait 8 s, then try again.');
    const lock = errorMessage(t, refusal('BAD_CREDENTIALS', { reason: 'account_locked', retryAfterSeconds: 900 }));
    expect(lock).toMatch(/^Too many wrong passwords: this account is locked for 15 min\. An admin can unlock/);
    const zh = errorMessage(
      i18next.getFixedT('zh-CN'),
      refusal('BAD_CREDENTIALS', { reason: 'account_locked', retryAfterSeconds: 61 }),
    );
    expect(zh).toContain('锁定 2 分钟');
  });
});

describe('the last admin', () => {
  it('is told the real reason, not an edit conflict', () => {
    const shown = errorMessage(i18next.getFixedT('en'), refusal('CONFLICT', { reason: 'last_admin' }));
    expect(shown).toMatch(/at least one active admin/);
    expect(shown).not.toMatch(/someone else/i);
  });
});
