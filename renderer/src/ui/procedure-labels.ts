// Procedure words in the user's language: a seeded type by its code (an admin's own type by its stored name), statuses.
import type { TFunction } from 'i18next';
import type { ProcedureStatus } from '../../../db/contract';

export const procedureTypeName = (t: TFunction, p: { typeCode: string | null; typeName: string }): string =>
  p.typeCode ? t(`procedures:type.${p.typeCode}`, { defaultValue: p.typeName }) : p.typeName;

export const procedureStatusName = (t: TFunction, status: ProcedureStatus): string => t(`procedures:status.${status}`);
