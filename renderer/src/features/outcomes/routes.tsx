// Reports: the outcomes report (improvement against baseline, with its denominators), for doctors and coordinators.
import { defineRoutes } from '../../app/router';
import { OutcomesScreen } from './OutcomesScreen';
import { prefetchOutcomes } from './queries';

export const outcomeRoutes = defineRoutes([
  {
    name: 'outcomes',
    roles: ['coordinator', 'doctor'],
    screen: () => <OutcomesScreen />,
    nav: { label: 'outcomes:nav', order: 46, prefetchData: prefetchOutcomes },
  },
]);
