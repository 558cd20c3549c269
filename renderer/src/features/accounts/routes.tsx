// Staff accounts: the admin's screen, and where an admin lands (first in the admin's sidebar).
import { defineRoutes } from '../../app/router';
import { AccountsScreen } from './AccountsScreen';
import { accountsOptions } from './queries';

export const accountRoutes = defineRoutes([
  {
    name: 'accounts',
    roles: ['admin'],
    screen: () => <AccountsScreen />,
    nav: {
      label: 'nav.accounts',
      order: 100,
      prefetchData: (client) => void client.prefetchQuery(accountsOptions()),
    },
  },
]);
