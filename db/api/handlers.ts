// The handler table: one handler per contract method, collected from each domain's file (db/api/handlers/<domain>.ts),
// typed from the contract so a missing or mistyped one fails to compile. Adding a domain adds one line below.
import type { Method, Output, ParsedInput } from '../contract';
import type { CallContext } from '../services/context';
import { adverseEventsHandlers } from './handlers/adverse-events';
import { assessmentsHandlers } from './handlers/assessments';
import { attachmentsHandlers } from './handlers/attachments';
import { auditHandlers } from './handlers/audit';
import { backupsHandlers } from './handlers/backups';
import { authHandlers } from './handlers/auth';
import { clinicHandlers } from './handlers/clinic';
import { clinicNumbersHandlers } from './handlers/clinic-numbers';
import { coursesHandlers } from './handlers/courses';
import { draftsHandlers } from './handlers/drafts';
import { exportsHandlers } from './handlers/exports';
import { followUpsHandlers } from './handlers/follow-ups';
import { importsHandlers } from './handlers/imports';
import { inquiriesHandlers } from './handlers/inquiries';
import { outcomesHandlers } from './handlers/outcomes';
import { patientsHandlers } from './handlers/patients';
import { proceduresHandlers } from './handlers/procedures';
import { recoveryHandlers } from './handlers/recovery';

export type Handler<M extends Method> = (ctx: CallContext, input: ParsedInput<M>) => Output<M> | Promise<Output<M>>;
export type Handlers = { [M in Method]: Handler<M> };
/** One domain's handlers: exactly the methods of its contract table. */
export type DomainHandlers<T> = { [M in keyof T & Method]: Handler<M> };

export const handlers = {
  ...authHandlers,
  ...inquiriesHandlers,
  ...importsHandlers,
  ...patientsHandlers,
  ...attachmentsHandlers,
  ...draftsHandlers,
  ...proceduresHandlers,
  ...clinicHandlers,
  ...coursesHandlers,
  ...auditHandlers,
  ...backupsHandlers,
  ...assessmentsHandlers,
  ...adverseEventsHandlers,
  ...followUpsHandlers,
  ...clinicNumbersHandlers,
  ...outcomesHandlers,
  ...exportsHandlers,
  ...recoveryHandlers,
} satisfies Handlers;
