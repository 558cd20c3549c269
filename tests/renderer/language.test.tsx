// @vitest-environment jsdom
// The sign-in screen's language switch: the screen turns Chinese, <html lang> follows, and the choice is remembered.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SignInScreen } from '../../renderer/src/features/auth/SignInScreen';
import { applyLanguage, i18next, initI18n, signInLanguage } from '../../renderer/src/i18n';
import { formatDay } from '../../renderer/src/ui/format';

beforeAll(async () => {
  await initI18n();
});
afterEach(async () => {
  cleanup();
  localStorage.clear();
  await act(() => applyLanguage('en'));
});

const signIn = () =>
  render(
    <QueryClientProvider client={new QueryClient()}>
      <SignInScreen clinicName="Demo Clinic" />
    </QueryClientProvider>,
  );

describe('language switch', () => {
  it('renders the sign-in screen in Chinese after pressing 中文, and back in English', async () => {
    signIn();
    const user = userEvent.setup();
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeDefined();
    await user.click(screen.getByRole('button', { name: '中文' }));

    expect(screen.getByRole('heading', { name: '登录' })).toBeDefined();
    expect(screen.getByLabelText(/用户名/)).toBeDefined();
    expect(screen.getByLabelText(/密码/)).toBeDefined();
    expect(screen.queryByRole('button', { name: 'Sign in' })).toBeNull();
    expect(screen.getByRole('button', { name: '中文' }).getAttribute('aria-pressed')).toBe('true');
    expect(document.documentElement.lang).toBe('zh-CN');
    expect(signInLanguage()).toBe('zh-CN');

    await user.click(screen.getByRole('button', { name: 'English' }));
    expect(screen.getByRole('heading', { name: 'Sign in' })).toBeDefined();
    expect(document.documentElement.lang).toBe('en');
    expect(signInLanguage()).toBe('en');
  });

  it('formats dates for the current language', async () => {
    await act(() => applyLanguage('zh-CN'));
    expect(formatDay('2026-03-07', i18next.language)).toBe('2026年3月7日');
    await act(() => applyLanguage('en'));
    expect(formatDay('2026-03-07', i18next.language)).toBe('Mar 7, 2026');
  });

  it("shows field errors in the user's language, and re-phrases them when the language changes", async () => {
    await act(() => applyLanguage('zh-CN'));
    signIn();
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: '登录' }));
    const username = screen.getByLabelText(/用户名/);
    expect(username.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(username.getAttribute('aria-describedby') ?? '')?.textContent).toBe('必填');
    expect(screen.queryByText('Required')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'English' }));
    expect(screen.getAllByText('Required')).toHaveLength(2);
  });
});
