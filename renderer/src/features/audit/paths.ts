// The audit log screen's address.
export const auditPaths = { audit: '/audit' } as const;
