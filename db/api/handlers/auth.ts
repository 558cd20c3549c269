// Handlers for accounts, sign-in, sessions and languages: each contract method of `authMethods` calls its service.
import type { authMethods } from '../../contract';
import * as auth from '../../services/auth';
import type { DomainHandlers } from '../handlers';

export const authHandlers = {
  'auth.status': (ctx) => auth.status(ctx),
  'auth.setupAdmin': (ctx, input) => auth.setupAdmin(ctx, input),
  'auth.signIn': (ctx, input) => auth.signIn(ctx, input),
  'auth.signOut': (ctx) => auth.signOut(ctx),
  'auth.lock': (ctx) => auth.lockScreen(ctx),
  'auth.unlock': (ctx, input) => auth.unlockScreen(ctx, input),
  'auth.setLanguage': (ctx, input) => auth.setLanguage(ctx, input),
  'accounts.list': (ctx) => auth.list(ctx),
  'accounts.create': (ctx, input) => auth.create(ctx, input),
  'accounts.update': (ctx, input) => auth.update(ctx, input),
  'accounts.resetPassword': (ctx, input) => auth.resetPassword(ctx, input),
  'accounts.unlock': (ctx, input) => auth.unlock(ctx, input),
  'staff.list': (ctx) => auth.staff(ctx),
} satisfies DomainHandlers<typeof authMethods>;
