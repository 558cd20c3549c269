// The assessments feature's addresses: starting an assessment for a patient, and entering or reading one.
export const assessmentPaths = {
  assessmentNew: '/patients/:id/assessments/new',
  assessment: '/assessments/:id',
} as const;
