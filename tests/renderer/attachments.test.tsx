// @vitest-environment jsdom
// The attach form refuses a too-large or foreign file before reading it or calling the core, and says why in the file's field.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { AttachForm } from '../../renderer/src/ui/attachments/AttachForm';
import { formatSize } from '../../renderer/src/ui/attachments/format';
import { i18next, initI18n } from '../../renderer/src/i18n';

beforeAll(async () => {
  await initI18n();
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

/** The text of what a control's aria-describedby points at: where a field's error is announced. */
const description = (el: HTMLElement): string =>
  (el.getAttribute('aria-describedby') ?? '')
    .split(/\s+/)
    .map((id) => (id ? (document.getElementById(id)?.textContent ?? '') : ''))
    .join(' ');

const renderForm = () =>
  render(
    <QueryClientProvider client={new QueryClient()}>
      <AttachForm owner={{ kind: 'inquiry', id: 1 }} />
    </QueryClientProvider>,
  );

describe('attach form', () => {
  it('names a missing file and category without calling the core', async () => {
    const fetchSpy = vi.fn();
    vi.stubGlobal('fetch', fetchSpy);
    renderForm();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Attach file' }));
    expect(screen.getByLabelText(/File to attach/).getAttribute('aria-invalid')).toBe('true');
    expect(description(screen.getByLabelText(/File to attach/))).toBe('Choose a file to attach');
    expect(description(screen.getByRole('button', { name: /Category/ }))).toContain('Choose a category');
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('refuses a file over 25 MB and a type it cannot attach, before reading it', async () => {
    const fetchSpy = vi.fn();
    vi.stubGlobal('fetch', fetchSpy);
    renderForm();
    const user = userEvent.setup({ applyAccept: false });
    const input = screen.getByLabelText(/File to attach/);
    const big = new File(['%PDF-1.4'], 'big.pdf', { type: 'application/pdf' });
    Object.defineProperty(big, 'size', { value: 26 * 1024 * 1024 });
    await user.upload(input, big);
    await user.click(screen.getByRole('button', { name: 'Attach file' }));
    expect(description(input)).toBe('This file is 26 MB; files can be at most 25 MB.');
    await user.upload(input, new File(['PK'], 'notes.docx', { type: '' }));
    await user.click(screen.getByRole('button', { name: 'Attach file' }));
    expect(description(input)).toBe('Only PDF, PNG, JPEG, WebP and TIFF files can be attached.');
    expect(fetchSpy).not.toHaveBeenCalled();
  });
});

describe('formatSize', () => {
  it('reads like a person would say it', () => {
    const t = i18next.t.bind(i18next);
    expect(formatSize(840, 'en', t)).toBe('840 B');
    expect(formatSize(1536, 'en', t)).toBe('1.5 KB');
    expect(formatSize(120 * 1024, 'en', t)).toBe('120 KB');
    expect(formatSize(25 * 1024 * 1024, 'en', t)).toBe('25 MB');
  });
});
