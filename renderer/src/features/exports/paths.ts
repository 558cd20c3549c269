// The exports screen's address.
export const exportPaths = { exports: '/exports' } as const;
