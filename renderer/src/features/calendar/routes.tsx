// The ward calendar, the day's printable ward list and the lot search, for coordinators and doctors.
import { Suspense, lazy } from 'react';
import { type RouteDef, defineRoutes } from '../../app/router';
import { Loading } from '../../ui/feedback';
import { LotSearchScreen } from './LotSearchScreen';
import { WardListScreen } from './WardListScreen';

// FullCalendar is a large module that styles the page when it loads: only the calendar loads it, when first opened.
const CalendarScreen = lazy(() => import('./CalendarScreen').then((m) => ({ default: m.CalendarScreen })));

const staff: RouteDef['roles'] = ['coordinator', 'doctor'];

export const calendarRoutes = defineRoutes([
  {
    name: 'calendar',
    roles: staff,
    // Keyed by the address: a link with another `?patient=…&course=…` or `?day=…` starts the screen afresh.
    screen: () => (
      <Suspense fallback={<Loading />}>
        <CalendarScreen key={window.location.hash} />
      </Suspense>
    ),
    nav: { label: 'calendar:nav', order: 45, activeFor: ['wardList', 'lotSearch'] },
  },
  { name: 'wardList', roles: staff, screen: () => <WardListScreen /> },
  // Keyed by the address, so a lot chosen in the global search while this screen is open shows at once.
  { name: 'lotSearch', roles: staff, screen: () => <LotSearchScreen key={window.location.hash} /> },
]);
