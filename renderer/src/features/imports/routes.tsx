// The spreadsheet import screen, for coordinators and doctors.
import { defineRoutes } from '../../app/router';
import { ImportScreen } from './ImportScreen';

export const importRoutes = defineRoutes([
  {
    name: 'import',
    roles: ['coordinator', 'doctor'],
    screen: () => <ImportScreen />,
    nav: { label: 'imports:nav', order: 50 },
  },
]);
