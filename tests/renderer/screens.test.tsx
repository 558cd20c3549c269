// @vitest-environment jsdom
// Screens render with visible labels, in the order a person tabs through them, with every string from i18next.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SetupScreen } from '../../renderer/src/features/auth/SetupScreen';
import { SignInScreen } from '../../renderer/src/features/auth/SignInScreen';
import { initI18n, resources } from '../../renderer/src/i18n';

beforeAll(async () => {
  await initI18n();
});
afterEach(cleanup);

/** The text of what a control's aria-describedby points at: where a field's error is announced. */
const description = (el: HTMLElement): string =>
  (el.getAttribute('aria-describedby') ?? '')
    .split(/\s+/)
    .map((id) => (id ? (document.getElementById(id)?.textContent ?? '') : ''))
    .join(' ');

const withQuery = (ui: React.ReactElement) => (
  <QueryClientProvider client={new QueryClient()}>{ui}</QueryClientProvider>
);

describe('sign-in screen', () => {
  it('labels its fields and tabs from username to password to the button', async () => {
    render(withQuery(<SignInScreen clinicName="Demo Clinic" />));
    const user = userEvent.setup();
    expect(screen.getByRole('form', { name: 'Sign in' }).textContent).toContain('Demo Clinic');
    expect(document.activeElement).toBe(screen.getByLabelText(/Username/));
    await user.tab();
    expect(document.activeElement).toBe(screen.getByLabelText(/Password/));
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Sign in' }));
  });

  it('names an empty field without calling the core', async () => {
    render(withQuery(<SignInScreen clinicName="Demo Clinic" />));
    const user = userEvent.setup();
    await user.type(screen.getByLabelText(/Username/), 'coord');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(screen.getByLabelText(/Password/).getAttribute('aria-invalid')).toBe('true');
    expect((screen.getByLabelText(/Username/) as HTMLInputElement).value).toBe('coord');
  });
});

describe('first-run screen', () => {
  it('says when the two passwords differ, keeping what was typed', async () => {
    render(withQuery(<SetupScreen />));
    const user = userEvent.setup();
    await user.type(screen.getByLabelText(/Full name/), 'Ada Admin');
    await user.type(screen.getByLabelText(/Username/), 'ada');
    await user.type(screen.getByLabelText(/^Password/), 'a long enough password');
    await user.type(screen.getByLabelText(/Repeat password/), 'a different password!');
    await user.click(screen.getByRole('button', { name: 'Create administrator and sign in' }));
    expect(description(screen.getByLabelText(/Repeat password/))).toContain('The two passwords differ');
    expect((screen.getByLabelText(/Full name/) as HTMLInputElement).value).toBe('Ada Admin');
  });
});

describe('translations', () => {
  it('has a friendly sentence for every error code the core can return', async () => {
    const { ERROR_CODES } = await import('../../db/contract');
    for (const code of ERROR_CODES) expect(resources.en.errors[code], code).toBeTruthy();
  });
});
