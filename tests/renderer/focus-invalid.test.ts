// @vitest-environment jsdom
// After a refused save, focus goes to the first marked field — also when the errors are drawn a few frames late.
import { afterEach, describe, expect, it } from 'vitest';
import { focusFirstInvalid } from '../../renderer/src/ui/form-keys';

const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

function form(): { form: HTMLFormElement; reason: HTMLTextAreaElement } {
  document.body.innerHTML = '<form><button type="submit">Save</button><textarea aria-label="Reason"></textarea></form>';
  const f = document.querySelector('form') as HTMLFormElement;
  return { form: f, reason: f.querySelector('textarea') as HTMLTextAreaElement };
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('focusFirstInvalid', () => {
  it('focuses the marked field when the errors are already drawn', async () => {
    const { form: f, reason } = form();
    reason.setAttribute('aria-invalid', 'true');
    focusFirstInvalid(f);
    await frame();
    await frame();
    expect(document.activeElement).toBe(reason);
  });

  it('waits for errors that are drawn frames after the refusal (a busy machine)', async () => {
    const { form: f, reason } = form();
    focusFirstInvalid(f);
    for (let i = 0; i < 4; i++) await frame();
    expect(document.activeElement).not.toBe(reason);
    reason.setAttribute('aria-invalid', 'true');
    await frame();
    await frame();
    expect(document.activeElement).toBe(reason);
  });
});
