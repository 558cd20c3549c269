// Blank paper forms per instrument, for when the computer is down; shown under "Follow-ups" in the sidebar.
import { defineRoutes } from '../../app/router';
import { PaperFormsScreen } from './PaperFormsScreen';

export const paperFormRoutes = defineRoutes([
  { name: 'paperForms', roles: ['coordinator', 'doctor'], screen: () => <PaperFormsScreen /> },
]);
