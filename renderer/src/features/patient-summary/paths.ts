// The patient summary's address: one patient's printable record.
export const patientSummaryPaths = {
  patientSummary: '/patients/:id/summary',
} as const;
