// Keyboard behaviour every form shares: Ctrl/⌘+S saves, and after a refused save focus goes to the first bad field.
import type { KeyboardEvent } from 'react';

export const isSaveShortcut = (event: KeyboardEvent) =>
  (event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's';

const INVALID_FIELD = '[data-invalid] input, [data-invalid] textarea, [data-invalid] button, [aria-invalid="true"]';
/** Frames to wait for React to draw the errors: a busy machine may paint before the re-render commits. */
const FOCUS_FRAMES = 30;

/**
 * Focuses the first field the schema or the core complained about, once React has drawn the errors. The errors are
 * set just before this is called, and their render is not always committed by the next frame (a refusal answered
 * while the machine is busy): so each frame looks again, until a field is marked or FOCUS_FRAMES have passed.
 */
export const focusFirstInvalid = (form: HTMLFormElement | null, frames = FOCUS_FRAMES): void => {
  requestAnimationFrame(() => {
    const field = form?.querySelector<HTMLElement>(INVALID_FIELD);
    if (field) field.focus();
    else if (frames > 1 && form?.isConnected) focusFirstInvalid(form, frames - 1);
  });
};

/**
 * Alt+1…9 jumps to the form's n-th `[data-form-section]` and focuses its first field, so a phone intake can skip
 * what the call does not cover. `code` rather than `key`: on a Mac, Alt+digit types a symbol.
 */
export function jumpToSection(event: KeyboardEvent, form: HTMLFormElement | null): boolean {
  const digit = /^Digit([1-9])$/.exec(event.code)?.[1];
  if (!event.altKey || event.ctrlKey || event.metaKey || digit === undefined || form === null) return false;
  const section = form.querySelectorAll<HTMLElement>('[data-form-section]')[Number(digit) - 1];
  const first = section?.querySelector<HTMLElement>(
    'input:not([disabled]):not([type="hidden"]), textarea:not([disabled]), button:not([disabled]), [tabindex="0"]',
  );
  if (!first) return false;
  event.preventDefault();
  first.focus();
  return true;
}

/** A form's keys: Alt+n to its n-th marked section (where it marks them), Ctrl/⌘+S to save. */
export const formKeyHandler = (form: () => HTMLFormElement | null, save: () => void) => (event: KeyboardEvent) => {
  if (jumpToSection(event, form())) return;
  if (isSaveShortcut(event)) {
    event.preventDefault();
    save();
  }
};
