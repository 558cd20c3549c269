// The follow-up worklist's address.
export const followUpPaths = { followUps: '/follow-ups' } as const;
