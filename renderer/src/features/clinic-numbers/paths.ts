// The clinic numbers screen's address.
export const clinicNumbersPaths = { clinicNumbers: '/reports/clinic' } as const;
