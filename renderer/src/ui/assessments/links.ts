// Addresses of the assessment screens another branch owns: literal hashes until the lead swaps them for hrefFor.
/** The entry screen (`features/assessments`, route `assessment`). */
export const assessmentEntryHref = (id: number): string => `#/assessments/${id}`;
/** A new assessment for a patient (`features/assessments`, route `assessmentNew`). */
export const assessmentNewHref = (patientId: number): string => `#/patients/${patientId}/assessments/new`;
