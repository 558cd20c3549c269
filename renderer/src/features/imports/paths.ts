// The import screen's address.
export const importPaths = { import: '/import' } as const;
