// One handler per contract method, typed from the contract so a missing or mistyped one fails to compile.
import type { Method, Output, ParsedInput } from '../contract';
import * as attachments from '../services/attachments';
import * as auth from '../services/auth';
import type { CallContext } from '../services/context';
import * as drafts from '../services/drafts';
import * as imports from '../services/imports';
import * as inquiries from '../services/inquiries';
import * as mrn from '../services/mrn';
import * as patients from '../services/patients';
import * as search from '../services/search';

export type Handler<M extends Method> = (ctx: CallContext, input: ParsedInput<M>) => Output<M> | Promise<Output<M>>;
export type Handlers = { [M in Method]: Handler<M> };

export const handlers = {
  'auth.status': (ctx) => auth.status(ctx),
  'auth.setupAdmin': (ctx, input) => auth.setupAdmin(ctx, input),
  'auth.signIn': (ctx, input) => auth.signIn(ctx, input),
  'auth.signOut': (ctx) => auth.signOut(ctx),
  'auth.setLanguage': (ctx, input) => auth.setLanguage(ctx, input),
  'accounts.list': (ctx) => auth.list(ctx),
  'accounts.create': (ctx, input) => auth.create(ctx, input),
  'accounts.update': (ctx, input) => auth.update(ctx, input),
  'accounts.resetPassword': (ctx, input) => auth.resetPassword(ctx, input),
  'staff.list': (ctx) => auth.staff(ctx),

  'inquiries.create': (ctx, input) => inquiries.create(ctx, input),
  'inquiries.update': (ctx, input) => inquiries.update(ctx, input),
  'inquiries.get': (ctx, input) => inquiries.get(ctx, input),
  'inquiries.list': (ctx, input) => inquiries.list(ctx, input),
  'inquiries.changeStatus': (ctx, input) => inquiries.changeStatus(ctx, input),
  'inquiries.assign': (ctx, input) => inquiries.assign(ctx, input),
  'inquiries.addActivity': (ctx, input) => inquiries.addActivity(ctx, input),
  'inquiries.worklist': (ctx, input) => inquiries.worklist(ctx, input),

  'imports.stage': (ctx, input) => imports.stage(ctx, input),
  'imports.checkDuplicates': (ctx, input) => imports.checkDuplicates(ctx, input),
  'imports.commit': (ctx, input) => imports.commit(ctx, input),

  'patients.create': (ctx, input) => patients.create(ctx, input),
  'patients.update': (ctx, input) => patients.update(ctx, input),
  'patients.get': (ctx, input) => patients.get(ctx, input),
  'patients.list': (ctx, input) => patients.list(ctx, input),
  'patients.conversionDraft': (ctx, input) => patients.conversionDraft(ctx, input),
  'patients.convertInquiry': (ctx, input) => patients.convertInquiry(ctx, input),
  'patients.duplicates': (ctx, input) => patients.duplicates(ctx, input),
  'patients.merge': (ctx, input) => patients.merge(ctx, input),
  'search.global': (ctx, input) => search.global(ctx, input),
  'settings.mrn': (ctx) => mrn.settings(ctx),
  'settings.setMrnFormat': (ctx, input) => mrn.setFormat(ctx, input),

  'attachments.list': (ctx, input) => attachments.list(ctx, input),
  'attachments.add': (ctx, input) => attachments.add(ctx, input),
  'attachments.remove': (ctx, input) => attachments.remove(ctx, input),

  'drafts.get': (ctx, input) => drafts.get(ctx, input),
  'drafts.save': (ctx, input) => drafts.save(ctx, input),
  'drafts.discard': (ctx, input) => drafts.discard(ctx, input),
  'drafts.mine': (ctx) => drafts.mine(ctx),
} satisfies Handlers;
