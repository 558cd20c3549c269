// "Show all" under a short list: the button goes once every row is drawn, so the keyboard's place moves to the first
// row it brought instead of falling back to the page's start.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from './fields';

/**
 * `listRef` goes on the list; `arm()` when "Show all" is pressed. Once `ready` (every row has come) the first link or
 * button of the row at index `from` (the first row the short list did not show) takes the focus, once.
 */
export function useFocusFirstNewRow<E extends HTMLElement>(from: number, ready: boolean) {
  const listRef = useRef<E>(null);
  const [armed, setArmed] = useState(false);
  useEffect(() => {
    if (!armed || !ready) return;
    listRef.current?.children[from]?.querySelector<HTMLElement>('a[href], button')?.focus();
    setArmed(false);
  }, [armed, ready, from]);
  return { listRef, arm: () => setArmed(true) };
}

/** The "Show all N" button under a short list: disabled while the rows it asked for are on their way. */
export function ShowAllButton(p: { count: number; loading: boolean; onPress: () => void }) {
  const { t } = useTranslation('inquiries');
  return (
    <div className="worklist-more">
      <Button isDisabled={p.loading} onPress={p.onPress}>
        {t('inquiries:home.showAll', { count: p.count })}
      </Button>
    </div>
  );
}
