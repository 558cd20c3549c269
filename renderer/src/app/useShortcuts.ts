// Global keyboard shortcuts: Alt+N new inquiry, Alt+H today, Ctrl/⌘+K or "/" to search inquiries.
import { useEffect } from 'react';
import { navigate } from './router';

export const SEARCH_INPUT_ID = 'inquiry-search';

const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

/** Focuses the inquiry search box once the list has rendered it. */
function focusSearch(triesLeft = 20): void {
  const el = document.getElementById(SEARCH_INPUT_ID);
  if (el instanceof HTMLInputElement) {
    el.focus();
    el.select();
  } else if (triesLeft > 0) {
    requestAnimationFrame(() => focusSearch(triesLeft - 1));
  }
}

export function useShortcuts(enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      const key = e.key.toLowerCase();
      if ((e.ctrlKey || e.metaKey) && key === 'k') {
        e.preventDefault();
        if (!document.getElementById(SEARCH_INPUT_ID)) navigate({ name: 'inquiries' });
        focusSearch();
      } else if (key === '/' && !isTyping(e.target)) {
        e.preventDefault();
        if (!document.getElementById(SEARCH_INPUT_ID)) navigate({ name: 'inquiries' });
        focusSearch();
      } else if (e.altKey && key === 'n') {
        e.preventDefault();
        navigate({ name: 'inquiryNew' });
      } else if (e.altKey && key === 'h') {
        e.preventDefault();
        navigate({ name: 'home' });
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled]);
}
