// Clinic numbers: the clinic's activity, inquiry funnel, adverse-event rates and follow-up completeness for a period.
import { defineRoutes } from '../../app/router';
import { ClinicNumbersScreen, prefetchClinicNumbers } from './ClinicNumbersScreen';

export const clinicNumbersRoutes = defineRoutes([
  {
    name: 'clinicNumbers',
    roles: ['coordinator', 'doctor'],
    screen: () => <ClinicNumbersScreen />,
    nav: { label: 'clinicNumbers:nav', order: 48.5, prefetchData: prefetchClinicNumbers },
  },
]);
