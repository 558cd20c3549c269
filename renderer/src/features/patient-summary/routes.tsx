// The printable patient summary, for coordinators and doctors (who read the record it is printed from).
import { defineRoutes } from '../../app/router';
import { PatientSummaryScreen } from './PatientSummaryScreen';

export const patientSummaryRoutes = defineRoutes([
  { name: 'patientSummary', roles: ['coordinator', 'doctor'], screen: (r) => <PatientSummaryScreen id={r.id} /> },
]);
