// The settings screen's address.
export const settingsPaths = { settings: '/settings' } as const;
