// The inquiry screens and their sidebar entries, for coordinators and doctors (the core enforces the roles too).
import { type RouteDef, defineRoutes, hrefFor } from '../../app/router';
import { HomeScreen, prefetchHome } from './HomeScreen';
import { InquiryDetailScreen } from './InquiryDetailScreen';
import { InquiryFormScreen } from './InquiryFormScreen';
import { InquiryListScreen, prefetchInquiryList } from './InquiryListScreen';

const staff: RouteDef['roles'] = ['coordinator', 'doctor'];

export const inquiryRoutes = defineRoutes([
  {
    name: 'home',
    roles: staff,
    screen: () => <HomeScreen />,
    nav: { label: 'nav.home', order: 10, prefetchData: prefetchHome },
  },
  {
    name: 'inquiries',
    roles: staff,
    screen: () => <InquiryListScreen />,
    nav: {
      label: 'nav.inquiries',
      order: 20,
      activeFor: ['inquiry', 'inquiryEdit', 'inquiryConvert'],
      // The page the nav link's address opens on: the list reads its filters from the address.
      prefetchData: (client) => prefetchInquiryList(client, hrefFor({ name: 'inquiries' })),
    },
  },
  {
    name: 'inquiryNew',
    roles: staff,
    screen: () => <InquiryFormScreen id={null} />,
    nav: { label: 'nav.newInquiry', order: 30 },
  },
  { name: 'inquiry', roles: staff, screen: (r) => <InquiryDetailScreen id={r.id} /> },
  { name: 'inquiryEdit', roles: staff, screen: (r) => <InquiryFormScreen id={r.id} /> },
]);
