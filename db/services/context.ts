// What every handler receives: the core, who is calling (if anyone), and the transport's session slot.
import type { Actor, Core } from './core';
import { DomainError } from '../sqlite/domain-error';

/** Owned by a transport: one per Electron window, per browser cookie, per test client. */
export interface SessionHolder {
  token: string | null;
}

export interface CallContext {
  core: Core;
  actor: Actor | null;
  session: SessionHolder;
}

/** Role-protected methods always have an actor (dispatch checked); this narrows the type. */
export function requireActor(ctx: CallContext): Actor {
  if (!ctx.actor) throw new DomainError('UNAUTHENTICATED', 'Please sign in.');
  return ctx.actor;
}
