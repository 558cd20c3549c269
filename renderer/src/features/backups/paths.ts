// The backups screen's address.
export const backupPaths = { backups: '/backups' } as const;
