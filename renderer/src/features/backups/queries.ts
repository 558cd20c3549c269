// The backups screen's queries (the list and the backup settings; the status is the warning's, ui/BackupWarning), for
// the screen and the nav's prefetch alike (one definition of each key and call).
import { type QueryClient, queryOptions } from '@tanstack/react-query';
import { call } from '../../api/client';
import { backupStatusOptions } from '../../ui/BackupWarning';

export const backupListKey = ['backups', 'list'] as const;
export const backupSettingsKey = ['backups', 'settings'] as const;

export const backupListOptions = () =>
  queryOptions({ queryKey: backupListKey, queryFn: () => call('backups.list', {}) });

export const backupSettingsOptions = () =>
  queryOptions({ queryKey: backupSettingsKey, queryFn: () => call('backups.settings', {}) });

/** The screen's opening data as its nav link is pressed: the state, every backup and the second folder. */
export function prefetchBackups(client: QueryClient): void {
  void client.prefetchQuery(backupStatusOptions());
  void client.prefetchQuery(backupListOptions());
  void client.prefetchQuery(backupSettingsOptions());
}
