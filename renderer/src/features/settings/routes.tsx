// Clinic settings, for the admin.
import { defineRoutes } from '../../app/router';
import { SettingsScreen } from './SettingsScreen';

export const settingsRoutes = defineRoutes([
  { name: 'settings', roles: ['admin'], screen: () => <SettingsScreen />, nav: { label: 'nav.settings', order: 110 } },
]);
