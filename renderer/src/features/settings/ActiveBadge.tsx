// "Active" / "Retired" beside a room or a procedure type, and the Retire / Reactivate button that switches it.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/fields';

export function ActiveBadge({ active }: { active: boolean }) {
  const { t } = useTranslation('settings');
  return (
    <span className={`badge ${active ? 'badge-active' : 'badge-retired'}`}>{t(active ? 'active' : 'retired')}</span>
  );
}

export function RetireButton({ active, name, onPress }: { active: boolean; name: string; onPress: () => void }) {
  const { t } = useTranslation('settings');
  return (
    <Button variant="ghost" onPress={onPress} aria-label={t(active ? 'retireLabel' : 'reactivateLabel', { name })}>
      {t(active ? 'retire' : 'reactivate')}
    </Button>
  );
}

/** Runs a row's one-click change; a refusal is kept to show above the table, and cleared by the next try. */
export function useRowAction() {
  const [error, setError] = useState<unknown>(null);
  const run = async (action: () => Promise<void>) => {
    setError(null);
    try {
      await action();
    } catch (err) {
      setError(err);
    }
  };
  return { error, run };
}
