// The calendar feature's addresses: the ward calendar, the printable ward list and the lot search.
export const calendarPaths = {
  calendar: '/calendar',
  wardList: '/ward-list',
  lotSearch: '/lots',
} as const;
