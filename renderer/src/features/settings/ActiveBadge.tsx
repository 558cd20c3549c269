// "Active" / "Retired" beside a room or a procedure type.
import { useTranslation } from 'react-i18next';

export function ActiveBadge({ active }: { active: boolean }) {
  const { t } = useTranslation('settings');
  return (
    <span className={`badge ${active ? 'badge-active' : 'badge-retired'}`}>{t(active ? 'active' : 'retired')}</span>
  );
}
