// Enforces any lifecycle of the contract: one check for every entity's status changes, one shape for every refusal.
import { type Lifecycle, type Role, type TransitionRefusal, allowedTargets, canTransition } from '../contract';
import { DomainError } from '../sqlite/domain-error';

/** Plain English for logs and tests; the screens phrase refusals themselves from the details. */
export interface RefusalMessages<S extends string> {
  systemOnly?: (to: S, command: string) => string;
  notFrom?: (from: S, to: S) => string;
  doctorOnly?: (to: S) => string;
  reason?: (to: S) => string;
}

export interface TransitionRequest<S extends string> {
  from: S;
  to: S;
  role: Role;
  reason: string | null;
  /** The named command making the change, for targets only a command reaches (`patients.convertInquiry`). */
  command?: string;
}

/**
 * Refuses what the lifecycle does not allow: INVALID_TRANSITION, FORBIDDEN (doctor-only) or VALIDATION (reason
 * missing), each with `{ entity, from, to, allowed }` where `allowed` is what this person may choose now.
 */
export function checkTransition<S extends string>(
  lc: Lifecycle<S>,
  r: TransitionRequest<S>,
  m: RefusalMessages<S> = {},
): void {
  const allowed = allowedTargets(lc, r.from, r.role);
  const details: TransitionRefusal = { entity: lc.entity, from: r.from, to: r.to, allowed };
  const system = lc.systemOnly[r.to];
  if (system) {
    if (r.command !== system.command) {
      const message = m.systemOnly?.(r.to, system.command) ?? `${lc.entity}: only ${system.command} reaches ${r.to}.`;
      throw new DomainError('INVALID_TRANSITION', message, { ...details, command: system.command });
    }
    if (!system.from.includes(r.from)) {
      const message = m.notFrom?.(r.from, r.to) ?? `${lc.entity}: ${r.to} only from ${system.from.join(', ')}.`;
      throw new DomainError('INVALID_TRANSITION', message, { ...details, command: system.command, allowed: [] });
    }
    return;
  }
  if (!canTransition(lc, r.from, r.to)) {
    const message = `${lc.entity}: cannot go from ${r.from} to ${r.to}; allowed: ${allowed.join(', ') || 'none'}.`;
    throw new DomainError('INVALID_TRANSITION', message, { ...details });
  }
  if (lc.doctorOnly.includes(r.to) && r.role !== 'doctor') {
    const message = m.doctorOnly?.(r.to) ?? `${lc.entity}: only a doctor may choose ${r.to}.`;
    throw new DomainError('FORBIDDEN', message, { ...details });
  }
  if (lc.reasonRequired.includes(r.to) && r.reason === null) {
    const message = m.reason?.(r.to) ?? `Say why (${r.to})`;
    throw new DomainError('VALIDATION', `reason: ${message}`, { ...details, fields: [{ path: 'reason', message }] });
  }
}
