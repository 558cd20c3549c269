// The inquiry screens' addresses, by route name; screen-free so the router can type every link without a cycle.
export const inquiryPaths = {
  home: '/',
  inquiries: '/inquiries',
  inquiryNew: '/inquiries/new',
  inquiry: '/inquiries/:id',
  inquiryEdit: '/inquiries/:id/edit',
} as const;
