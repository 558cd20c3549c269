// The patient screens' addresses, by route name (converting an inquiry lives under it but makes a patient).
export const patientPaths = {
  patients: '/patients',
  patientNew: '/patients/new',
  duplicates: '/patients/duplicates',
  patient: '/patients/:id',
  patientEdit: '/patients/:id/edit',
  courseNew: '/patients/:id/courses/new',
  courseEdit: '/patients/:id/courses/:course/edit',
  inquiryConvert: '/inquiries/:id/convert',
} as const;

/** Added to the patient's address right after a conversion, so the page offers to open the first treatment course. */
export const CONVERTED_MARK = '?converted=1';
