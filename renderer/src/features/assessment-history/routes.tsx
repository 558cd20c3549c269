// Assessment history: every version of one assessment side by side, for coordinators and doctors (who read scores).
import { defineRoutes } from '../../app/router';
import { AssessmentHistoryScreen } from './AssessmentHistoryScreen';

export const assessmentHistoryRoutes = defineRoutes([
  { name: 'assessmentHistory', roles: ['coordinator', 'doctor'], screen: (r) => <AssessmentHistoryScreen id={r.id} /> },
]);
