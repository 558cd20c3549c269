// Global keyboard shortcuts: Alt+N new inquiry, Alt+H today, Ctrl/⌘+K or "/" to search patients and inquiries.
import { useEffect } from 'react';
import { navigate } from './router';

/** The search box in the app's top bar (features/search/GlobalSearch). */
export const GLOBAL_SEARCH_INPUT_ID = 'global-search';

const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

/** Focuses the search box once it is rendered. */
function focusSearch(triesLeft = 20): void {
  const el = document.getElementById(GLOBAL_SEARCH_INPUT_ID);
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
        focusSearch();
      } else if (key === '/' && !isTyping(e.target)) {
        e.preventDefault();
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
