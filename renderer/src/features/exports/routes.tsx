// Exports: FHIR bundles and the de-identified research tables, for doctors and the admin.
import { defineRoutes } from '../../app/router';
import { ExportsScreen, prefetchExports } from './ExportsScreen';

export const exportRoutes = defineRoutes([
  {
    name: 'exports',
    roles: ['doctor', 'admin'],
    screen: () => <ExportsScreen />,
    nav: { label: 'exports:nav', order: 105, prefetchData: prefetchExports },
  },
]);
