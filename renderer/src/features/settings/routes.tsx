// Clinic settings, for the admin.
import { defineRoutes } from '../../app/router';
import { clinicSettingsOptions } from '../../api/course-queries';
import { SettingsScreen } from './SettingsScreen';

export const settingsRoutes = defineRoutes([
  {
    name: 'settings',
    roles: ['admin'],
    screen: () => <SettingsScreen />,
    nav: {
      label: 'nav.settings',
      order: 110,
      // The first tab (the clinic's settings) is the one shown on opening.
      prefetchData: (client) => void client.prefetchQuery(clinicSettingsOptions()),
    },
  },
]);
