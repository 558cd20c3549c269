// Backups: the admin's screen for the verified copies of the records, and restoring one.
import { defineRoutes } from '../../app/router';
import { BackupsScreen } from './BackupsScreen';
import { prefetchBackups } from './queries';

export const backupRoutes = defineRoutes([
  {
    name: 'backups',
    roles: ['admin'],
    screen: () => <BackupsScreen />,
    nav: { label: 'nav.backups', order: 120, prefetchData: prefetchBackups },
  },
]);
