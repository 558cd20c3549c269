// The ward calendar, the day's printable ward list and the lot search, for coordinators and doctors.
import { type RouteDef, defineRoutes } from '../../app/router';
import { CalendarScreen } from './CalendarScreen';
import { LotSearchScreen } from './LotSearchScreen';
import { WardListScreen } from './WardListScreen';

const staff: RouteDef['roles'] = ['coordinator', 'doctor'];

export const calendarRoutes = defineRoutes([
  {
    name: 'calendar',
    roles: staff,
    // Keyed by the address: a link with another `?patient=…&course=…` or `?day=…` starts the screen afresh.
    screen: () => <CalendarScreen key={window.location.hash} />,
    nav: { label: 'calendar:nav', order: 45, activeFor: ['wardList', 'lotSearch'] },
  },
  { name: 'wardList', roles: staff, screen: () => <WardListScreen /> },
  // Keyed by the address, so a lot chosen in the global search while this screen is open shows at once.
  { name: 'lotSearch', roles: staff, screen: () => <LotSearchScreen key={window.location.hash} /> },
]);
