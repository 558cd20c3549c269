// Every feature's addresses, one line per feature: the router parses and links against exactly these.
import { backupPaths } from '../features/backups/paths';
import { accountPaths } from '../features/accounts/paths';
import { calendarPaths } from '../features/calendar/paths';
import { followUpPaths } from '../features/follow-up/paths';
import { importPaths } from '../features/imports/paths';
import { inquiryPaths } from '../features/inquiries/paths';
import { patientPaths } from '../features/patients/paths';
import { settingsPaths } from '../features/settings/paths';
import { auditPaths } from '../features/audit/paths';
import { adverseEventPaths } from '../features/adverse-events/paths';
import { assessmentHistoryPaths } from '../features/assessment-history/paths';
import { assessmentPaths } from '../features/assessments/paths';
import { clinicNumbersPaths } from '../features/clinic-numbers/paths';
import { patientSummaryPaths } from '../features/patient-summary/paths';
import { paperFormPaths } from '../features/paper-forms/paths';
import { outcomePaths } from '../features/outcomes/paths';
import { exportPaths } from '../features/exports/paths';

export const featurePaths = [
  inquiryPaths,
  patientPaths,
  calendarPaths,
  followUpPaths,
  importPaths,
  accountPaths,
  backupPaths,
  auditPaths,
  settingsPaths,
  adverseEventPaths,
  assessmentHistoryPaths,
  assessmentPaths,
  clinicNumbersPaths,
  patientSummaryPaths,
  paperFormPaths,
  outcomePaths,
  exportPaths,
] as const;
