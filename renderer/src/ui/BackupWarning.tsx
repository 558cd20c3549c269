// The warning every user sees on Today when the last good backup is too old or the last one failed.
import { queryOptions, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';

export const backupStatusKey = ['backups', 'status'] as const;

/** The last backups' state, for this warning, the Backups screen and the nav's prefetch of either. */
export const backupStatusOptions = () =>
  queryOptions({ queryKey: backupStatusKey, queryFn: () => call('backups.status', {}) });

export function BackupWarning() {
  const { t } = useTranslation('backups');
  const status = useQuery(backupStatusOptions());
  const s = status.data;
  if (!s) return null;
  if (s.records.damaged) {
    return (
      <div className="banner banner-error" role="alert">
        {t('warning.damaged')}
      </div>
    );
  }
  if (!s.warn) return null;
  const text = s.lastFailed
    ? t('warning.failed')
    : s.lastGood
      ? t('warning.old', { count: Math.floor(s.lastGood.ageHours / 24) })
      : t('warning.none');
  return (
    <div className="banner banner-warn" role="status">
      {text}
    </div>
  );
}
