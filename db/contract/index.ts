// The method table: the single source of truth that every transport and the renderer share.
import type { z } from 'zod';
import { ADVERSE_EVENT_LIFECYCLE, adverseEventMethods } from './adverse-events';
import { ASSESSMENT_LIFECYCLE, assessmentMethods } from './assessments';
import { attachmentMethods } from './attachments';
import { auditMethods } from './audit';
import { backupMethods } from './backups';
import { authMethods } from './auth';
import { draftMethods } from './drafts';
import { followUpMethods } from './follow-up';
import { outcomeMethods } from './outcomes';
import { clinicMethods } from './clinic';
import { clinicNumbersMethods } from './clinic-numbers';
import { COURSE_LIFECYCLE, courseMethods } from './courses';
import { PROCEDURE_LIFECYCLE, procedureMethods } from './procedures';
import { INQUIRY_LIFECYCLE, inquiryMethods } from './inquiries';
import { importMethods } from './imports';
import { exportMethods } from './exports';
import { patientMethods } from './patients';
import { recoveryMethods } from './recovery';

export const methods = {
  ...authMethods,
  ...inquiryMethods,
  ...importMethods,
  ...patientMethods,
  ...attachmentMethods,
  ...draftMethods,
  ...clinicMethods,
  ...courseMethods,
  ...procedureMethods,
  ...auditMethods,
  ...backupMethods,
  ...assessmentMethods,
  ...adverseEventMethods,
  ...followUpMethods,
  ...clinicNumbersMethods,
  ...outcomeMethods,
  ...exportMethods,
  ...recoveryMethods,
} as const;

export type Methods = typeof methods;
export type Method = keyof Methods;
/** What a caller sends (before defaults and trimming). */
export type Input<M extends Method> = z.input<Methods[M]['input']>;
/** What a handler receives (after parsing). */
export type ParsedInput<M extends Method> = z.output<Methods[M]['input']>;
export type Output<M extends Method> = z.output<Methods[M]['output']>;

export const isMethod = (name: string): name is Method => Object.prototype.hasOwnProperty.call(methods, name);

export * from './common';
export * from './paging';
export * from './geo';
export * from './date-text';
export * from './wall-clock';
export * from './csv';
export * from './auth';
export * from './inquiries';
export * from './instruments';
export * from './imports';
export * from './patients';
export * from './attachments';
export * from './drafts';
export * from './bridge';
export * from './lifecycle';
export * from './clinic';
export * from './courses';
export * from './procedures';
export * from './audit';
export * from './backups';
export * from './assessments';
export * from './adverse-events';
export * from './follow-up';
export * from './clinic-numbers';
export * from './outcomes';
export * from './exports';
export * from './recovery';

/** Every lifecycle, one line each: tests walk them (refusal wording, i18n state labels) without knowing the domains. */
export const LIFECYCLES = [
  INQUIRY_LIFECYCLE,
  COURSE_LIFECYCLE,
  PROCEDURE_LIFECYCLE,
  ASSESSMENT_LIFECYCLE,
  ADVERSE_EVENT_LIFECYCLE,
] as const;
