// The outcomes report's address.
export const outcomePaths = { outcomes: '/reports/outcomes' } as const;
