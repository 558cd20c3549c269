// Assessments: a doctor starts one or more at a time point, then enters, signs and amends each; coordinators read them.
import { defineRoutes } from '../../app/router';
import { AssessmentEntryScreen } from './AssessmentEntryScreen';
import { AssessmentStartScreen } from './AssessmentStartScreen';

export const assessmentRoutes = defineRoutes([
  { name: 'assessmentNew', roles: ['doctor'], screen: (r) => <AssessmentStartScreen patientId={r.id} /> },
  // Keyed by the id: "Next instrument" opens a fresh form, never the previous one's state.
  {
    name: 'assessment',
    roles: ['coordinator', 'doctor'],
    screen: (r) => <AssessmentEntryScreen key={r.id} id={r.id} />,
  },
]);
