// The ward calendar, the day's printable ward list and the lot search, for coordinators and doctors.
import { Suspense, use } from 'react';
import { type RouteDef, defineRoutes, hrefFor } from '../../app/router';
import { Loading } from '../../ui/feedback';
import { LotSearchScreen } from './LotSearchScreen';
import { prefetchCalendar } from './opening';
import { WardListScreen } from './WardListScreen';

// FullCalendar is a large module that styles the page when it loads: only the calendar loads it, once the app is idle
// after sign-in (the nav's prefetch) or when first opened. Once loaded it renders at once, without a Suspense frame.
type CalendarModule = typeof import('./CalendarScreen');
let loaded: CalendarModule | null = null;
let loading: Promise<CalendarModule> | null = null;
const loadCalendar = () =>
  (loading ??= import('./CalendarScreen').then((m) => {
    loaded = m;
    return m;
  }));

function CalendarRoute() {
  const { CalendarScreen } = loaded ?? use(loadCalendar());
  // Keyed by the address: a link with another `?patient=…&course=…` or `?day=…` starts the screen afresh.
  return <CalendarScreen key={window.location.hash} />;
}

const staff: RouteDef['roles'] = ['coordinator', 'doctor'];

export const calendarRoutes = defineRoutes([
  {
    name: 'calendar',
    roles: staff,
    screen: () => (
      <Suspense fallback={<Loading />}>
        <CalendarRoute />
      </Suspense>
    ),
    nav: {
      label: 'calendar:nav',
      order: 45,
      activeFor: ['wardList', 'lotSearch'],
      prefetch: loadCalendar,
      prefetchData: (client) => prefetchCalendar(client, hrefFor({ name: 'calendar' })),
    },
  },
  { name: 'wardList', roles: staff, screen: () => <WardListScreen /> },
  // Keyed by the address, so a lot chosen in the global search while this screen is open shows at once.
  { name: 'lotSearch', roles: staff, screen: () => <LotSearchScreen key={window.location.hash} /> },
]);
