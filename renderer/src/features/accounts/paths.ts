// The accounts screen's address.
export const accountPaths = { accounts: '/accounts' } as const;
