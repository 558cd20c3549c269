// The adverse-event screens: coordinators and doctors read them; only doctors record (the core refuses others too).
import { type RouteDef, defineRoutes } from '../../app/router';
import { AdverseEventFormScreen } from './AdverseEventFormScreen';
import { AdverseEventScreen } from './AdverseEventScreen';
import { OpenEventsScreen } from './OpenEventsScreen';
import { openAdverseEventsOptions } from '../../api/adverse-event-queries';

const staff: RouteDef['roles'] = ['coordinator', 'doctor'];

export const adverseEventRoutes = defineRoutes([
  {
    name: 'adverseEvents',
    roles: staff,
    screen: () => <OpenEventsScreen />,
    nav: {
      label: 'adverseEvents:nav',
      order: 47,
      activeFor: ['adverseEvent'],
      prefetchData: (client) => void client.prefetchQuery(openAdverseEventsOptions()),
    },
  },
  { name: 'adverseEventNew', roles: ['doctor'], screen: (r) => <AdverseEventFormScreen patientId={r.id} /> },
  { name: 'adverseEvent', roles: staff, screen: (r) => <AdverseEventScreen id={r.id} /> },
]);
