// The patient screens (and turning an accepted inquiry into a patient), for coordinators and doctors.
import { type RouteDef, defineRoutes } from '../../app/router';
import { CourseFormScreen } from '../../ui/courses/CourseFormScreen';
import { ConvertInquiryScreen } from './ConvertInquiryScreen';
import { DuplicatesScreen } from './DuplicatesScreen';
import { PatientDetailScreen } from './PatientDetailScreen';
import { PatientFormScreen } from './PatientFormScreen';
import { PatientListScreen, prefetchPatientList } from './PatientListScreen';

const staff: RouteDef['roles'] = ['coordinator', 'doctor'];

export const patientRoutes = defineRoutes([
  {
    name: 'patients',
    roles: staff,
    screen: () => <PatientListScreen />,
    nav: {
      label: 'nav.patients',
      order: 40,
      prefetchData: prefetchPatientList,
      activeFor: [
        'patient',
        'patientEdit',
        'patientNew',
        'duplicates',
        'courseNew',
        'courseEdit',
        'assessmentHistory',
        'patientSummary',
      ],
    },
  },
  { name: 'patientNew', roles: staff, screen: () => <PatientFormScreen id={null} /> },
  { name: 'duplicates', roles: staff, screen: () => <DuplicatesScreen /> },
  { name: 'patient', roles: staff, screen: (r) => <PatientDetailScreen id={r.id} /> },
  { name: 'patientEdit', roles: staff, screen: (r) => <PatientFormScreen id={r.id} /> },
  { name: 'courseNew', roles: staff, screen: (r) => <CourseFormScreen patientId={r.id} courseId={null} /> },
  { name: 'courseEdit', roles: staff, screen: (r) => <CourseFormScreen patientId={r.id} courseId={r.course} /> },
  { name: 'inquiryConvert', roles: staff, screen: (r) => <ConvertInquiryScreen id={r.id} /> },
]);
