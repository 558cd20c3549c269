// One handler per contract method, typed from the contract so a missing or mistyped one fails to compile.
import type { Method, Output, ParsedInput } from '../contract';
import * as auth from '../services/auth';
import type { CallContext } from '../services/context';
import * as inquiries from '../services/inquiries';

export type Handler<M extends Method> = (ctx: CallContext, input: ParsedInput<M>) => Output<M> | Promise<Output<M>>;
export type Handlers = { [M in Method]: Handler<M> };

export const handlers = {
  'auth.status': (ctx) => auth.status(ctx),
  'auth.setupAdmin': (ctx, input) => auth.setupAdmin(ctx, input),
  'auth.signIn': (ctx, input) => auth.signIn(ctx, input),
  'auth.signOut': (ctx) => auth.signOut(ctx),
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
} satisfies Handlers;
