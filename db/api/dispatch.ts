// dispatch: the one door into the core. Unknown method → error; zod parse → VALIDATION; role check → FORBIDDEN.
// With core.checkOutputs on (tests, development), a value that does not match the method's output schema → INTERNAL.
import type { z } from 'zod';
import { type ApiError, type Envelope, type FieldIssue, isMethod, type Method, methods } from '../contract';
import { noteFailure } from '../sqlite/corruption';
import { mapSqliteError } from '../sqlite/errors';
import { CALLABLE_WHILE_LOCKED, resolveActor } from '../services/auth';
import { CALLABLE_IN_RECOVERY, RECOVERY_MESSAGE } from '../services/recovery';
import type { CallContext, SessionHolder } from '../services/context';
import type { Core } from '../services/core';
import { DomainError } from '../services/errors';
import { type Handler, handlers } from './handlers';

export const fieldIssues = (error: z.ZodError): FieldIssue[] =>
  error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));

const INTERNAL_MESSAGE = 'Something went wrong inside StrokeDesk. Nothing was saved. The details are in the log.';

const fail = (code: ApiError['code'], message: string, details: ApiError['details'] = null): Envelope<never> => ({
  ok: false,
  error: { code, message, details },
});

export async function dispatch(
  core: Core,
  session: SessionHolder,
  method: string,
  rawInput: unknown,
): Promise<Envelope<unknown>> {
  const started = performance.now();
  if (!isMethod(method))
    return fail('UNKNOWN_METHOD', `There is no method called ${JSON.stringify(method.slice(0, 80))}.`);
  const spec = methods[method];
  const parsed = spec.input.safeParse(rawInput ?? {});
  if (!parsed.success) {
    const fields = fieldIssues(parsed.error);
    const first = fields[0];
    return fail('VALIDATION', first ? `${first.path || 'input'}: ${first.message}` : 'The input is not valid.', {
      fields,
    });
  }
  // Recovery mode: the records cannot be used, so nothing but recovery answers (not even a sign-in to a stand-in).
  if (core.recovery !== null && !CALLABLE_IN_RECOVERY.has(method)) {
    return fail('DB_CORRUPT', RECOVERY_MESSAGE, { recovery: core.recovery.kind });
  }
  try {
    const actor = resolveActor(core, session.token);
    if (spec.roles !== 'public') {
      if (!actor) return fail('UNAUTHENTICATED', 'Please sign in again.');
      if (!spec.roles.includes(actor.role)) {
        return fail('FORBIDDEN', `Your role (${actor.role}) may not do this.`, { method, role: actor.role });
      }
    }
    if (actor && !CALLABLE_WHILE_LOCKED.has(method) && core.sessions.isLocked(session.token)) {
      return fail('SCREEN_LOCKED', 'The screen is locked: enter your password to go on.');
    }
    const ctx: CallContext = { core, actor, session };
    const handler = handlers[method] as Handler<Method>;
    const value = await handler(ctx, parsed.data as never);
    if (core.checkOutputs) {
      const checked = spec.output.safeParse(value);
      if (!checked.success) {
        // Paths and codes only: the value itself may hold patient data.
        const paths = checked.error.issues
          .map((i) => `${i.path.map(String).join('.') || '(root)'}:${i.code}`)
          .join(' ');
        core.log.error('output does not match its schema', null, { method, issues: paths.slice(0, 1000) });
        return fail('INTERNAL', 'StrokeDesk answered in a form it should not have. The details are in the log.');
      }
    }
    core.log.info('call', { method, ms: Math.round(performance.now() - started) });
    return { ok: true, value };
  } catch (err) {
    // A read that met damage latches the connection too: the kernel refuses every later write.
    noteFailure(core.db, err);
    const known = err instanceof DomainError ? err : mapSqliteError(err);
    if (known) {
      core.log.info('refused', { method, code: known.code, ms: Math.round(performance.now() - started) });
      return fail(known.code, known.message, known.details as ApiError['details']);
    }
    core.log.error('unexpected error', err, { method });
    return fail('INTERNAL', INTERNAL_MESSAGE);
  }
}

export type { Method };
