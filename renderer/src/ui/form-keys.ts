// Keyboard behaviour every form shares: Ctrl/⌘+S saves, and after a refused save focus goes to the first bad field.
import type { KeyboardEvent } from 'react';

export const isSaveShortcut = (event: KeyboardEvent) => (event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's';

/** Focuses the first field the schema or the core complained about, once React has drawn the errors. */
export const focusFirstInvalid = (form: HTMLFormElement | null) =>
  requestAnimationFrame(() => {
    form?.querySelector<HTMLElement>('[data-invalid] input, [data-invalid] textarea, [data-invalid] button, [aria-invalid="true"]')?.focus();
  });
