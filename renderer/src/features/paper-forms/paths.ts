// The blank paper forms' address: one screen listing the instruments; the chosen one is `?instrument=<id>`.
export const paperFormPaths = {
  paperForms: '/forms',
} as const;
