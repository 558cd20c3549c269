// The patient screens' addresses, by route name (converting an inquiry lives under it but makes a patient).
export const patientPaths = {
  patients: '/patients',
  patientNew: '/patients/new',
  duplicates: '/patients/duplicates',
  patient: '/patients/:id',
  patientEdit: '/patients/:id/edit',
  inquiryConvert: '/inquiries/:id/convert',
} as const;
