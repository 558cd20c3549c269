// The assessment history screen's address: every version of one assessment, side by side.
export const assessmentHistoryPaths = { assessmentHistory: '/assessments/:id/history' } as const;
