// The inquiry screens and their sidebar entries, for coordinators and doctors (the core enforces the roles too).
import { type RouteDef, defineRoutes } from '../../app/router';
import { HomeScreen } from './HomeScreen';
import { InquiryDetailScreen } from './InquiryDetailScreen';
import { InquiryFormScreen } from './InquiryFormScreen';
import { InquiryListScreen } from './InquiryListScreen';

const staff: RouteDef['roles'] = ['coordinator', 'doctor'];

export const inquiryRoutes = defineRoutes([
  { name: 'home', roles: staff, screen: () => <HomeScreen />, nav: { label: 'nav.home', order: 10 } },
  {
    name: 'inquiries',
    roles: staff,
    screen: () => <InquiryListScreen />,
    nav: { label: 'nav.inquiries', order: 20, activeFor: ['inquiry', 'inquiryEdit', 'inquiryConvert'] },
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
