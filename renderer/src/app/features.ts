// Every feature's screens, one line per feature; a feature's addresses are listed beside it in app/paths.ts.
import { backupRoutes } from '../features/backups/routes';
import { accountRoutes } from '../features/accounts/routes';
import { calendarRoutes } from '../features/calendar/routes';
import { followUpRoutes } from '../features/follow-up/routes';
import { importRoutes } from '../features/imports/routes';
import { inquiryRoutes } from '../features/inquiries/routes';
import { patientRoutes } from '../features/patients/routes';
import { settingsRoutes } from '../features/settings/routes';
import type { RouteDef } from './router';
import { auditRoutes } from '../features/audit/routes';
import { adverseEventRoutes } from '../features/adverse-events/routes';
import { assessmentHistoryRoutes } from '../features/assessment-history/routes';
import { assessmentRoutes } from '../features/assessments/routes';
import { clinicNumbersRoutes } from '../features/clinic-numbers/routes';
import { patientSummaryRoutes } from '../features/patient-summary/routes';
import { paperFormRoutes } from '../features/paper-forms/routes';
import { outcomeRoutes } from '../features/outcomes/routes';
import { exportRoutes } from '../features/exports/routes';

export const features: readonly (readonly RouteDef[])[] = [
  inquiryRoutes,
  patientRoutes,
  calendarRoutes,
  followUpRoutes,
  importRoutes,
  accountRoutes,
  backupRoutes,
  auditRoutes,
  settingsRoutes,
  adverseEventRoutes,
  assessmentHistoryRoutes,
  assessmentRoutes,
  clinicNumbersRoutes,
  patientSummaryRoutes,
  paperFormRoutes,
  outcomeRoutes,
  exportRoutes,
];
